// The import report as a CSV download: one row per problem, cells neutralised against spreadsheet formulas.
import type { ImportProblem } from '../model/errors';
import { toCsv } from './csv-safe';

export const PROBLEM_CSV_HEADER = ['severity', 'code', 'file', 'line', 'path', 'field', 'value', 'message'] as const;

/** CSV text (UTF-8 BOM, CRLF) of the problems, errors first, in the order they were found. */
export function problemsToCsv(problems: readonly ImportProblem[]): string {
  const sorted = [
    ...problems.filter((p) => p.severity === 'error'),
    ...problems.filter((p) => p.severity === 'warning'),
  ];
  return toCsv([
    [...PROBLEM_CSV_HEADER],
    ...sorted.map((p) => [
      p.severity,
      p.code,
      p.file,
      p.line > 0 ? p.line : '',
      p.path ?? '',
      p.field,
      p.value,
      p.message,
    ]),
  ]);
}
