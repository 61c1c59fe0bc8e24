// Writes CSV that is safe to open in a spreadsheet: formula-like cells are neutralised, then quoted per RFC 4180.

/**
 * Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (or strip to one):
 * `=`, `+`, `-`, `@`, and tab, CR, LF or NUL in front of them.
 */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;
const LINE_BREAK = /[\r\n]/;

/**
 * Prefixes `'` to a cell a spreadsheet could run as a formula. Multi-line cells are prefixed too:
 * some spreadsheets re-split them on import, and a later line starting with `=` would then run.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) || LINE_BREAK.test(value) ? `'${value}` : value;
}

/** Quotes a cell when it holds a comma, quote or line break, doubling inner quotes. */
function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Rows to CSV text (comma, CRLF, trailing CRLF). Strings are neutralised; numbers are written as they are,
 * since a finite number cannot be a formula. A UTF-8 BOM is added by default so Excel reads accents correctly.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[], options: { bom?: boolean } = {}): string {
  const body = rows
    .map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : quote(neutraliseCell(cell)))).join(','))
    .map((line) => `${line}\r\n`)
    .join('');
  return (options.bom ?? true) ? `\uFEFF${body}` : body;
}

/** Whether a value needs the `'` prefix for stripping one `'` on import to be unambiguous (also `'` + trigger). */
function needsPrefix(value: string): boolean {
  if (neutraliseCell(value) !== value) return true;
  const rest = value.replace(/^'+/, '');
  return rest !== value && neutraliseCell(rest) !== rest;
}

/**
 * Undoes the export's neutralisation: drops one leading `'` when the rest would have needed it. Applied to every
 * CSV cell after trimming, so files exported by Cluster Atlas read back unchanged (a spreadsheet never writes a
 * leading `'` into CSV itself: there it only marks text).
 */
export function unneutraliseCell(value: string): string {
  return value.startsWith("'") && needsPrefix(value.slice(1)) ? value.slice(1) : value;
}
