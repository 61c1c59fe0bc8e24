// Turns the three CSV tables (sources, organisations, collaborations) into a validated Dataset.
import type { PartialDate } from '../model/dates';
import { firstDay, lastDay } from '../model/dates';
import type { ImportProblem, ImportResult } from '../model/errors';
import {
  isCollaborationKind,
  isOrganisationType,
  type Collaboration,
  type Dataset,
  type Organisation,
  type Person,
  type Source,
} from '../model/types';
import { parseCount, parseDecimal, parseFlag, parseUserDate, problem, splitList, type CellRef } from './cells';
import {
  COLLABORATION_COLUMNS,
  ORGANISATION_COLUMNS,
  SOURCE_COLUMNS,
  resolveColumns,
  type CollaborationField,
  type OrganisationField,
} from './columns';
import { normaliseHeader, readCsv, type CsvRow, type CsvTable } from './csv-table';

/** Resolves a region code; structural so io does not depend on how regions are stored. */
export interface RegionResolver {
  resolveCode(code: string): { code: string; renamedFrom?: string } | undefined;
}

export interface DatasetCsvInput {
  readonly name: string;
  readonly sources?: { readonly file: string; readonly text: string };
  readonly organisations: { readonly file: string; readonly text: string };
  readonly collaborations: { readonly file: string; readonly text: string };
}

export interface DatasetCsvOptions {
  /** Today as a day number: collaborations starting later are errors. */
  readonly today: number;
  readonly regions?: RegionResolver;
  /** Built-in data: every record must cite a known source. */
  readonly requireSources?: boolean;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** Parses and validates the tables; errors block the import, warnings let it through. */
export function parseDatasetCsv(input: DatasetCsvInput, options: DatasetCsvOptions): ImportResult<Dataset> {
  const out: ImportProblem[] = [];
  const sources = input.sources ? readSources(readCsv(input.sources.file, input.sources.text), out) : [];
  const sourceIds = new Set(sources.map((s) => s.id));
  const ctx: RowContext = { out, sourceIds, options };
  const organisations = readOrganisations(readCsv(input.organisations.file, input.organisations.text), ctx);
  const orgIds = new Set(organisations.map((o) => o.id));
  const collaborations = readCollaborations(readCsv(input.collaborations.file, input.collaborations.text), ctx, orgIds);
  const errors = out.filter((p) => p.severity === 'error');
  const warnings = out.filter((p) => p.severity === 'warning');
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, dataset: { name: input.name, sources, organisations, collaborations }, warnings };
}

interface RowContext {
  readonly out: ImportProblem[];
  readonly sourceIds: ReadonlySet<string>;
  readonly options: DatasetCsvOptions;
}

function tableProblems(table: CsvTable, out: ImportProblem[]): void {
  if (table.headers.length === 0 || table.headers.every((h) => h === '')) {
    out.push(
      problem(
        'error',
        'empty-file',
        { file: table.file, line: 0, field: '' },
        '',
        'The file is empty: it needs a header row and at least one data row.',
      ),
    );
  }
  for (const e of table.parseErrors) {
    out.push(
      problem(
        'error',
        'unreadable-file',
        { file: table.file, line: e.line, field: '' },
        '',
        `The row could not be read (${e.message}). Check the quotes on this line.`,
      ),
    );
  }
  for (const line of table.emptyLines) {
    out.push(problem('warning', 'empty-row', { file: table.file, line, field: '' }, '', 'An empty row was skipped.'));
  }
  const seen = new Set<string>();
  for (const h of table.headers) {
    const k = normaliseHeader(h);
    if (k !== '' && seen.has(k)) {
      out.push(
        problem(
          'warning',
          'missing-column',
          { file: table.file, line: 1, field: h },
          h,
          'This column name appears twice; only the first column is read. Rename one of them.',
        ),
      );
    }
    seen.add(k);
  }
}

function requireColumns<F extends string>(
  table: CsvTable,
  columns: Partial<Record<F, string>>,
  required: readonly F[],
  aliases: Record<F, readonly string[]>,
  out: ImportProblem[],
): boolean {
  let ok = true;
  for (const f of required) {
    if (columns[f] === undefined) {
      ok = false;
      out.push(
        problem(
          'error',
          'missing-column',
          { file: table.file, line: 1, field: f },
          '',
          `Add a column named "${f}" (accepted names: ${aliases[f].join(', ')}).`,
        ),
      );
    }
  }
  return ok;
}

/** Reads a cell by field through the resolved column mapping. */
function cellOf<F extends string>(row: CsvRow, columns: Partial<Record<F, string>>, field: F): string {
  const key = columns[field];
  return key === undefined ? '' : (row.cells[key] ?? '').trim();
}

function readSources(table: CsvTable, out: ImportProblem[]): Source[] {
  tableProblems(table, out);
  const { columns } = resolveColumns(SOURCE_COLUMNS, table.headers);
  if (!requireColumns(table, columns, ['id', 'title'], SOURCE_COLUMNS, out)) return [];
  const seen = new Set<string>();
  const result: Source[] = [];
  for (const row of table.rows) {
    const get = (f: keyof typeof SOURCE_COLUMNS) => cellOf(row, columns, f);
    const ref = (field: string): CellRef => ({ file: table.file, line: row.line, field });
    const id = get('id');
    if (!checkId(id, ref('id'), seen, out)) continue;
    const publishedText = get('published');
    const published = publishedText === '' ? null : parseUserDate(publishedText);
    if (publishedText !== '' && published === null) {
      out.push(
        problem(
          'error',
          'invalid-date',
          ref('published'),
          publishedText,
          'Write the date as YYYY, YYYY-MM or YYYY-MM-DD.',
        ),
      );
    }
    result.push({
      id,
      file: get('file'),
      title: get('title'),
      language: get('language'),
      published,
      dateBasis: get('date_basis'),
      publisher: get('publisher'),
      author: get('author'),
      url: get('url'),
    });
  }
  return result;
}

function checkId(id: string, ref: CellRef, seen: Set<string>, out: ImportProblem[]): boolean {
  if (id === '') {
    out.push(problem('error', 'missing-value', ref, id, 'Every row needs an id.'));
    return false;
  }
  if (!ID_PATTERN.test(id)) {
    out.push(
      problem(
        'error',
        'missing-value',
        ref,
        id,
        'Ids may hold letters, digits and . _ : - only, and start with a letter or digit.',
      ),
    );
    return false;
  }
  if (seen.has(id)) {
    out.push(problem('error', 'duplicate-id', ref, id, 'This id is used by an earlier row; ids must be unique.'));
    return false;
  }
  seen.add(id);
  return true;
}

function checkSources(text: string, ref: CellRef, ctx: RowContext): string[] {
  const ids = splitList(text);
  if (ctx.options.requireSources && ids.length === 0) {
    ctx.out.push(problem('error', 'missing-value', ref, text, 'Cite at least one source id from sources.csv.'));
  }
  for (const id of ids) {
    if (ctx.sourceIds.size > 0 && !ctx.sourceIds.has(id)) {
      ctx.out.push(problem('error', 'unknown-source', ref, id, 'This source id is not in sources.csv.'));
    }
  }
  return ids;
}

function optionalNumber(
  text: string,
  ref: CellRef,
  parse: (t: string) => number | null,
  out: ImportProblem[],
  hint: string,
): number | null {
  if (text === '') return null;
  const n = parse(text);
  if (n === null) out.push(problem('error', 'invalid-number', ref, text, hint));
  return n;
}

function parsePeople(text: string): Person[] {
  return splitList(text).map((item) => {
    const at = item.indexOf(':');
    return at === -1 ? { name: item, role: '' } : { name: item.slice(0, at).trim(), role: item.slice(at + 1).trim() };
  });
}

function extraAttributes(row: CsvRow, extra: readonly string[]): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const h of extra) {
    const v = row.cells[normaliseHeader(h)] ?? '';
    if (v.trim() !== '') attrs[h] = v.trim();
  }
  return attrs;
}

function readOrganisations(table: CsvTable, ctx: RowContext): Organisation[] {
  const { out, options } = ctx;
  tableProblems(table, out);
  const { columns, extra } = resolveColumns(ORGANISATION_COLUMNS, table.headers);
  if (!requireColumns(table, columns, ['id', 'name'], ORGANISATION_COLUMNS, out)) return [];
  const seen = new Set<string>();
  const result: Organisation[] = [];
  for (const row of table.rows) {
    const get = (f: OrganisationField) => cellOf(row, columns, f);
    const ref = (field: string): CellRef => ({ file: table.file, line: row.line, field });
    const id = get('id');
    if (!checkId(id, ref('id'), seen, out)) continue;
    const name = get('name');
    if (name === '') out.push(problem('error', 'missing-value', ref('name'), '', 'Every organisation needs a name.'));
    const typeText = get('type').toLowerCase();
    let type: Organisation['type'] = 'other';
    if (isOrganisationType(typeText)) type = typeText;
    else if (typeText !== '')
      out.push(
        problem('warning', 'unknown-type', ref('type'), typeText, 'Unknown organisation type; shown as "other".'),
      );
    let nuts = get('nuts').toUpperCase();
    if (nuts !== '' && options.regions) {
      const hit = options.regions.resolveCode(nuts);
      if (!hit) {
        out.push(
          problem(
            'warning',
            'unknown-region',
            ref('nuts'),
            nuts,
            'Not a NUTS 2021 code; the organisation is placed by its coordinates or country only.',
          ),
        );
        nuts = '';
      } else {
        if (hit.renamedFrom)
          out.push(
            problem(
              'warning',
              'renamed-region',
              ref('nuts'),
              nuts,
              `NUTS 2016 code renamed in 2021; read as ${hit.code}.`,
            ),
          );
        nuts = hit.code;
      }
    }
    const lat = optionalNumber(
      get('lat'),
      ref('lat'),
      parseDecimal,
      out,
      'Write latitude in decimal degrees, e.g. 50.88.',
    );
    const lon = optionalNumber(
      get('lon'),
      ref('lon'),
      parseDecimal,
      out,
      'Write longitude in decimal degrees, e.g. 4.70.',
    );
    if (lat !== null && (lat < -90 || lat > 90))
      out.push(
        problem('error', 'invalid-coordinate', ref('lat'), String(lat), 'Latitude must lie between -90 and 90.'),
      );
    if (lon !== null && (lon < -180 || lon > 180))
      out.push(
        problem('error', 'invalid-coordinate', ref('lon'), String(lon), 'Longitude must lie between -180 and 180.'),
      );
    if ((lat === null) !== (lon === null))
      out.push(
        problem(
          'error',
          'invalid-coordinate',
          ref(lat === null ? 'lat' : 'lon'),
          '',
          'Give both latitude and longitude, or neither.',
        ),
      );
    const country = get('country').toUpperCase();
    if (nuts === '' && country === '' && lat === null)
      out.push(
        problem(
          'warning',
          'no-location',
          ref('nuts'),
          '',
          'No region, country or coordinates: shown in the graph, listed as "not on the map".',
        ),
      );
    result.push({
      id,
      name,
      aliases: splitList(get('aliases')),
      type,
      country: country || nuts.slice(0, 2),
      nuts,
      city: get('city'),
      lat: lat !== null && lon !== null ? lat : null,
      lon: lat !== null && lon !== null ? lon : null,
      founded: optionalNumber(
        get('founded'),
        ref('founded'),
        parseCount,
        out,
        'Write the year founded as four digits.',
      ),
      members: optionalNumber(
        get('members'),
        ref('members'),
        parseCount,
        out,
        'Write the number of members as a whole number.',
      ),
      employees: optionalNumber(
        get('employees'),
        ref('employees'),
        parseCount,
        out,
        'Write the number of employees as a whole number.',
      ),
      themes: splitList(get('themes')),
      people: parsePeople(get('people')),
      website: get('website'),
      description: get('description'),
      sources: checkSources(get('sources'), ref('sources'), ctx),
      note: get('note'),
      attributes: extraAttributes(row, extra),
    });
  }
  return result;
}

function readDate(text: string, ref: CellRef, out: ImportProblem[]): PartialDate | null | undefined {
  if (text === '') return null;
  const d = parseUserDate(text);
  if (d === null) {
    out.push(
      problem('error', 'invalid-date', ref, text, 'Not a real date. Write YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY.'),
    );
    return undefined;
  }
  return d;
}

function readCollaborations(table: CsvTable, ctx: RowContext, orgIds: ReadonlySet<string>): Collaboration[] {
  const { out, options } = ctx;
  tableProblems(table, out);
  const { columns, extra } = resolveColumns(COLLABORATION_COLUMNS, table.headers);
  if (!requireColumns(table, columns, ['source', 'target'], COLLABORATION_COLUMNS, out)) return [];
  const seen = new Set<string>();
  const result: Collaboration[] = [];
  for (const row of table.rows) {
    const get = (f: CollaborationField) => cellOf(row, columns, f);
    const ref = (field: string): CellRef => ({ file: table.file, line: row.line, field });
    const id = columns.id === undefined ? `row-${row.line}` : get('id');
    if (!checkId(id, ref('id'), seen, out)) continue;
    const source = get('source');
    const target = get('target');
    let dangling = false;
    for (const [field, value] of [
      ['source', source],
      ['target', target],
    ] as const) {
      if (!orgIds.has(value)) {
        dangling = true;
        out.push(
          problem(
            'error',
            'dangling-endpoint',
            ref(field),
            value,
            value === ''
              ? 'Both endpoints are required.'
              : 'No organisation has this id; add it to the organisations file or fix the id.',
          ),
        );
      }
    }
    if (!dangling && source === target)
      out.push(
        problem(
          'warning',
          'self-loop',
          ref('target'),
          target,
          'A collaboration of an organisation with itself is kept but not drawn.',
        ),
      );
    const kindText = get('kind').toLowerCase();
    let kind: Collaboration['kind'] = 'other';
    if (isCollaborationKind(kindText)) kind = kindText;
    else if (kindText !== '')
      out.push(
        problem('warning', 'unknown-kind', ref('kind'), kindText, 'Unknown collaboration kind; shown as "other".'),
      );
    const start = readDate(get('start'), ref('start'), out);
    const end = readDate(get('end'), ref('end'), out);
    if (start === null && get('end') === '')
      out.push(problem('warning', 'undated', ref('start'), '', 'No start date: shown only when "show undated" is on.'));
    if (start && firstDay(start) > options.today)
      out.push(problem('error', 'future-date', ref('start'), get('start'), 'The start date lies in the future.'));
    if (start && end && lastDay(end) < firstDay(start))
      out.push(problem('error', 'reversed-period', ref('end'), get('end'), 'The end date lies before the start date.'));
    if (start === null && end)
      out.push(problem('error', 'missing-value', ref('start'), '', 'An end date needs a start date.'));
    const weightText = get('weight');
    const weight = weightText === '' ? 1 : parseDecimal(weightText);
    if (weight === null || weight <= 0)
      out.push(problem('error', 'invalid-number', ref('weight'), weightText, 'The weight must be a positive number.'));
    const approximate = parseFlag(get('approximate'));
    const directed = parseFlag(get('directed'));
    if (approximate === null)
      out.push(problem('error', 'invalid-number', ref('approximate'), get('approximate'), 'Write true or false.'));
    if (directed === null)
      out.push(problem('error', 'invalid-number', ref('directed'), get('directed'), 'Write true or false.'));
    result.push({
      id,
      source,
      target,
      kind,
      label: get('label'),
      start: start ?? null,
      end: end ?? null,
      approximate: approximate ?? false,
      weight: weight ?? 1,
      directed: directed ?? false,
      description: get('description'),
      sources: checkSources(get('sources'), ref('sources'), ctx),
      note: get('note'),
      attributes: extraAttributes(row, extra),
    });
  }
  return result;
}
