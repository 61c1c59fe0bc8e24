// The one-line caption of an exported figure: time window and mode, active filters and counts, in the user's language.
import type { DatePrecision } from '../model/dates';
import type { TimeMode, TimeWindow } from '../timeline/temporal-index';
import { formatWindowCaption, windowPrecision } from '../timeline/window-input';

/** Caption templates; `{name}` placeholders are filled with plain text. The app's i18n catalogue supplies nl/fr. */
export interface CaptionMessages {
  /** `{from}`/`{to}`: formatted window bounds. */
  readonly active: string;
  /** When both bounds format the same (a single month or year): `{period}`. */
  readonly activeSingle: string;
  readonly cumulative: string;
  /** No time window (the whole dataset). */
  readonly allTime: string;
  readonly types: string;
  readonly countries: string;
  readonly kinds: string;
  readonly organisationsOne: string;
  readonly organisationsOther: string;
  readonly collaborationsOne: string;
  readonly collaborationsOther: string;
  /** `{organisations}`, `{collaborations}`: the two counted phrases. */
  readonly counts: string;
  readonly undated: string;
  readonly separator: string;
  readonly listSeparator: string;
}

/** English caption templates, the default when the app passes none. */
export const ENGLISH_CAPTION: CaptionMessages = {
  active: 'Collaborations active from {from} to {to}',
  activeSingle: 'Collaborations active in {period}',
  cumulative: 'Collaborations started up to {to}',
  allTime: 'All collaborations',
  types: 'types: {list}',
  countries: 'countries: {list}',
  kinds: 'kinds: {list}',
  organisationsOne: '{count} organisation',
  organisationsOther: '{count} organisations',
  collaborationsOne: '{count} collaboration',
  collaborationsOther: '{count} collaborations',
  counts: '{organisations}, {collaborations}',
  undated: 'undated included',
  separator: ' · ',
  listSeparator: ', ',
};

export interface CaptionInput {
  /** Inclusive day numbers; null for no window. */
  readonly window: TimeWindow | null;
  readonly mode: TimeMode;
  /** Precision of the bounds; by default the coarsest at which they are whole periods. */
  readonly precision?: DatePrecision;
  /** Active filters as display labels; empty or absent means "all" and is left out. */
  readonly filters?: {
    readonly types?: readonly string[];
    readonly countries?: readonly string[];
    readonly kinds?: readonly string[];
  };
  readonly counts: { readonly organisations: number; readonly collaborations: number };
  readonly showUndated?: boolean;
  /** BCP 47 locale for dates and numbers (`en-GB`, `nl-BE`, `fr-BE`). */
  readonly locale: string;
  readonly messages?: CaptionMessages;
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function counted(n: number, one: string, other: string, locale: string): string {
  let nf = numberFormats.get(locale);
  let pr = pluralRules.get(locale);
  if (!nf || !pr) {
    // Built once per locale: constructing Intl objects costs far more than using them.
    nf = new Intl.NumberFormat(locale);
    pr = new Intl.PluralRules(locale);
    numberFormats.set(locale, nf);
    pluralRules.set(locale, pr);
  }
  return fill(pr.select(n) === 'one' ? one : other, { count: nf.format(n) });
}

function windowPhrase(input: CaptionInput, m: CaptionMessages): string {
  const w = input.window;
  if (w === null) return m.allTime;
  const precision = input.precision ?? windowPrecision(w);
  const from = formatWindowCaption({ from: w.from, to: w.from }, precision, input.locale);
  const to = formatWindowCaption({ from: w.to, to: w.to }, precision, input.locale);
  if (input.mode === 'cumulative') return fill(m.cumulative, { to });
  return from === to ? fill(m.activeSingle, { period: from }) : fill(m.active, { from, to });
}

/**
 * E.g. "Collaborations active from Jan 2016 to Dec 2021 · kinds: partnership, project · 42 organisations,
 * 57 collaborations". Plain text: escape it where it is written.
 */
export function captionText(input: CaptionInput): string {
  const m = input.messages ?? ENGLISH_CAPTION;
  const parts = [windowPhrase(input, m)];
  const filters = input.filters ?? {};
  for (const key of ['types', 'countries', 'kinds'] as const) {
    const list = filters[key] ?? [];
    if (list.length > 0) parts.push(fill(m[key], { list: list.join(m.listSeparator) }));
  }
  if (input.showUndated && input.window !== null) parts.push(m.undated);
  const { organisations, collaborations } = input.counts;
  parts.push(
    fill(m.counts, {
      organisations: counted(organisations, m.organisationsOne, m.organisationsOther, input.locale),
      collaborations: counted(collaborations, m.collaborationsOne, m.collaborationsOther, input.locale),
    }),
  );
  return parts.join(m.separator);
}
