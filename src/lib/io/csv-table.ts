// Reads CSV text into headers + rows that remember their file line, with delimiter detection.
import Papa from 'papaparse';
import { unneutraliseCell } from './csv-safe';

/** One record: cells in header order, the 1-based file line where it starts, or an XML/JSON path. */
export interface RecordRow {
  readonly line: number;
  readonly path?: string;
  readonly cells: readonly string[];
}

/** A table of records from any format; CSV, GEXF and GraphML all become this before validation. */
export interface RecordTable {
  readonly file: string;
  /** Headers as written in the file (BOM removed, trimmed). */
  readonly headers: readonly string[];
  readonly rows: readonly RecordRow[];
}

export interface CsvTable extends RecordTable {
  readonly delimiter: string;
  /** Lines whose quoting could not be read (unterminated quote, …). */
  readonly parseErrors: readonly { line: number; message: string }[];
  /** Blank rows that were skipped, by line. */
  readonly emptyLines: readonly number[];
  /** Rows with non-empty cells beyond the last header: an unquoted delimiter inside a value. */
  readonly extraCells: readonly { line: number; value: string }[];
}

/** @deprecated Use RecordRow. Kept for code written against the first importer. */
export type CsvRow = RecordRow;

const DELIMITERS = [',', ';', '\t'] as const;

/** Counts `ch` outside double-quoted parts of one line. */
function countOutsideQuotes(line: string, ch: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) count++;
  }
  return count;
}

/**
 * Picks the delimiter that splits the header line into the most columns. Papaparse guesses `,`
 * for a semicolon file with decimal commas, so we look only at the header, which has no numbers.
 */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r\n|\n|\r/);
  const header = end === -1 ? text : text.slice(0, end);
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = countOutsideQuotes(header, d);
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Lower-cases and strips spaces, underscores and dashes, so `Start Date`, `start_date` and `START-DATE` match. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** Parses CSV text (header mode off: papaparse's header mode renames duplicate headers and drops `__proto__`). */
export function readCsv(file: string, text: string): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(source);
  const parsed = Papa.parse<string[]>(source, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const records = parsed.data;
  // Without a quote no cell can hold a line break, so record r starts on line r + 1.
  const lineOfRecord = source.includes('"') ? recordStartLines(records, parsed.meta.linebreak) : undefined;
  const headers = (records[0] ?? []).map((h) => unneutraliseCell(h.trim()));
  const width = headers.length;
  const rows: RecordRow[] = [];
  const emptyLines: number[] = [];
  const extraCells: { line: number; value: string }[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r] ?? [];
    const line = lineOfRecord?.[r] ?? r + 1;
    if (isBlank(record)) {
      // A trailing newline yields one empty record at the end; it is not a user row.
      if (r !== records.length - 1) emptyLines.push(line);
      continue;
    }
    if (record.length > width) {
      const extra = record.slice(width).filter((c) => c.trim() !== '');
      if (extra.length > 0) extraCells.push({ line, value: extra.join(delimiter) });
    }
    rows.push({ line, cells: record.length === width ? record : padOrCut(record, width) });
  }
  const seen = new Set<number>();
  const parseErrors: { line: number; message: string }[] = [];
  for (const e of parsed.errors) {
    if (e.code === 'UndetectableDelimiter' || seen.has(e.row ?? 0)) continue;
    seen.add(e.row ?? 0);
    parseErrors.push({ line: lineOfRecord?.[e.row ?? 0] ?? (e.row ?? 0) + 1, message: e.message });
  }
  return { file, headers, rows, delimiter, parseErrors, emptyLines, extraCells };
}

function isBlank(record: readonly string[]): boolean {
  for (const c of record) if (c !== '' && c.trim() !== '') return false;
  return true;
}

function padOrCut(record: readonly string[], width: number): string[] {
  const cells = record.slice(0, width);
  while (cells.length < width) cells.push('');
  return cells;
}

/**
 * File line (1-based) where each record starts. Papaparse reports record indexes, not lines,
 * and a quoted cell may span lines, so we count line breaks record by record.
 */
function recordStartLines(records: readonly string[][], linebreak: string): number[] {
  const breakChar = linebreak === '\r' ? '\r' : '\n';
  const lines: number[] = [];
  let line = 1;
  for (const record of records) {
    lines.push(line);
    let inner = 0;
    for (const cell of record) {
      for (let i = cell.indexOf(breakChar); i !== -1; i = cell.indexOf(breakChar, i + 1)) inner++;
    }
    line += inner + 1;
  }
  return lines;
}
