// Reads an organisations table (CSV, or nodes of a GEXF/GraphML file) into validated Organisation records.
import { isOrganisationType, type Organisation, type Person } from '../model/types';
import { parseCount, parseDecimal, splitList } from './cells';
import { ORGANISATION_COLUMNS, resolveColumns, type ColumnSpec, type OrganisationField } from './columns';
import type { RecordTable } from './csv-table';
import type { CellRef, ProblemLog } from './problems';
import { locate, memoResolver, type RegionResolver } from './region-lookup';
import { ROWS_PER_STEP, type Steps } from './steps';
import {
  cellAt,
  cellRef,
  checkId,
  checkSources,
  extraAttributes,
  optionalSeverity,
  requireColumns,
  type ReadOptions,
} from './table-checks';

export interface OrganisationContext {
  readonly log: ProblemLog;
  readonly options: ReadOptions & { readonly regions?: RegionResolver; readonly requireSources: boolean };
  readonly sourceIds: ReadonlySet<string>;
}

/** Keeps coordinates only when both are present and in range; each failure is reported once. */
function coordinates(
  latIn: number | null,
  lonIn: number | null,
  get: (f: 'lat' | 'lon') => string,
  report: (f: 'lat' | 'lon', value: string, message: string) => void,
): { lat: number | null; lon: number | null } {
  let lat = latIn;
  let lon = lonIn;
  if (lat !== null && (lat < -90 || lat > 90)) {
    report('lat', get('lat'), 'Latitude must lie between -90 and 90; the coordinates are ignored.');
    lat = null;
  }
  if (lon !== null && (lon < -180 || lon > 180)) {
    report('lon', get('lon'), 'Longitude must lie between -180 and 180; the coordinates are ignored.');
    lon = null;
  }
  if ((lat === null) !== (lon === null)) {
    const missing = lat === null ? 'lat' : 'lon';
    if (get(missing) === '')
      report(missing, '', 'Give both latitude and longitude, or neither; the coordinates are ignored.');
    return { lat: null, lon: null };
  }
  return { lat, lon };
}

const NO_PEOPLE: readonly Person[] = Object.freeze([]);

function parsePeople(text: string): readonly Person[] {
  if (text === '') return NO_PEOPLE;
  return splitList(text).map((item) => {
    const at = item.indexOf(':');
    return at === -1 ? { name: item, role: '' } : { name: item.slice(0, at).trim(), role: item.slice(at + 1).trim() };
  });
}

/** The organisations, or null when a required column is missing (nothing can be checked against them). */
export function* readOrganisations(
  table: RecordTable,
  ctx: OrganisationContext,
  spec: ColumnSpec<OrganisationField> = ORGANISATION_COLUMNS,
): Steps<Organisation[] | null> {
  const { log, options } = ctx;
  // A CSV without rows is refused earlier; a GEXF or GraphML file may well have no edges.
  if (table.rows.length === 0) return [];
  const { columns, extra } = resolveColumns(spec, table.headers);
  // Kumu and many hand-made sheets have names but no ids: the name then serves as id.
  if (columns.id === undefined && columns.name !== undefined && !options.strict) {
    columns.id = columns.name;
    log.report(
      'warning',
      'label-as-id',
      { file: table.file, line: 1, field: table.headers[columns.name] ?? 'name' },
      '',
      'No Id column: each organisation is identified by its name, so collaborations must name organisations exactly as written here.',
    );
  }
  if (!requireColumns(table, columns, ['id', 'name'], spec, log)) return null;
  // Many organisations share a region: resolve each distinct text once.
  const regions = options.regions ? memoResolver(options.regions) : undefined;
  const seen = new Set<string>();
  const result: Organisation[] = [];
  const soft = optionalSeverity(options);
  let n = 0;
  for (const row of table.rows) {
    if (++n % ROWS_PER_STEP === 0) yield ROWS_PER_STEP;
    const get = (f: OrganisationField) => cellAt(row, columns[f]);
    const ref = (f: OrganisationField): CellRef => cellRef(table, row, columns[f], f);
    const id = get('id');
    if (!checkId(id, seen, log, options.strict, table, row, columns.id, 'id')) continue;
    let name = get('name');
    if (name === '') {
      log.report(
        options.strict ? 'error' : 'warning',
        'missing-value',
        ref('name'),
        '',
        'Every organisation needs a name; its id is shown instead.',
      );
      name = id;
    }
    let attributes = extraAttributes(table, row, extra);
    const typeText = get('type');
    const typeKey = typeText.toLowerCase();
    const type: Organisation['type'] = isOrganisationType(typeKey) ? typeKey : 'other';
    if (type === 'other' && typeText !== '' && typeKey !== 'other') {
      log.report(
        'warning',
        'unknown-type',
        ref('type'),
        typeText,
        'Unknown organisation type; shown as "other" (the text is kept in the details).',
      );
      attributes = { ...attributes, type: typeText };
    }
    const { nuts, country } = locate(get('nuts'), get('country'), ref, log, regions);
    const number = (f: OrganisationField, parse: (t: string) => number | null, hint: string): number | null => {
      const text = get(f);
      if (text === '') return null;
      const value = parse(text);
      if (value === null) log.report(soft, 'invalid-number', ref(f), text, `${hint} The value is ignored.`);
      return value;
    };
    const { lat, lon } = coordinates(
      number('lat', parseDecimal, 'Write latitude in decimal degrees, e.g. 50.88 or 50,88.'),
      number('lon', parseDecimal, 'Write longitude in decimal degrees, e.g. 4.70 or 4,70.'),
      get,
      (f, value, message) => log.report(soft, 'invalid-coordinate', ref(f), value, message),
    );
    // Only when the row says nothing about place: a bad region or coordinate has its own warning already.
    if (get('nuts') === '' && get('country') === '' && get('lat') === '' && get('lon') === '')
      log.report(
        'warning',
        'no-location',
        ref('nuts'),
        '',
        'No region, country or coordinates: shown in the graph, listed as "not on the map".',
      );
    result.push({
      id,
      name,
      aliases: splitList(get('aliases')),
      type,
      country,
      nuts,
      city: get('city'),
      lat,
      lon,
      founded: number('founded', parseCount, 'Write the year founded as four digits.'),
      members: number('members', parseCount, 'Write the number of members as a whole number.'),
      employees: number('employees', parseCount, 'Write the number of employees as a whole number.'),
      themes: splitList(get('themes')),
      people: parsePeople(get('people')),
      website: get('website'),
      description: get('description'),
      sources: checkSources(
        get('sources'),
        ctx.sourceIds,
        options.requireSources,
        log,
        table,
        row,
        columns.sources,
        'sources',
      ),
      note: get('note'),
      attributes,
    });
  }
  yield n % ROWS_PER_STEP;
  return result;
}
