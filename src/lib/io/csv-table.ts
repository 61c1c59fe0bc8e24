// Reads CSV text into header + rows that remember their file line, with delimiter detection.
import Papa from 'papaparse';

/** One data row: cells by normalised header name, and the 1-based file line where the row starts. */
export interface CsvRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

export interface CsvTable {
  readonly file: string;
  /** Headers as written in the file (BOM removed, trimmed). */
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
  readonly delimiter: string;
  /** Lines whose quoting could not be read (unterminated quote, …). */
  readonly parseErrors: readonly { line: number; message: string }[];
  /** Blank rows that were skipped, by line. */
  readonly emptyLines: readonly number[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Picks the delimiter that splits the header line into the most columns. Papaparse guesses `,`
 * for a semicolon file with decimal commas, so we look only at the header, which has no numbers.
 */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const header = end === -1 ? text : text.slice(0, end);
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = header.split(d).length - 1;
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

/**
 * Parses CSV text. Rows are keyed by the *normalised* header; duplicate headers keep the first
 * column and are reported by the caller (papaparse would rename them silently).
 */
export function readCsv(file: string, text: string): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(source);
  // Header mode off: papaparse's header mode renames duplicates and drops `__proto__`.
  const parsed = Papa.parse<string[]>(source, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const records = parsed.data;
  const lineOfRecord = recordStartLines(records);
  const headers = (records[0] ?? []).map((h) => h.trim());
  const keys = headers.map(normaliseHeader);
  const rows: CsvRow[] = [];
  const emptyLines: number[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r] ?? [];
    const line = lineOfRecord[r] ?? r + 1;
    if (record.every((c) => c.trim() === '')) {
      // A trailing newline yields one empty record at the end; it is not a user row.
      if (r !== records.length - 1) emptyLines.push(line);
      continue;
    }
    const cells: Record<string, string> = Object.create(null) as Record<string, string>;
    keys.forEach((k, i) => {
      if (k !== '' && !(k in cells)) cells[k] = record[i] ?? '';
    });
    rows.push({ line, cells });
  }
  const parseErrors = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ line: lineOfRecord[(e.row ?? 0) + 0] ?? 0, message: e.message }));
  return { file, headers, rows, delimiter, parseErrors, emptyLines };
}

/**
 * File line (1-based) where each record starts. Papaparse reports record indexes, not lines,
 * and a quoted cell may span lines, so we count line breaks record by record.
 */
function recordStartLines(records: readonly string[][]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const record of records) {
    lines.push(line);
    // Newlines inside cells plus the record terminator.
    let inner = 0;
    for (const cell of record) {
      for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) inner++;
    }
    line += inner + 1;
  }
  return lines;
}
