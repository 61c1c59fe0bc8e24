// Formula neutralisation that the importer can undo exactly: io's `neutraliseCell` plus the one case it cannot invert.
import { neutraliseCell, toCsv } from '../io/csv-safe';

export { neutraliseCell, toCsv };

/** `value` without its leading apostrophes. */
function afterApostrophes(value: string): string {
  let k = 0;
  while (value.charCodeAt(k) === 0x27) k++;
  return value.slice(k);
}

/**
 * Whether a cell must carry the `'` prefix so that stripping one `'` on import is unambiguous: io's rule (a formula
 * trigger first, or a line break anywhere), or a value that already starts with `'` in front of such a cell — without
 * that, `'=1` would be written as is and read back as `=1`.
 */
export function needsNeutralising(value: string): boolean {
  if (neutraliseCell(value) !== value) return true;
  const rest = afterApostrophes(value);
  return rest !== value && neutraliseCell(rest) !== rest;
}

/**
 * Adds the extra `'` that `neutraliseCell` leaves out (a single-line value starting with `'` before a trigger), so a
 * cell passed through `toCsv` afterwards gets exactly one prefix whenever {@link needsNeutralising} says so.
 */
export function protectApostrophe(value: string): string {
  return neutraliseCell(value) === value && needsNeutralising(value) ? `'${value}` : value;
}

/** The full export rule in one step: one leading `'` exactly when {@link needsNeutralising}. */
export function exportCell(value: string): string {
  return needsNeutralising(value) ? `'${value}` : value;
}

/**
 * Inverse of {@link exportCell}: drops one leading `'` when the rest would have needed it. The importer applies it to
 * every text cell after trimming (trimming first keeps a protected leading tab), so exports read back unchanged.
 */
export function unneutraliseCell(value: string): string {
  return value.startsWith("'") && needsNeutralising(value.slice(1)) ? value.slice(1) : value;
}
