// Turns record tables (sources, organisations, collaborations) into a validated Dataset: the heart of every import.
import type { ImportResult } from '../model/errors';
import type { Dataset, Organisation } from '../model/types';
import { readCollaborations } from './collaboration-rows';
import {
  COLLABORATION_COLUMNS,
  ORGANISATION_COLUMNS,
  type CollaborationField,
  type ColumnSpec,
  type OrganisationField,
} from './columns';
import { readCsv, type RecordTable } from './csv-table';
import { readOrganisations, type OrganisationContext } from './organisation-rows';
import { ProblemLog } from './problems';
import type { RegionResolver } from './region-lookup';
import { readSources } from './source-rows';
import { runSteps, type Steps } from './steps';
import { csvStructureProblems } from './table-checks';

export type { RegionLookup, RegionResolver } from './region-lookup';

export interface DatasetCsvInput {
  readonly name: string;
  readonly sources?: { readonly file: string; readonly text: string };
  readonly organisations: { readonly file: string; readonly text: string };
  readonly collaborations: { readonly file: string; readonly text: string };
}

export interface DatasetCsvOptions {
  /** Today as a day number: collaborations starting later are errors (warnings for user data). */
  readonly today: number;
  readonly regions?: RegionResolver;
  /** Built-in data: every record must cite a known source, ids must be readable, bad numbers are errors. */
  readonly requireSources?: boolean;
}

/** Parses and validates the CSV texts; errors block the import, warnings let it through. */
export function parseDatasetCsv(input: DatasetCsvInput, options: DatasetCsvOptions): ImportResult<Dataset> {
  const log = new ProblemLog();
  const tables = {
    sources: input.sources ? readCsv(input.sources.file, input.sources.text) : undefined,
    organisations: readCsv(input.organisations.file, input.organisations.text),
    collaborations: readCsv(input.collaborations.file, input.collaborations.text),
  };
  const dataset = runSteps(
    datasetFromTables(input.name, tables, log, {
      today: options.today,
      strict: options.requireSources ?? false,
      requireSources: options.requireSources ?? false,
      ...(options.regions ? { regions: options.regions } : {}),
    }),
  );
  return log.result(dataset);
}

/** The tables of one import; CSV tables get structural checks (quotes, delimiter, empty rows). */
export interface DatasetTables {
  readonly sources?: RecordTable | undefined;
  readonly organisations: RecordTable;
  readonly collaborations: RecordTable;
}

export interface TableSpecs {
  readonly organisations?: ColumnSpec<OrganisationField>;
  readonly collaborations?: ColumnSpec<CollaborationField>;
}

const isCsv = (t: RecordTable): t is import('./csv-table').CsvTable => 'delimiter' in t;

/** Rows in all tables: the work total for progress. */
export const tableRows = (t: DatasetTables): number =>
  (t.sources?.rows.length ?? 0) + t.organisations.rows.length + t.collaborations.rows.length;

/** Reads the tables in order; problems go to `log`. Yields rows processed, for progress. */
export function* datasetFromTables(
  name: string,
  tables: DatasetTables,
  log: ProblemLog,
  options: OrganisationContext['options'],
  specs: TableSpecs = {},
): Steps<Dataset> {
  const readable = (t: RecordTable) => !isCsv(t) || csvStructureProblems(t, log);
  const sources = tables.sources && readable(tables.sources) ? yield* readSources(tables.sources, log, options) : [];
  const ctx = { log, options, sourceIds: new Set(sources.map((s) => s.id)) };
  const orgs = readable(tables.organisations)
    ? yield* readOrganisations(tables.organisations, ctx, specs.organisations ?? ORGANISATION_COLUMNS)
    : null;
  const organisations = orgs ?? [];
  // Without readable organisations every endpoint would be reported as dangling: noise that hides the real error.
  const collaborations =
    readable(tables.collaborations) && orgs !== null
      ? yield* readCollaborations(
          tables.collaborations,
          { ...ctx, orgIds: new Set(organisations.map((o) => o.id)), hintFor: hinter(organisations) },
          specs.collaborations ?? COLLABORATION_COLUMNS,
        )
      : [];
  return { name, sources, organisations, collaborations };
}

/** Suggests an id for a dangling endpoint; the lookup map is built only on the first dangling endpoint. */
function hinter(organisations: readonly Organisation[]): (value: string) => string | undefined {
  let map: Map<string, string> | undefined;
  return (value) => {
    if (!map) {
      map = new Map();
      for (const o of organisations) {
        map.set(o.name.toLowerCase(), o.id);
        map.set(o.id.toLowerCase(), o.id);
      }
    }
    return map.get(value.toLowerCase());
  };
}
