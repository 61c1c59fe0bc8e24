// Typed import problems: every error and warning names its file, line, field and value.

/** Stable codes; tests assert these, never the wording. */
export type ProblemCode =
  | 'missing-column'
  | 'missing-value'
  | 'duplicate-id'
  | 'dangling-endpoint'
  | 'unknown-source'
  | 'invalid-date'
  | 'ambiguous-date'
  | 'reversed-period'
  | 'future-date'
  | 'invalid-number'
  | 'invalid-coordinate'
  | 'unknown-type'
  | 'unknown-kind'
  | 'unknown-region'
  | 'renamed-region'
  | 'no-location'
  | 'undated'
  | 'self-loop'
  | 'empty-row'
  | 'unreadable-file'
  | 'unsafe-xml'
  | 'too-large'
  | 'empty-file'
  // Added with "Load your own data" (src/lib/io/import-files.ts).
  | 'legacy-encoding'
  | 'wrong-delimiter'
  | 'duplicate-column'
  | 'extra-cells'
  | 'unrecognised-file'
  | 'missing-file'
  | 'extra-file'
  | 'month-first-date'
  | 'unsupported-time'
  | 'unsupported-version'
  | 'invalid-project'
  | 'invalid-value'
  | 'label-as-id'
  | 'ambiguous-region'
  | 'ignored-element'
  | 'aborted';

export type Severity = 'error' | 'warning';

export interface ImportProblem {
  readonly severity: Severity;
  readonly code: ProblemCode;
  /** File name as the user gave it. */
  readonly file: string;
  /** 1-based line in the file (the header is line 1), or 0 when the problem concerns the whole file. */
  readonly line: number;
  /** Where in an XML or JSON file (`edges/edge[12]`, `dataset.organisations[3].id`); XML and JSON have no useful line. */
  readonly path?: string;
  readonly field: string;
  readonly value: string;
  /** Says what is wrong and how to fix it. */
  readonly message: string;
}

export type ImportResult<T> =
  | { readonly ok: true; readonly dataset: T; readonly warnings: readonly ImportProblem[] }
  | { readonly ok: false; readonly errors: readonly ImportProblem[]; readonly warnings: readonly ImportProblem[] };

/** Thrown only for programming errors; bad input is reported through ImportProblem, never thrown. */
export class AtlasError extends Error {
  override readonly name = 'AtlasError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`atlas: ${message}`);
  }
}

/** One-line human text of a problem, as shown in the import report and the CLI. */
export function formatProblem(p: ImportProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.path ? `${p.file} ${p.path}` : p.file;
  const field = p.field ? ` ${p.field}` : '';
  const value = p.value ? ` = "${p.value}"` : '';
  return `${where}${field}${value} — ${p.message}`;
}
