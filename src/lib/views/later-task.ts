// Builds a large dataset's views in tasks of their own, so the task that receives an import stays short.

/** Above this many organisations a view builds its scene after the import's hand-off (seconds at 50k otherwise). */
export const BUILD_LATER_ORGS = 10_000;

/** Whether a view of this dataset should build in a later task (see `laterTask`). */
export function buildsLater(orgCount: number): boolean {
  return orgCount > BUILD_LATER_ORGS;
}

/** Runs `work` in a later task (other views and a frame may run first); returns a cancel function. */
export function laterTask(work: () => void): () => void {
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}
