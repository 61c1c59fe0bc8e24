// The domain model shared by every part of Cluster Atlas: sources, organisations, collaborations, datasets.
import type { PartialDate } from './dates';

/** Organisation types known to the legend; imported data may use others, shown as "other". */
export const ORGANISATION_TYPES = [
  'cluster',
  'company',
  'university',
  'hospital',
  'research-centre',
  'government',
  'agency',
  'network',
  'programme',
  'project',
  'event',
  'investor',
  'region',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Collaboration kinds known to the legend. */
export const COLLABORATION_KINDS = [
  'partnership',
  'membership',
  'founding',
  'succession',
  'project',
  'event',
  'mission',
  'matchmaking',
  'funding',
  'recognition',
  'other',
] as const;
export type CollaborationKind = (typeof COLLABORATION_KINDS)[number];

export interface Source {
  readonly id: string;
  /** File name of the article in the seed folder, or a URL/reference for imported data. */
  readonly file: string;
  readonly title: string;
  /** ISO 639-1 code. */
  readonly language: string;
  /** Publication date, or the start of the period the article covers. */
  readonly published: PartialDate | null;
  /** How the date is known (stated in the text, inferred from …). */
  readonly dateBasis: string;
  readonly publisher: string;
  readonly author: string;
  readonly url: string;
}

export interface Person {
  readonly name: string;
  readonly role: string;
}

export interface Organisation {
  /** Stable, readable id chosen by the data author (`biowin`). Never used as a graphology key. */
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly type: OrganisationType;
  /** Eurostat country code (`BE`, `EL`, `UK`) or ISO 3166 alpha-2 outside NUTS (`US`, `JP`). */
  readonly country: string;
  /** NUTS 2021 code at the finest level known, or '' when unknown. */
  readonly nuts: string;
  readonly city: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly founded: number | null;
  readonly members: number | null;
  readonly employees: number | null;
  readonly themes: readonly string[];
  readonly people: readonly Person[];
  readonly website: string;
  readonly description: string;
  readonly sources: readonly string[];
  readonly note: string;
  /** Columns the importer did not recognise, kept verbatim. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface Collaboration {
  readonly id: string;
  /** Organisation ids. */
  readonly source: string;
  readonly target: string;
  readonly kind: CollaborationKind;
  readonly label: string;
  /** null when undated. */
  readonly start: PartialDate | null;
  /** null means open-ended (still running); one-off events repeat their start here. */
  readonly end: PartialDate | null;
  /** The date is an inference (explained in `note`), not stated in a source. */
  readonly approximate: boolean;
  readonly weight: number;
  readonly directed: boolean;
  readonly description: string;
  readonly sources: readonly string[];
  readonly note: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface Dataset {
  readonly name: string;
  readonly sources: readonly Source[];
  readonly organisations: readonly Organisation[];
  readonly collaborations: readonly Collaboration[];
}

export function isOrganisationType(value: string): value is OrganisationType {
  return (ORGANISATION_TYPES as readonly string[]).includes(value);
}

export function isCollaborationKind(value: string): value is CollaborationKind {
  return (COLLABORATION_KINDS as readonly string[]).includes(value);
}
