// One repetition of one dataset: loads a fresh page and measures load, layout, steps, brush, selection, exports, heap.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright';
import { civilFromDay, dayNumber } from '../../src/lib/model/dates';
import type { DatasetFacts } from './dataset-facts';
import { IN_PAGE_SCRIPT, type BenchPage, type LongFrame, type StepSample } from './in-page';
import { recordProfile, summariseProfile, type ProfileSummary } from './profile';
import { ASSETS } from './setup';
import { median, percentile } from './stats';

/** Metric id → value for one repetition; NaN when it could not be taken. */
export type Metrics = Record<string, number>;

export interface RepOptions {
  readonly url: string;
  readonly dataset: string;
  readonly synthetic: boolean;
  /** Expected totals (synthetic: generator parameters; built-in: rows in the CSVs). */
  readonly facts: DatasetFacts;
  readonly pairBytes: number;
  readonly steps: number;
  /** How many of the steps are followed by a presented frame (the rest are timed as JS only). */
  readonly frameSteps: number;
  readonly layoutCapMs: number;
  readonly loadTimeoutMs: number;
  readonly brushMoves: number;
  readonly brushCapMs: number;
  readonly exportCapMs: number;
  /** Full window sweeps before the second heap reading (costly: done once per dataset); 0 skips them. */
  readonly sweeps: number;
  /** Profile 30 steps (JS only) when this repetition's step JS p95 is over the 16 ms target. */
  readonly profileSteps: boolean;
  readonly log: (line: string) => void;
}

export interface RepResult {
  readonly metrics: Metrics;
  readonly notes: string[];
  /** Problems that make a number suspect (counts not changing, wrong dataset size…). */
  readonly warnings: string[];
  readonly profiles: ProfileSummary[];
}

/** Export cells: new rows go here (and in METRICS). A missing button reports "n/a (export not built yet)". */
export const EXPORT_CASES: readonly { id: string; label: string; testId: string; scale?: string }[] = [
  { id: 'export.svg', label: 'graph SVG export', testId: 'export-svg' },
  { id: 'export.png4', label: 'graph PNG export (4×)', testId: 'export-png', scale: '4' },
];

type BenchWindow = Window & { __bench: BenchPage };
type HookWindow = Window & {
  __atlasBench: {
    setWindow(from: number, to: number): number;
    bounds(): { from: number; to: number };
    counts(): { organisations: number; collaborations: number };
    forceFrame(): number;
  };
};

export const VIEWPORT = { width: 1280, height: 800 };

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
    colorScheme: 'light',
    acceptDownloads: true,
  });
  await ctx.addInitScript({ content: IN_PAGE_SCRIPT });
  return ctx;
}

/** Navigates and waits for `data-ready="true"` (or the app's error alert). Returns navigation → ready ms. */
export async function openApp(page: Page, url: string, timeoutMs: number): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => (window as unknown as BenchWindow).__bench.readyAt !== null || !!document.querySelector('.error[role=alert]'),
    null,
    { timeout: timeoutMs, polling: 200 },
  );
  const ready = await page.evaluate(() => (window as unknown as BenchWindow).__bench.readyAt);
  if (ready === null) {
    const error = await page.locator('.error[role=alert]').textContent();
    throw new Error(`the app reported an error: ${error?.slice(0, 300)}`);
  }
  return ready;
}

async function marks(page: Page): Promise<Map<string, number>> {
  const list = await page.evaluate(() => (window as unknown as BenchWindow).__bench.marks());
  const m = new Map<string, number>();
  for (const [name, t] of list) if (!m.has(name)) m.set(name, t);
  return m;
}

/** Long frames so far, once the browser has reported the last ones (it does so a frame or two late). */
const longFrames = (page: Page): Promise<LongFrame[]> =>
  page.evaluate(() => (window as unknown as BenchWindow).__bench.settled());

/** The longest of the frames that pass `keep`; 0 when none (the browser reports only frames over 50 ms). */
export function longestOf(frames: readonly LongFrame[], keep: (f: LongFrame) => boolean): { ms: number; top: string } {
  let best: LongFrame | null = null;
  for (const f of frames) if (keep(f) && (!best || f.duration > best.duration)) best = f;
  const s = best?.scripts[0];
  return { ms: best?.duration ?? 0, top: s ? `${s.invoker} ${Math.round(s.duration)} ms` : '' };
}

const pageNow = (page: Page) => page.evaluate(() => performance.now());
const nextFrame = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__bench.nextFrame());

/** Windows `months` long sliding by `stride` months from the start of the timeline; at most `count`. */
export function slidingWindows(
  bounds: { from: number; to: number },
  count: number,
  stride = 1,
  months = 24,
): [number, number][] {
  const start = civilFromDay(bounds.from);
  const monthDay = (m: number) => dayNumber(start.year + Math.floor(m / 12), (m % 12) + 1, 1);
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const m0 = start.month - 1 + i * stride;
    const from = monthDay(m0);
    const to = monthDay(m0 + months) - 1;
    if (to > bounds.to) break;
    out.push([Math.max(from, bounds.from), to]);
  }
  return out;
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / 1048576;
}

/** Clears the selection the way a user does (Escape outside inputs). */
async function clearSelection(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.flush());
}

const layoutDone = () => performance.getEntriesByName('atlas:layout-done').length > 0;

export async function measureRep(browser: Browser, opts: RepOptions): Promise<RepResult> {
  const metrics: Metrics = {};
  const notes: string[] = [];
  const warnings: string[] = [];
  const profiles: ProfileSummary[] = [];
  const phase = (name: string) => opts.log(`  ${opts.dataset}: ${name}`);
  const ctx = await newContext(browser);
  try {
    let page = await ctx.newPage();
    let navReady = await openApp(page, opts.url, opts.loadTimeoutMs);
    metrics['nav.cold'] = navReady;
    if (!opts.synthetic) {
      // The built-in first view is judged on a warm cache: the same context loads it a second time.
      await page.close();
      page = await ctx.newPage();
      navReady = await openApp(page, opts.url, opts.loadTimeoutMs);
      metrics['nav.warm'] = navReady;
    }
    phase(`ready after ${(navReady / 1000).toFixed(1)} s`);
    const cdp = await ctx.newCDPSession(page);
    const m = await marks(page);
    const at = (name: string) => m.get(name) ?? NaN;
    const fetched = at('atlas:data-fetched');
    const parsed = at('atlas:data-parsed');
    metrics['import.ms'] = parsed - fetched;
    if (opts.synthetic) metrics['import.mbps'] = opts.pairBytes / 1e6 / ((parsed - fetched) / 1000);
    metrics['ready.graphBuilt'] = at('atlas:graph-built') - parsed;
    metrics['ready.graphFrame'] = at('atlas:graph-first-frame') - parsed;
    metrics['ready.mapFrame'] = at('atlas:map-first-frame') - parsed;
    metrics['ready.all'] = navReady - parsed;
    {
      const frames = await longFrames(page);
      // Frames wholly inside the import, and the one that straddles data-parsed: the task that receives the
      // result goes on (microtasks) into building the atlas data and the views.
      metrics['import.longest'] = longestOf(frames, (f) => f.start >= fetched && f.start + f.duration <= parsed).ms;
      const handoff = longestOf(frames, (f) => f.start < parsed && f.start + f.duration > parsed);
      metrics['import.handoff'] = handoff.ms;
      metrics['ready.longest'] = longestOf(frames, (f) => f.start < navReady && f.start + f.duration > parsed).ms;
      const built = at('atlas:graph-built');
      const mounting = longestOf(frames, (f) => f.start < built && f.start + f.duration > parsed);
      metrics['ready.longestBuilt'] = mounting.ms;
      if (mounting.top) notes.push(`longest frame before the graph is built: ${mounting.top}`);
      if (handoff.top) notes.push(`frame across data-parsed: ${handoff.top}`);
    }

    // Did the page really load this dataset? Total collaborations from the timeline's "visible / total" hint.
    const hint = (await page.locator('[data-testid="timeline"] .hint').textContent()) ?? '';
    const total = Number(hint.split('/')[1]?.replace(/\D/g, '') ?? NaN);
    const counts = await page.evaluate(() => (window as unknown as HookWindow).__atlasBench.counts());
    if (total !== opts.facts.collaborations)
      warnings.push(`page shows ${total} collaborations in total, the CSV has ${opts.facts.collaborations}`);
    if (counts.organisations > opts.facts.organisations || counts.organisations < 0.8 * opts.facts.organisations)
      warnings.push(
        `${counts.organisations} organisations visible at full span, the CSV has ${opts.facts.organisations}`,
      );

    // Layout (synthetic sets have no positions): wait for atlas:layout-done up to the cap, else stop it.
    if (opts.synthetic) {
      phase('layout');
      const builtAt = at('atlas:graph-built');
      const firstFrame = at('atlas:graph-first-frame');
      const remaining = Math.max(1000, opts.layoutCapMs - ((await pageNow(page)) - builtAt));
      const wait = (timeout: number) =>
        page
          .waitForFunction(layoutDone, null, { timeout, polling: 250 })
          .then(() => true)
          .catch(() => false);
      const done = await wait(remaining);
      const endAt = done ? ((await marks(page)).get('atlas:layout-done') ?? NaN) : await pageNow(page);
      // The finished layout animates into place for 600 ms after layout-done: its frames count too.
      const untilMs = done ? endAt + 1000 : endAt;
      while (done && (await pageNow(page)) < untilMs) await page.waitForTimeout(200);
      // Frames that start after the graph's first frame: the first frame itself belongs to loading.
      const frames = await longFrames(page);
      const during = (f: LongFrame) => f.start >= firstFrame && f.start < untilMs;
      const longest = longestOf(frames, during);
      metrics['layout.longest'] = longest.ms;
      metrics['layout.over50'] = frames.filter((f) => during(f) && f.duration > 50).length;
      if (longest.top) notes.push(`longest frame while the layout runs: ${longest.top}`);
      if (done) metrics['layout.ms'] = endAt - builtAt;
      else {
        metrics['layout.ms'] = NaN;
        notes.push(`layout not converged within the ${Math.round(opts.layoutCapMs / 1000)} s cap (stopped there)`);
        const button = page.getByTestId('layout-run');
        if ((await button.textContent())?.includes('Stop')) await button.click();
        if (!(await wait(90_000))) warnings.push('layout still running after stop: later cells measured while it runs');
      }
      await nextFrame(page);
    }
    metrics['heap.load'] = await heapMb(cdp);

    phase('timeline steps');
    const bounds = await page.evaluate(() => (window as unknown as HookWindow).__atlasBench.bounds());
    // The first window is a jump from the full span (most collaborations leave at once): set it untimed, then time
    // the monthly slides from there.
    const windows = slidingWindows(bounds, opts.steps + 1);
    if (windows.length < opts.steps + 1) notes.push(`only ${windows.length - 1} monthly steps fit in the timeline`);
    await page.evaluate(([w]) => (window as unknown as BenchWindow).__bench.steps(w, 1), [
      windows.slice(0, 1),
    ] as const);
    const samples: StepSample[] = await page.evaluate(
      ([w, f]) => (window as unknown as BenchWindow).__bench.steps(w, f),
      [windows.slice(1), opts.frameSteps] as const,
    );
    const col = (k: number) => samples.map((s) => s[k]!).filter(Number.isFinite);
    const p95 = (v: number[]) =>
      percentile(
        v.sort((a, b) => a - b),
        0.95,
      );
    const stepJs = samples.map((s) => s[1] + s[6]).filter(Number.isFinite);
    metrics['step.js.median'] = median(stepJs);
    metrics['step.js.p95'] = p95(stepJs);
    metrics['step.effects.median'] = median(col(1));
    metrics['step.effects.p95'] = p95(col(1));
    metrics['step.refresh.median'] = median(col(6));
    metrics['step.refresh.p95'] = p95(col(6));
    metrics['step.sync.median'] = median(col(0));
    metrics['step.frame.median'] = median(col(2));
    metrics['step.frame.p95'] = percentile(
      col(2).sort((a, b) => a - b),
      0.95,
    );
    metrics['step.settle.median'] = median(col(3));
    metrics['step.settle.p95'] = percentile(
      col(3).sort((a, b) => a - b),
      0.95,
    );
    let changed = 0;
    for (let i = 1; i < samples.length; i++) {
      if (samples[i]![4] !== samples[i - 1]![4] || samples[i]![5] !== samples[i - 1]![5]) changed++;
    }
    metrics['step.changed'] = samples.length > 1 ? changed / (samples.length - 1) : NaN;
    // The built-in set is small (tens of organisations): many months change nothing there, but never none at all.
    const expected = opts.synthetic ? 0.5 * (samples.length - 1) : 1;
    if (samples.length > 1 && changed < expected)
      warnings.push(`visible counts changed in only ${changed} of ${samples.length - 1} steps`);
    if (opts.frameSteps < samples.length)
      notes.push(`presented frames timed on the first ${opts.frameSteps} of ${samples.length} steps, JS on all`);

    if (opts.profileSteps && metrics['step.js.p95']! > 16) {
      phase('profiling 30 steps');
      const w = windows.slice(0, 30);
      await page.evaluate(([a]) => (window as unknown as BenchWindow).__bench.steps(a, 1), [w.slice(0, 1)] as const);
      const p = await recordProfile(cdp, async () => {
        // No frame between steps: the profile holds the steps' JS only (frames are native work, timed separately).
        await page.evaluate(([a]) => (window as unknown as BenchWindow).__bench.jsSteps(a), [w.slice(1)] as const);
      });
      profiles.push(summariseProfile(`steps@${opts.dataset} (29 timeline steps, JS only)`, p, ASSETS, 12, true));
      await nextFrame(page);
    }

    phase('brush drag');
    await brushDrag(page, windows[0] ?? [bounds.from, bounds.to], opts, metrics, notes, warnings);
    phase('filter change');
    await filterChange(page, metrics);
    phase('region click and search');
    await selections(page, opts, metrics, warnings);
    phase('exports');
    await exportCells(page, opts, metrics, notes);

    if (opts.sweeps > 0) {
      phase('window sweeps and heap');
      await clearSelection(page);
      // Full sweeps with a quarterly stride, a frame drawn at the end of each sweep.
      const sweep = slidingWindows(bounds, 10_000, 3);
      const t0 = Date.now();
      await page.evaluate(([w, n, every]) => (window as unknown as BenchWindow).__bench.sweep(w, n, every), [
        sweep,
        opts.sweeps,
        sweep.length,
      ] as const);
      metrics['heap.sweepS'] = (Date.now() - t0) / 1000;
      metrics['heap.sweeps'] = await heapMb(cdp);
      notes.push(`heap: ${opts.sweeps} sweeps × ${sweep.length} quarterly steps in the last repetition`);
    }
    await cdp.detach().catch(() => {});
    return { metrics, notes, warnings, profiles };
  } finally {
    await ctx.close();
  }
}

async function brushDrag(
  page: Page,
  start: [number, number],
  opts: RepOptions,
  metrics: Metrics,
  notes: string[],
  warnings: string[],
): Promise<void> {
  // A 2-year window first, so the brush selection is narrow and can travel across the histogram.
  await page.evaluate(([a, b]) => (window as unknown as HookWindow).__atlasBench.setWindow(a, b), start);
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.flush());
  await page.evaluate(() => (window as unknown as HookWindow).__atlasBench.forceFrame());
  await nextFrame(page);
  const svg = page.locator('[data-testid="timeline"] svg');
  const sel = await svg.locator('.brush .selection').boundingBox();
  const overlay = await svg.locator('.brush .overlay').boundingBox();
  if (!sel || !overlay || sel.width < 2) {
    warnings.push('brush selection not found: drag not measured');
    return;
  }
  const before = await svg.getAttribute('aria-valuenow');
  const stepMarks = () => page.evaluate(() => performance.getEntriesByName('atlas:timeline-step').length);
  const steps0 = await stepMarks();
  const y = sel.y + sel.height / 2;
  let x = sel.x + sel.width / 2;
  const dx = (overlay.x + overlay.width - (sel.x + sel.width) - 2) / opts.brushMoves;
  await page.mouse.move(x, y);
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.frames.start());
  const t0 = await pageNow(page);
  const wall = performance.now();
  await page.mouse.down();
  // A move resolves once the renderer has dispatched it, which waits for a busy frame to end: its wall time is the
  // drag's responsiveness as the pointer sees it.
  const perMove: number[] = [];
  while (perMove.length < opts.brushMoves && performance.now() - wall < opts.brushCapMs) {
    x += dx;
    const m0 = performance.now();
    await page.mouse.move(x, y);
    perMove.push(performance.now() - m0);
  }
  await page.mouse.up();
  await nextFrame(page);
  const intervals = await page.evaluate(() => (window as unknown as BenchWindow).__bench.frames.stop());
  const t1 = await pageNow(page);
  const after = await svg.getAttribute('aria-valuenow');
  const updates = (await stepMarks()) - steps0;
  intervals.sort((a, b) => a - b);
  perMove.sort((a, b) => a - b);
  metrics['brush.move.median'] = median(perMove);
  metrics['brush.move.p95'] = percentile(perMove, 0.95);
  metrics['brush.updates'] = perMove.length ? updates / perMove.length : NaN;
  metrics['brush.frame.max'] = intervals[intervals.length - 1] ?? NaN;
  metrics['brush.fps'] = intervals.length / ((t1 - t0) / 1000);
  metrics['brush.moves'] = perMove.length;
  const frames = await longFrames(page);
  metrics['brush.longest'] = longestOf(frames, (f) => f.start < t1 && f.start + f.duration > t0).ms;
  if (perMove.length < opts.brushMoves)
    notes.push(`brush: ${perMove.length} of ${opts.brushMoves} moves within the ${opts.brushCapMs / 1000} s cap`);
  if (before === after) warnings.push('brush drag did not move the window');
  // Every move shifts the selection by several days, so nearly every move should be a window step.
  if (perMove.length > 4 && updates < 0.5 * perMove.length)
    warnings.push(
      `brush drag: ${perMove.length} pointer moves gave only ${updates} window steps (atlas:timeline-step marks): ` +
        'the drag stops updating the window, so its frame figures show no work',
    );
}

/**
 * A kind filter on (the commonest kind only: most collaborations leave) and off again, each timed apart: the page's
 * first filter (its code not yet optimised by the JIT), then twice more, the last pair reported as "warm".
 */
async function filterChange(page: Page, metrics: Metrics): Promise<void> {
  const bench = (kind: string | null) =>
    page.evaluate(([k]) => (window as unknown as BenchWindow).__bench.filter(k), [kind] as const);
  const pair = async () => {
    await nextFrame(page);
    const on = await bench('partnership');
    await nextFrame(page);
    const off = await bench(null);
    await nextFrame(page);
    return { on, off };
  };
  const { on, off } = await pair();
  metrics['filter.js'] = Math.max(on.js + on.refresh, off.js + off.refresh);
  metrics['filter.refresh'] = Math.max(on.refresh, off.refresh);
  metrics['filter.frame'] = Math.max(on.frame, off.frame);
  // Only a large dataset's map recounts in a task of its own (NaN otherwise: its recount is inside filter.js).
  if (Number.isFinite(on.map) || Number.isFinite(off.map)) {
    metrics['filter.map'] = Math.max(on.map, off.map);
    metrics['filter.total'] = Math.max(on.js + on.refresh + on.map, off.js + off.refresh + off.map);
  }
  await pair();
  const warm = await pair();
  metrics['filter.js.warm'] = Math.max(warm.on.js + warm.on.refresh, warm.off.js + warm.off.refresh);
  if (Number.isFinite(warm.on.map) || Number.isFinite(warm.off.map))
    metrics['filter.map.warm'] = Math.max(warm.on.map, warm.off.map);
}

async function selections(page: Page, opts: RepOptions, metrics: Metrics, warnings: string[]): Promise<void> {
  // Region click: selectRegion on the busiest NUTS 2 region (JS with effects), then a forced frame.
  const code = opts.facts.regions[0];
  if (code) {
    await clearSelection(page);
    await nextFrame(page);
    const r = await page.evaluate(([c]) => (window as unknown as BenchWindow).__bench.select('region', c), [
      code,
    ] as const);
    metrics['region.js'] = r.js;
    metrics['region.frame'] = r.frame;
    const highlighted = await page.getByTestId('graph').getAttribute('data-highlighted');
    if (!highlighted) warnings.push(`region ${code}: no organisation highlighted in the graph`);
    await clearSelection(page);
  }

  // Search: type a name no other organisation contains, Enter, wait for the details heading; then the graph frame.
  const name = opts.facts.searchName;
  const ok = await page.evaluate(([n]) => (window as unknown as BenchWindow).__bench.watchSearch(n), [name] as const);
  if (!ok || !name) {
    warnings.push('search box not found');
    return;
  }
  const input = page.getByTestId('search');
  await input.click();
  const t0 = performance.now();
  await input.pressSequentially(name);
  metrics['search.typing'] = (performance.now() - t0) / name.length;
  await input.press('Enter');
  const done = await page
    .waitForFunction(() => (window as unknown as BenchWindow).__bench.search.headingAt !== null, null, {
      timeout: 20_000,
      polling: 50,
    })
    .then(() => true)
    .catch(() => false);
  if (!done) {
    warnings.push(`search for "${name}" did not show its details`);
    return;
  }
  const s = await page.evaluate(() => (window as unknown as BenchWindow).__bench.search);
  metrics['search.heading'] = s.headingAt! - s.enterAt!;
  metrics['search.frame'] = await page.evaluate(() => (window as unknown as HookWindow).__atlasBench.forceFrame());
  await clearSelection(page);
}

async function exportCells(page: Page, opts: RepOptions, metrics: Metrics, notes: string[]): Promise<void> {
  const open = page.getByTestId('export-open');
  if ((await open.count()) === 0) {
    for (const c of EXPORT_CASES) metrics[c.id] = NaN;
    notes.push('export: n/a (export not built yet)');
    return;
  }
  for (const c of EXPORT_CASES) {
    const button = page.getByTestId(c.testId);
    if (!(await button.isVisible())) await open.click();
    if (c.scale) await page.getByTestId('export-scale').selectOption(c.scale);
    const t0 = performance.now();
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: opts.exportCapMs }),
        button.click(),
      ]);
      metrics[c.id] = performance.now() - t0;
      await download.delete();
    } catch {
      metrics[c.id] = NaN;
      notes.push(`${c.label}: no download within ${opts.exportCapMs / 1000} s`);
    }
  }
  await page.keyboard.press('Escape');
}
