// Builds a large dataset's views in tasks of their own, so the task that receives an import stays short.

/**
 * Above this many organisations a view builds its scene after the import's hand-off: built in that task, the views
 * of a 5k/25k import held one frame for 0.8–0.95 s (seconds at 50k); in tasks of their own the longest is ~0.2 s.
 */
export const BUILD_LATER_ORGS = 1_000;

/** Whether a view of this dataset should build in a later task (see `laterTask`). */
export function buildsLater(orgCount: number): boolean {
  return orgCount > BUILD_LATER_ORGS;
}

/** Runs `work` in a later task (other views and a frame may run first); returns a cancel function. */
export function laterTask(work: () => void): () => void {
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}

/**
 * Resolves in a later task: an async sequence awaiting it lets the current task end first. Not after a frame: once
 * sigma draws, a frame in software WebGL takes ~0.3 s, and waiting for frames held a 5k map back by ~0.9 s.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves in a task after the next frame (or after `hiddenMs` in a hidden page, which gets no frames), so the work
 * awaiting it does not share the current frame: tasks queued back to back are often run in one frame.
 */
export function afterNextFrame(hiddenMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(go);
    setTimeout(go, hiddenMs);
  });
}

/** Main-thread time a stepped build may take per task, ms: under the 50 ms a frame may be held. */
export const STEP_BUDGET_MS = 40;

/**
 * Runs a stepped build (a generator that yields between small pieces of work) over later tasks, each taking about
 * `budgetMs`, then hands its result to `done` in a task of its own. Returns a cancel function.
 */
export function laterSteps<T>(
  steps: Generator<void, T, void>,
  done: (value: T) => void,
  budgetMs = STEP_BUDGET_MS,
): () => void {
  let cancelled = false;
  let cancelNext = laterTask(run);
  function run(): void {
    const until = performance.now() + budgetMs;
    for (;;) {
      const r = steps.next();
      if (r.done) {
        cancelNext = laterTask(() => done(r.value));
        return;
      }
      if (performance.now() >= until) break;
    }
    if (!cancelled) cancelNext = laterTask(run);
  }
  return () => {
    cancelled = true;
    cancelNext();
  };
}
