// Cluster Atlas's own project file: `{ format: 'cluster-atlas', version, dataset, positions?, view?, stories? }`, validated and versioned.
import * as v from 'valibot';
import { formatPartialDate, parseIsoPartialDate, type PartialDate } from '../model/dates';
import { COLLABORATION_KINDS, ORGANISATION_TYPES, type Dataset } from '../model/types';
import type { ProblemLog } from './problems';

export const PROJECT_FORMAT = 'cluster-atlas';
export const PROJECT_VERSION = 1;

/** What a project file carries besides the dataset; `view` and `stories` are validated by the state layer. */
export interface Project {
  readonly dataset: Dataset;
  readonly positions?: Record<string, [number, number]> | null;
  readonly view?: unknown;
  readonly stories?: unknown;
}

const text = v.optional(v.string(), '');
const list = v.optional(v.array(v.string()), []);
const count = v.optional(v.nullable(v.pipe(v.number(), v.finite())), null);
const date = v.nullable(
  v.pipe(
    v.string(),
    v.check((s) => parseIsoPartialDate(s) !== null, 'Write dates as YYYY, YYYY-MM or YYYY-MM-DD.'),
    v.transform((s) => parseIsoPartialDate(s) as PartialDate),
  ),
);
const attributes = v.optional(v.record(v.string(), v.string()), {});

const OrganisationSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  name: v.pipe(v.string(), v.nonEmpty()),
  aliases: list,
  type: v.optional(v.picklist(ORGANISATION_TYPES), 'other'),
  country: text,
  nuts: text,
  city: text,
  lat: v.optional(v.nullable(v.pipe(v.number(), v.minValue(-90), v.maxValue(90))), null),
  lon: v.optional(v.nullable(v.pipe(v.number(), v.minValue(-180), v.maxValue(180))), null),
  founded: count,
  members: count,
  employees: count,
  themes: list,
  people: v.optional(v.array(v.object({ name: v.string(), role: text })), []),
  website: text,
  description: text,
  sources: list,
  note: text,
  attributes,
});

const CollaborationSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  source: v.pipe(v.string(), v.nonEmpty()),
  target: v.pipe(v.string(), v.nonEmpty()),
  kind: v.optional(v.picklist(COLLABORATION_KINDS), 'other'),
  label: text,
  start: v.optional(date, null),
  end: v.optional(date, null),
  approximate: v.optional(v.boolean(), false),
  weight: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0)), 1),
  directed: v.optional(v.boolean(), false),
  description: text,
  sources: list,
  note: text,
  attributes,
});

const SourceSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  file: text,
  title: text,
  language: text,
  published: v.optional(date, null),
  dateBasis: text,
  publisher: text,
  author: text,
  url: text,
});

const ProjectSchema = v.object({
  format: v.literal(PROJECT_FORMAT),
  version: v.literal(PROJECT_VERSION),
  dataset: v.object({
    name: v.string(),
    sources: v.optional(v.array(SourceSchema), []),
    organisations: v.array(OrganisationSchema),
    collaborations: v.array(CollaborationSchema),
  }),
  positions: v.optional(
    v.nullable(v.record(v.string(), v.tuple([v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite())]))),
    null,
  ),
  view: v.optional(v.unknown()),
  stories: v.optional(v.unknown()),
});

/** Upgrades a document of version `from` to `from + 1`. Add one per format change; never edit a published one. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** Version 1 is the first published format, so there is nothing to migrate from yet. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * Brings an older document up to PROJECT_VERSION, one step at a time. Returns the document, or a
 * message when the version is newer than this app or older than any migration we have.
 */
export function migrateProject(
  doc: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current = PROJECT_VERSION,
): Record<string, unknown> | string {
  let version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return 'The project file has no version number.';
  if (version > current)
    return `This project was saved by a newer Cluster Atlas (format version ${version}; this app reads up to ${current}). Update the app, or export CSV from the newer one.`;
  let out = doc;
  while (version < current) {
    const step = migrations[version];
    if (!step)
      return `Format version ${version} is older than any this app can read; open it in the Cluster Atlas that saved it and export CSV.`;
    out = { ...step(out), version: version + 1 };
    version += 1;
  }
  return out;
}

/** Parses project JSON text; problems (with a JSON path) go to `log`; null when it cannot be used. */
export function parseProject(jsonText: string, file: string, log: ProblemLog): Project | null {
  const where = (path: string, field = '') => ({ file, line: 0, field, ...(path ? { path } : {}) });
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (e) {
    log.report(
      'error',
      'unreadable-file',
      where(''),
      String(e instanceof Error ? e.message : e),
      'This is not valid JSON (cut short, or edited by hand?). Save the project again.',
    );
    return null;
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== PROJECT_FORMAT) {
    log.report(
      'error',
      'unrecognised-file',
      where('format'),
      '',
      'This JSON file is not a Cluster Atlas project (no "format": "cluster-atlas").',
    );
    return null;
  }
  const migrated = migrateProject(raw as Record<string, unknown>);
  if (typeof migrated === 'string') {
    log.report(
      'error',
      'unsupported-version',
      where('version', 'version'),
      String((raw as { version?: unknown }).version),
      migrated,
    );
    return null;
  }
  const parsed = v.safeParse(ProjectSchema, migrated);
  if (!parsed.success) {
    for (const issue of parsed.issues.slice(0, 200)) {
      // `dataset.organisations[3].type`, the same notation as the integrity checks.
      const keys = (issue.path ?? []).map((item) => String(item.key));
      const path = keys.map((k, i) => (/^\d+$/.test(k) ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
      const field = keys.filter((k) => !/^\d+$/.test(k)).pop() ?? '';
      const value = typeof issue.input === 'object' ? (JSON.stringify(issue.input) ?? '') : String(issue.input);
      log.report('error', 'invalid-project', where(path, field), value, issue.message);
    }
    return null;
  }
  const { dataset, positions, view, stories } = parsed.output;
  return { dataset, positions, ...(view === undefined ? {} : { view }), ...(stories === undefined ? {} : { stories }) };
}

const dateText = (d: PartialDate | null): string | null => (d === null ? null : formatPartialDate(d));

/** The project as JSON text (dates as `YYYY-MM-DD` text at their own precision). */
export function projectToJson(project: Project): string {
  const { dataset } = project;
  return JSON.stringify({
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    dataset: {
      name: dataset.name,
      sources: dataset.sources.map((s) => ({ ...s, published: dateText(s.published) })),
      organisations: dataset.organisations,
      collaborations: dataset.collaborations.map((c) => ({ ...c, start: dateText(c.start), end: dateText(c.end) })),
    },
    positions: project.positions ?? null,
    ...(project.view === undefined ? {} : { view: project.view }),
    ...(project.stories === undefined ? {} : { stories: project.stories }),
  });
}
