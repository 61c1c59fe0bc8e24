// Builds import problems and collects them with a cap per file and code, so 250,000 bad rows give a readable report.
import type { ImportProblem, ImportResult, ProblemCode, Severity } from '../model/errors';

/** Where a value came from: file, 1-based line (0 when unknown), XML/JSON path, field. */
export interface CellRef {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly path?: string;
}

/** One problem; long values are shortened, since the start is enough to find the cell. */
export function problem(
  severity: Severity,
  code: ProblemCode,
  ref: CellRef,
  value: string,
  message: string,
): ImportProblem {
  const shown = value.length > 80 ? `${value.slice(0, 77)}…` : value;
  const base = { severity, code, file: ref.file, line: ref.line, field: ref.field, value: shown, message };
  return ref.path === undefined || ref.path === '' ? base : { ...base, path: ref.path };
}

/** Problems listed in full per file and code; the rest are counted in one summary line. */
export const PROBLEMS_PER_CODE = 100;

export class ProblemLog {
  private readonly list: ImportProblem[] = [];
  private readonly counts = new Map<string, number>();
  private readonly hidden = new Map<string, { first: ImportProblem; count: number }>();
  private errorCount = 0;

  add(p: ImportProblem): void {
    if (p.severity === 'error') this.errorCount++;
    const key = `${p.severity}\0${p.file}\0${p.code}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= PROBLEMS_PER_CODE) {
      this.list.push(p);
      return;
    }
    const h = this.hidden.get(key);
    if (h) h.count++;
    else this.hidden.set(key, { first: p, count: 1 });
  }

  /** Shorthand for `add(problem(…))`. */
  report(severity: Severity, code: ProblemCode, ref: CellRef, value: string, message: string): void {
    this.add(problem(severity, code, ref, value, message));
  }

  addAll(problems: Iterable<ImportProblem>): void {
    for (const p of problems) this.add(p);
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** Every listed problem plus one summary per capped file and code, in the order first seen. */
  problems(): ImportProblem[] {
    const summaries = [...this.hidden.values()].map(({ first, count }) =>
      problem(
        first.severity,
        first.code,
        { file: first.file, line: 0, field: first.field },
        String(count),
        `${count} more rows have this problem; fix the ones listed above, then load the file again to see the rest.`,
      ),
    );
    return [...this.list, ...summaries];
  }

  /** The result when an error stopped the import early: the errors and warnings so far, no data. */
  failure(): ImportResult<never> {
    const all = this.problems();
    return {
      ok: false,
      errors: all.filter((p) => p.severity === 'error'),
      warnings: all.filter((p) => p.severity === 'warning'),
    };
  }

  /** The import result: errors block it, warnings travel with the data. */
  result<T>(value: T): ImportResult<T> {
    const all = this.problems();
    const errors = all.filter((p) => p.severity === 'error');
    const warnings = all.filter((p) => p.severity === 'warning');
    return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, dataset: value, warnings };
  }
}
