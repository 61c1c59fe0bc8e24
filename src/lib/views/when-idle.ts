// Runs deferrable work once the page is idle (or after two seconds), out of the frames that build and draw views.

/** Calls `work` in an idle period; where `requestIdleCallback` is missing, a little later. */
export function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 200);
}

/** `whenIdle` as a promise. */
export function idle(): Promise<void> {
  return new Promise((resolve) => whenIdle(resolve));
}
