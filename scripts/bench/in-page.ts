// In-page instrumentation, injected before the app runs: long-frame observer, readiness time and step/sweep loops.
// Plain JavaScript in a string: functions handed to page.evaluate must not depend on the TS compiler's helpers.

export interface LongFrame {
  readonly start: number;
  readonly duration: number;
  readonly blocking: number;
  readonly scripts: readonly { invoker: string; fn: string; src: string; duration: number }[];
}

/** One timeline step: [hook's synchronous ms, JS ms with effects flushed, forceFrame ms, settle ms, orgs, collabs]. */
/** [setWindow sync ms, effects ms, presented frame ms, next frame ms, organisations, collaborations, refresh ms]. */
export type StepSample = [number, number, number, number, number, number, number];

export interface BenchPage {
  readonly loafKind: 'long-animation-frame' | 'longtask' | 'none';
  readonly loaf: LongFrame[];
  readyAt: number | null;
  marks(): [string, number][];
  /** Every long frame so far, including those not yet delivered to the observer. */
  drain(): LongFrame[];
  /** The list once the frames up to now have been reported (waits two frames). */
  settled(): Promise<LongFrame[]>;
  steps(windows: [number, number][], frameSteps: number): Promise<StepSample[]>;
  sweep(windows: [number, number][], times: number, yieldEvery: number): Promise<number>;
  /** Steps with no frame between them, bracketed by \`benchProfileMark\` busy loops for profile windows. */
  jsSteps(windows: [number, number][]): Promise<void>;
  select(kind: 'region' | 'org', id: string): Promise<{ sync: number; js: number; frame: number }>;
  /** \`map\`: the map's recount in its own task (large datasets; NaN when it ran inside the effects). */
  filter(kind: string | null): Promise<{ js: number; refresh: number; frame: number; map: number }>;
  frames: { start(): void; stop(): number[] };
  watchSearch(name: string): boolean;
  search: { enterAt: number | null; headingAt: number | null; heading: string };
  flush(): Promise<void>;
  nextFrame(): Promise<number>;
}

export const IN_PAGE_SCRIPT = String.raw`
(() => {
  const B = { loafKind: 'none', loaf: [], readyAt: null };
  window.__bench = B;
  const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  const record = (entries) => {
    for (const e of entries) {
      const scripts = (e.scripts || [])
        .map((s) => ({ invoker: String(s.invoker || ''), fn: String(s.sourceFunctionName || ''),
          src: String(s.sourceURL || '').split('/').pop(), duration: s.duration }))
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3);
      B.loaf.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration || 0, scripts });
    }
  };
  let observer = null;
  for (const type of ['long-animation-frame', 'longtask']) {
    if (!types.includes(type)) continue;
    observer = new PerformanceObserver((list) => record(list.getEntries()));
    observer.observe({ type, buffered: true });
    B.loafKind = type;
    break;
  }
  // Entries reach the observer's callback late when the page is busy: takeRecords() collects the queued ones now.
  B.drain = () => {
    if (observer) record(observer.takeRecords());
    return B.loaf;
  };
  // A long frame's entry is queued only after a later frame: let two frames pass before reading the list.
  B.settled = async () => {
    await B.nextFrame();
    await B.nextFrame();
    await new Promise((r) => setTimeout(r, 50));
    return B.drain();
  };
  const mo = new MutationObserver(() => {
    if (B.readyAt === null && document.querySelector('[data-testid="app"][data-ready="true"]')) {
      B.readyAt = performance.now();
      mo.disconnect();
    }
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });

  B.marks = () => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]);
  // Svelte runs effects in a microtask after a state write; a chain of awaits lets every cascaded flush finish
  // without yielding to the event loop, so the time measured is the step's JS and nothing else.
  B.flush = async () => {
    for (let i = 0; i < 25; i++) await null;
  };
  // Resolves after the next frame has run (rAF, then a task after it): the time the browser needs to draw it.
  B.nextFrame = () => new Promise((resolve) => {
    const t0 = performance.now();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  });
  // The first frameSteps steps are each followed by a forced frame and the browser's next frame; the rest are
  // JS only (no frame drawn between them: their refreshes merge, and one frame is drawn at the end).
  B.steps = async (windows, frameSteps) => {
    const h = window.__atlasBench;
    const out = [];
    for (let i = 0; i < windows.length; i++) {
      const [from, to] = windows[i];
      const framed = i < frameSteps;
      const t0 = performance.now();
      const sync = h.setWindow(from, to);
      await B.flush();
      const js = performance.now() - t0;
      // Sigma's partial refresh (reducers + buffer writes) runs in the next frame in the app; run it here, undrawn,
      // so it is counted in the step's JS and kept out of the presented frame.
      const refresh = h.flushRefresh();
      const frame = framed ? h.forceFrame() : NaN;
      const c = h.counts();
      const settle = framed ? await B.nextFrame() : NaN;
      out.push([sync, js, frame, settle, c.organisations, c.collaborations, refresh]);
    }
    h.forceFrame();
    await B.nextFrame();
    return out;
  };
  // A named 2 ms busy loop: its samples bracket a stretch of a CPU profile (profile.ts, betweenMarks).
  B.profileMark = function benchProfileMark() {
    const t0 = performance.now();
    while (performance.now() - t0 < 2);
  };
  // Steps with no frame at all, bracketed by profile marks (for profiles of the steps' JS only).
  B.jsSteps = async (windows) => {
    const h = window.__atlasBench;
    B.profileMark();
    for (const [from, to] of windows) {
      h.setWindow(from, to);
      await B.flush();
    }
    B.profileMark();
  };
  B.sweep = async (windows, times, yieldEvery) => {
    const h = window.__atlasBench;
    const t0 = performance.now();
    let k = 0;
    for (let s = 0; s < times; s++) {
      for (const [from, to] of windows) {
        h.setWindow(from, to);
        await B.flush();
        if (++k % yieldEvery === 0) await B.nextFrame();
      }
    }
    await B.nextFrame();
    return performance.now() - t0;
  };
  B.select = async (kind, id) => {
    const h = window.__atlasBench;
    const t0 = performance.now();
    const sync = kind === 'region' ? h.selectRegion(id) : h.selectOrg(id);
    await B.flush();
    const js = performance.now() - t0;
    const frame = h.forceFrame();
    return { sync, js, frame };
  };
  // A filter change: effects, then sigma's refresh JS (undrawn), then the presented frame. A large dataset's map
  // counts in a worker and installs the counts in a task of its own (the app's 'atlas:map-recount' measure, this
  // thread's part only): waited for and timed.
  B.filter = async (kind) => {
    const h = window.__atlasBench;
    const recounts = () => performance.getEntriesByName('atlas:map-recount');
    const before = recounts().length;
    const t0 = performance.now();
    h.filterKind(kind);
    await B.flush();
    const js = performance.now() - t0;
    const refresh = h.flushRefresh();
    const frame = h.forceFrame();
    let map = NaN;
    // The recount's counts come from a worker: its reply may take a while after a frame in software GL.
    const deadline = performance.now() + 5000;
    while (recounts().length === before && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    const after = recounts();
    if (after.length > before) map = after[after.length - 1].duration;
    return { js, refresh, frame, map };
  };
  // Search latency: Enter's event time to the details heading showing the organisation (matched by text).
  B.watchSearch = (name) => {
    const s = { enterAt: null, headingAt: null, heading: '' };
    B.search = s;
    const input = document.querySelector('[data-testid="search"]');
    if (!input) return false;
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && s.enterAt === null) s.enterAt = e.timeStamp;
    }, { capture: true });
    const check = () => {
      const h = document.querySelector('[data-testid="details"] h2');
      const text = h ? h.textContent.trim() : '';
      if (s.enterAt !== null && s.headingAt === null && text === name) {
        s.headingAt = performance.now();
        s.heading = text;
        obs.disconnect();
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    return true;
  };
  let stamps = null;
  B.frames = {
    start() {
      stamps = [];
      const tick = (t) => {
        if (!stamps) return;
        stamps.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stop() {
      const s = stamps || [];
      stamps = null;
      const d = [];
      for (let i = 1; i < s.length; i++) d.push(s[i] - s[i - 1]);
      return d;
    },
  };
})();
`;
