// Writes the view hash with history.replaceState, debounced: browsers drop bursts of more than ~200 calls.

/** A writer that coalesces calls and writes at most once per `delayMs`. */
export function makeUrlWriter(win: Window, delayMs = 250): (hash: string) => void {
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (pending === null) return;
    const next = pending ? `#${pending}` : win.location.pathname + win.location.search;
    pending = null;
    if (win.location.hash === next || (next.startsWith('/') && win.location.hash === '')) return;
    win.history.replaceState(win.history.state, '', next);
  };
  return (hash: string) => {
    pending = hash;
    timer ??= setTimeout(flush, delayMs);
  };
}
