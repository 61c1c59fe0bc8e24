// Checks shared by every table reader: file structure, required columns, ids, attributes of unknown columns.
import type { Severity } from '../model/errors';
import type { ColumnSpec } from './columns';
import { normaliseHeader, type CsvTable, type RecordRow, type RecordTable } from './csv-table';
import { splitList } from './cells';
import { unneutraliseCell } from './csv-safe';
import type { CellRef, ProblemLog } from './problems';

/** What a row reader needs besides its table. */
export interface ReadOptions {
  readonly today: number;
  /** Built-in data: readable ids, cited sources; bad numbers are errors rather than ignored. */
  readonly strict: boolean;
}

/** Severity for optional values that are ignored when unreadable (numbers, coordinates, flags). */
export const optionalSeverity = (options: ReadOptions): Severity => (options.strict ? 'error' : 'warning');

/** The reference of a cell: file, line or path, and the column as the file names it. */
export function cellRef(table: RecordTable, row: RecordRow, index: number | undefined, fallback: string): CellRef {
  const header = index === undefined ? fallback : (table.headers[index] ?? fallback);
  // XML readers name native attributes `@source`, `@start`…; the report says `source`, as the file does.
  const field = header.startsWith('@') ? header.slice(1) : header;
  return row.path === undefined
    ? { file: table.file, line: row.line, field }
    : { file: table.file, line: row.line, field, path: row.path };
}

/** Trimmed cell text with an export's formula guard (`'=…`) removed; '' when the column is absent. */
export const cellAt = (row: RecordRow, index: number | undefined): string =>
  index === undefined ? '' : unneutraliseCell((row.cells[index] ?? '').trim());

/** File-level problems of a CSV: empty, unreadable quotes, wrong delimiter, skipped rows, repeated headers. */
export function csvStructureProblems(table: CsvTable, log: ProblemLog): boolean {
  const at = (line: number, field = ''): CellRef => ({ file: table.file, line, field });
  if (table.headers.length === 0 || table.headers.every((h) => h === '')) {
    log.report('error', 'empty-file', at(0), '', 'The file is empty: it needs a header row and at least one data row.');
    return false;
  }
  const only = table.headers[0] ?? '';
  // Every table needs at least two columns, so a one-column header means the delimiter was not found.
  if (table.headers.length === 1) {
    log.report(
      'error',
      'wrong-delimiter',
      at(1),
      only,
      'The header is read as a single column. Separate columns with a comma, semicolon or tab.',
    );
    return false;
  }
  if (table.rows.length === 0 && table.parseErrors.length === 0) {
    log.report('error', 'empty-file', at(0), '', 'The file has a header row but no data rows.');
    return false;
  }
  for (const e of table.parseErrors)
    log.report(
      'error',
      'unreadable-file',
      at(e.line),
      '',
      `This row could not be read (${e.message}). Check the quotes that open on this line.`,
    );
  for (const e of table.extraCells)
    log.report(
      'error',
      'extra-cells',
      at(e.line, `column ${table.headers.length + 1}`),
      e.value,
      `The row has more cells than the header. Put quotes around values that contain "${table.delimiter === '\t' ? 'tab' : table.delimiter}".`,
    );
  for (const line of table.emptyLines) log.report('warning', 'empty-row', at(line), '', 'An empty row was skipped.');
  const seen = new Set<string>();
  for (const h of table.headers) {
    const k = normaliseHeader(h);
    if (k !== '' && seen.has(k))
      log.report(
        'warning',
        'duplicate-column',
        at(1, h),
        h,
        'This column name appears twice; only the first column is read. Rename one of them.',
      );
    seen.add(k);
  }
  // Rows after a broken quote are swallowed into one cell: checking them would only add noise.
  return table.parseErrors.length === 0;
}

/** Reports each required field without a column; true when all are present. */
export function requireColumns<F extends string>(
  table: RecordTable,
  columns: Partial<Record<F, number>>,
  required: readonly F[],
  spec: ColumnSpec<F>,
  log: ProblemLog,
): boolean {
  let ok = true;
  for (const f of required) {
    if (columns[f] !== undefined) continue;
    ok = false;
    log.report(
      'error',
      'missing-column',
      { file: table.file, line: 1, field: f },
      '',
      `Add a column named "${f}" (accepted names: ${spec[f].join(', ')}).`,
    );
  }
  return ok;
}

const READABLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

// The row loops run 250,000 times: the functions below take the cell's place as arguments (table, row, column,
// field name) and build a CellRef only when they report, so a clean row allocates nothing for them.

/** Checks an id is present, unique (and readable in strict mode); records it in `seen`. */
export function checkId(
  id: string,
  seen: Set<string>,
  log: ProblemLog,
  strict: boolean,
  ...at: [table: RecordTable, row: RecordRow, index: number | undefined, field: string]
): boolean {
  if (id === '') log.report('error', 'missing-value', cellRef(...at), id, 'Every row needs an id.');
  else if (strict && !READABLE_ID.test(id))
    log.report(
      'error',
      'missing-value',
      cellRef(...at),
      id,
      'Ids may hold letters, digits and . _ : - only, and start with a letter or digit.',
    );
  else if (seen.has(id))
    log.report('error', 'duplicate-id', cellRef(...at), id, 'This id is used by an earlier row; ids must be unique.');
  else {
    seen.add(id);
    return true;
  }
  return false;
}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/** Non-empty cells of unrecognised columns, by header as written (a shared frozen object when there are none). */
export function extraAttributes(table: RecordTable, row: RecordRow, extra: readonly number[]): Record<string, string> {
  let attrs: Record<string, string> | undefined;
  for (const i of extra) {
    const v = unneutraliseCell((row.cells[i] ?? '').trim());
    const h = table.headers[i];
    if (v === '' || h === undefined) continue;
    attrs ??= {};
    // defineProperty: a column named `__proto__` must become a plain attribute, not the object's prototype.
    Object.defineProperty(attrs, h, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return attrs ?? (NO_ATTRIBUTES as Record<string, string>);
}

const NO_IDS: readonly string[] = Object.freeze([]);

/** Cited source ids; unknown ones are errors when a sources table was given. */
export function checkSources(
  text: string,
  sourceIds: ReadonlySet<string>,
  requireSources: boolean,
  log: ProblemLog,
  ...at: [table: RecordTable, row: RecordRow, index: number | undefined, field: string]
): readonly string[] {
  const ids = text === '' ? NO_IDS : splitList(text);
  if (requireSources && ids.length === 0)
    log.report('error', 'missing-value', cellRef(...at), text, 'Cite at least one source id from sources.csv.');
  for (const id of ids)
    if (sourceIds.size > 0 && !sourceIds.has(id))
      log.report('error', 'unknown-source', cellRef(...at), id, 'This source id is not in the sources file.');
  return ids;
}
