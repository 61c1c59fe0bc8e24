// Long loops written once as generators that yield progress; run them straight through, or chunked with progress and abort.

/** A computation that yields how many work units it finished since its last yield, then returns T. */
export type Steps<T> = Generator<number, T, undefined>;

/** Rows handled between two yields: small enough for a smooth progress bar, large enough to cost nothing. */
export const ROWS_PER_STEP = 4096;

/** Runs to completion without yielding to the event loop (the built-in dataset, scripts, tests). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface StepControl {
  /** Total work units expected, for the fraction; may be an estimate. */
  readonly total: number;
  /** Maps the fraction of this run to the caller's overall progress. */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: { readonly aborted: boolean };
}

/** Thrown between chunks when the signal is aborted; caught by the import entry point. */
export class ImportAborted extends Error {
  override readonly name = 'ImportAborted';
}

// Yielding costs a macrotask (≥ 4 ms when nested in browsers), so yield at most this often.
const YIELD_EVERY_MS = 30;

/** Resolves in a later task, so the task awaiting it ends first. */
export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs the steps, reporting progress and yielding to the event loop every ~30 ms so an abort
 * message can arrive; throws ImportAborted when `signal.aborted` is seen between chunks.
 */
export async function runStepsAsync<T>(steps: Steps<T>, control: StepControl): Promise<T> {
  let done = 0;
  let last = Date.now();
  for (;;) {
    if (control.signal?.aborted) throw new ImportAborted('import aborted');
    const next = steps.next();
    if (next.done) return next.value;
    done += next.value;
    control.onProgress?.(control.total > 0 ? Math.min(1, done / control.total) : 0);
    if (Date.now() - last >= YIELD_EVERY_MS) {
      await macrotask();
      last = Date.now();
    }
  }
}
