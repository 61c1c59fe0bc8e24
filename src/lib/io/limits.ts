// Size limit checked before a user's file is read, so a huge file is refused without freezing the tab.
import type { ImportProblem } from '../model/errors';
import { problem } from './problems';

/** 200 MB: far above the 250,000-collaboration target (≈ 30 MB of CSV), far below what a tab can hold twice. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * A `too-large` error when `bytes` (the file's length, e.g. `File.size`) exceeds the limit, else null.
 * Call it before reading the file; `importFiles` calls it again on the bytes it is given.
 */
export function checkFileSize(name: string, bytes: number): ImportProblem | null {
  if (bytes <= MAX_FILE_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return problem(
    'error',
    'too-large',
    { file: name, line: 0, field: '' },
    mb(bytes),
    `The file is ${mb(bytes)}; files up to ${mb(MAX_FILE_BYTES)} can be loaded. Split it or remove unused columns.`,
  );
}
