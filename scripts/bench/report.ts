// Output: the stdout table, bench/results.json and docs/performance.md (method, table, targets, bottlenecks, changes).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Calibration } from './calibration';
import { METRICS, formatValue, type Lookup, type TargetResult, type Unit } from './metrics';
import { ANALYSIS, FINDINGS } from './notes';
import { formatProfile, type ProfileSummary } from './profile';
import { ROOT } from './setup';
import type { Sizes } from './sizes';

export interface ResultRow {
  readonly dataset: string;
  readonly metric: string;
  readonly label: string;
  readonly unit: Unit;
  readonly n: number;
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly samples: readonly (number | null)[];
}

export interface DatasetInfo {
  readonly name: string;
  readonly organisations: number;
  readonly collaborations: number;
  readonly pairMB: number;
  readonly reps: number;
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}

export interface Results {
  readonly date: string;
  readonly git: { commit: string; dirty: boolean };
  readonly machine: {
    cpus: number;
    cpuModel: string;
    memoryGB: number;
    chromium: string;
    node: string;
    loadAverageStart: number;
  };
  readonly options: {
    sizes: string[];
    reps: Record<string, number>;
    steps: number;
    frameSteps: Record<string, number>;
    layoutCapS: number;
  };
  readonly durationS: number;
  readonly calibration: Calibration;
  readonly datasets: readonly DatasetInfo[];
  readonly sizes: Sizes;
  readonly rows: readonly ResultRow[];
  readonly targets: readonly TargetResult[];
  readonly profiles: readonly ProfileSummary[];
  /** "What changed since the last run", computed when measured (so the doc can be re-rendered from this file). */
  changes: readonly string[];
}

export const RESULTS_PATH = join(ROOT, 'bench/results.json');
export const DOC_PATH = join(ROOT, 'docs/performance.md');

/** Median, min and max of a row as a lookup for the targets and findings. */
export function lookupFrom(rows: readonly ResultRow[]): Lookup {
  return (dataset, metric) => {
    const r = rows.find((x) => x.dataset === dataset && x.metric === metric);
    if (!r || r.n === 0) return undefined;
    const nn = (v: number | null) => v ?? NaN;
    return { n: r.n, median: nn(r.median), min: nn(r.min), max: nn(r.max), p95: NaN };
  };
}

export function readPrevious(): Results | null {
  if (!existsSync(RESULTS_PATH)) return null;
  try {
    return JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as Results;
  } catch {
    return null;
  }
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? NaN : v);

function cell(row: ResultRow | undefined): string {
  if (!row || row.n === 0) return '—';
  const med = formatValue(num(row.median), row.unit);
  if (row.n === 1 || row.min === row.max) return med;
  return `${med} (${formatValue(num(row.min), row.unit)}–${formatValue(num(row.max), row.unit)})`;
}

/** Rows as a table: metrics down, datasets across; each cell "median (min–max)". */
export function tableLines(results: Results, markdown: boolean): string[] {
  const names = results.datasets.map((d) => d.name);
  const find = (d: string, m: string) => results.rows.find((r) => r.dataset === d && r.metric === m);
  const header = ['metric', ...results.datasets.map((d) => `${d.name} (n=${d.reps})`)];
  const body: string[][] = [];
  let group = '';
  for (const def of METRICS) {
    const cells: string[] = names.map((d): string => {
      if (def.only === 'builtin' && d !== 'builtin') return '';
      if (def.only === 'synthetic' && d === 'builtin') return 'n/a';
      return cell(find(d, def.id));
    });
    if (cells.every((c) => ['', '—', 'n/a'].includes(c))) {
      // Exports and other cells the app does not offer yet stay visible, marked as such.
      if (def.group !== 'Export') continue;
      const na = results.datasets.some((d) => d.notes.some((n) => n.includes('export not built yet')));
      if (na) cells.fill('n/a (export not built yet)');
    }
    if (def.group !== group) {
      group = def.group;
      body.push(markdown ? [`**${group}**`, ...names.map(() => '')] : [`— ${group}`, ...names.map(() => '')]);
    }
    body.push([def.label, ...cells]);
  }
  if (markdown) {
    return [
      `| ${header.join(' | ')} |`,
      `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
      ...body.map((r) => `| ${r.join(' | ')} |`),
    ];
  }
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}

function sizeLines(sizes: Sizes): string[] {
  const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
  const lines = [
    `| file | raw | gzip |`,
    `| --- | ---: | ---: |`,
    ...[...sizes.js, ...sizes.css].map((e) => `| ${e.file} | ${kb(e.raw)} | ${kb(e.gzip)} |`),
    `| **initial JS + CSS** | | **${kb(sizes.jsGzip + sizes.cssGzip)}** |`,
    ...sizes.data.map((e) => `| ${e.file} | ${kb(e.raw)} | ${kb(e.gzip)} |`),
    `| **first-view data** | | **${kb(sizes.dataGzip)}** |`,
  ];
  return lines;
}

function targetLines(targets: readonly TargetResult[]): string[] {
  const mark = (s: TargetResult['status']) =>
    s === 'met' ? '✅ met' : s === 'missed' ? '❌ missed' : '— not measured';
  return [
    '| target | measured | status |',
    '| --- | --- | --- |',
    ...targets.map((t) => `| ${t.text} | ${t.measured} | ${mark(t.status)} |`),
  ];
}

/** Rows whose median moved by ≥ 15 % (and by a visible amount) since the previous results. */
export function changeLines(results: Omit<Results, 'changes'>, previous: Results | null): string[] {
  if (!previous) return ['First run: there is no earlier bench/results.json to compare with.'];
  const lines = [
    `Compared with the run of ${previous.date} (commit ${previous.git?.commit ?? '?'}${previous.git?.dirty ? ', dirty' : ''}); now ${results.git.commit}${results.git.dirty ? ' (dirty working tree)' : ''}.`,
  ];
  if (previous.calibration && results.calibration) {
    const c = results.calibration.cpuMs / previous.calibration.cpuMs;
    if (Math.abs(c - 1) > 0.15)
      lines.push(
        `Calibration CPU time changed by ${((c - 1) * 100).toFixed(0)} %: part of any change below is the machine.`,
      );
  }
  const before = new Map(previous.rows.map((r) => [`${r.dataset}|${r.metric}`, r]));
  const changes: { text: string; size: number }[] = [];
  for (const r of results.rows) {
    const p = before.get(`${r.dataset}|${r.metric}`);
    const a = num(p?.median);
    const b = num(r.median);
    if (!Number.isFinite(a) || !Number.isFinite(b) || a === 0) continue;
    const rel = (b - a) / Math.abs(a);
    const visible = r.unit === 'ms' ? Math.abs(b - a) >= 5 : r.unit === 'MB' ? Math.abs(b - a) >= 1 : true;
    if (Math.abs(rel) >= 0.15 && visible && r.unit !== 'count' && r.unit !== 'share')
      changes.push({
        text: `- ${r.dataset} · ${r.label}: ${formatValue(a, r.unit)} → ${formatValue(b, r.unit)} (${rel > 0 ? '+' : ''}${(rel * 100).toFixed(0)} %)`,
        size: Math.abs(rel),
      });
  }
  const prevTargets = new Map((previous.targets ?? []).map((t) => [t.id, t.status]));
  for (const t of results.targets) {
    const was = prevTargets.get(t.id);
    if (was && was !== t.status) lines.push(`- Target "${t.text}": ${was} → ${t.status}.`);
  }
  if (changes.length === 0) lines.push('No median moved by 15 % or more.');
  else {
    const sorted = changes.sort((x, y) => y.size - x.size);
    lines.push(...sorted.slice(0, 25).map((c) => c.text));
    if (sorted.length > 25) lines.push(`- … and ${sorted.length - 25} smaller changes (see bench/results.json).`);
  }
  return lines;
}

const METHOD = `
- **Build and serve.** \`vite build --mode bench\` (the bench hooks \`window.__atlasBench\` exist only in this mode;
  hidden source maps are written so profiles read in source terms — the JS bytes are unchanged); synthetic sets from
  \`scripts/gen-synthetic.ts\` (seed \`atlas\`, today 2026-11-23; cached in \`bench/tmp/data\`, copied into
  \`dist/bench-data\` because the build empties dist); \`vite preview\` on a free port on 127.0.0.1. Debian Chromium,
  headless, software WebGL (SwiftShader), viewport 1280×800. Nothing leaves the machine.
- **Repetitions.** Each repetition is a fresh browser context and page (empty cache and localStorage, so the layout
  cache never hits). A cell is the median over repetitions with min–max; per-step figures are first reduced within a
  repetition (median and p95 over its steps), then summarised across repetitions. The "no task" targets are judged on
  the worst repetition.
- **Load.** From the app's User Timing marks: import = \`atlas:data-fetched\` → \`atlas:data-parsed\`; first frames
  are counted from \`atlas:data-parsed\`; data-ready is when \`data-testid="app"\` gets \`data-ready="true"\` (a
  MutationObserver installed before the app runs). Long tasks are Long Animation Frames (\`PerformanceObserver\`,
  \`long-animation-frame\`, \`longtask\` as fallback): a frame holds its tasks and rendering, so it is what the user
  sees blocked. Chromium reports only frames over 50 ms ("0" means none) and reports them a frame or two late, so the
  list is read after two more frames. "Within the import" counts frames wholly inside it; the frame that receives the
  worker's result is shown apart, because that task goes on, in microtasks, into building the atlas data and views.
- **Built-in first view, warm cache.** The same context loads the built-in dataset twice and the second load is
  timed (\`vite preview\` answers \`Cache-Control: no-cache\` with ETags: "warm" means 304s plus V8's code cache).
- **Layout.** Synthetic sets have no positions, so the app runs ForceAtlas2 + noverlap in its worker: time from
  \`atlas:graph-built\` to \`atlas:layout-done\`, capped; past the cap the app's own button stops it and the cell reads
  "not converged within cap". Long frames are those starting after the graph's first frame until 1 s after
  layout-done (the finished positions animate into place for 600 ms).
- **Timeline steps.** A 2-year window at the start of the timeline is set first, untimed (from the full span it is a
  jump, not a step); then 100 steps slide it by one month each through \`__atlasBench.setWindow\`. *Step JS* is the
  sum of two parts: the *effects*, from that call until Svelte's effects have run (state, visibility diff, graph and
  map sync, map restyle, histogram, counts; the hook's own return value covers only the synchronous part — state and
  visibility diff — because effects run in a microtask after it), and sigma's *partial refresh JS* (reducers and
  buffer writes for the changed keys), which the app runs in the next animation frame, time-sliced at 8 ms a frame,
  and the bench runs whole and undrawn through \`__atlasBench.flushRefresh()\`. Then \`forceFrame()\` draws the graph
  now and reads one pixel back, which waits for the GPU: the *presented frame*. Then the page yields to the browser's next frame (map canvas, compositing): *next frame*. Where
  a frame costs seconds, only the first steps are followed by frames (see "Repetitions" below) and the rest are timed
  as JS only, with no frame between them. Visible counts (\`__atlasBench.counts()\`) must change between steps.
- **Why JS and presented frame are apart.** On SwiftShader the GPU is the CPU: drawing the graph's buffers costs
  hundreds of milliseconds to seconds at 20k–50k, which no change to the app's JS can remove (a real GPU does it in
  milliseconds); the main thread only waits. The target is on JS; the presented frame is reported.
- **Brush drag.** The window is set to the first 2 years, then the brush selection is dragged with \`page.mouse\`
  across the histogram in 60 moves (capped at 30 s). A move resolves when the renderer has dispatched it, which waits
  for a busy frame to end, so its wall time is the drag's responsiveness; frame intervals come from
  requestAnimationFrame timestamps, the longest frame from Long Animation Frames. The share of moves that produced an
  \`atlas:timeline-step\` mark checks the drag really moves the window.
- **Filter change.** The kind filter is set to "partnership" only (most collaborations leave), then cleared: for
  each, the effects, then sigma's refresh JS run whole and undrawn, then the presented frame; the worse of the two is
  shown. The first pair in the page is reported, and the third pair again ("third time in the page", after the JIT
  has optimised the code). A filter rewrites the graph's state texels; it refreshes no sigma key. Above 1,000
  organisations the map recounts its regions in a task of its own after the filter's (the app's
  \`atlas:map-recount\` measure): that task is shown apart, and both together.
- **Selection.** Region: \`selectRegion\` on the NUTS 2 region with the most organisations, JS until effects ran, then
  \`forceFrame()\`; the graph's \`data-highlighted\` must not be empty. Search: types the best-connected organisation
  whose name is in no other name or alias into \`data-testid="search"\`, presses Enter, and times Enter's event time →
  the details heading showing that name, then \`forceFrame()\`.
- **Exports.** Export dialog; click → download event for the graph SVG and the graph PNG at 4×.
- **Memory.** CDP \`HeapProfiler.collectGarbage\` then \`Runtime.getHeapUsage\` (main thread; workers excluded) after
  load, and after 10 full sweeps of the window across the timeline (quarterly stride, a frame at the end of each
  sweep) — once per dataset, in its last repetition.
- **Sizes.** From \`dist/.vite/manifest.json\`: the entry chunk, its static imports and their CSS, gzip level 9; and the
  files the built-in first view fetches.
- **Profiles.** CPU profiles (CDP \`Profiler\`, 100 µs sampling) mapped through the source maps: self time per
  function with the nearest app function above it. Steps are profiled in the last repetition of every size whose
  step JS p95 is over target (29 steps, JS only: no frame between them); a missed load or layout target gets an extra
  page of its decisive size. "(program)" is native work not attributed to a script: style, layout, paint, and waiting
  on the GPU process.
`;

function findingLines(results: Results): string[] {
  const get = lookupFrom(results.rows);
  const names = results.datasets.map((d) => d.name);
  const lines = FINDINGS.filter((f) => f.when(get, names)).flatMap((f) => [f.text.trim(), '']);
  return lines.length ? lines : ['No open finding in these results.', ''];
}

export function writeResults(results: Results): void {
  mkdirSync(dirname(RESULTS_PATH), { recursive: true });
  writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
}

export async function writeDoc(results: Results): Promise<void> {
  const m = results.machine;
  const reps = Object.entries(results.options.reps)
    .map(([d, n]) => `${d} ${n}`)
    .join(', ');
  const lines: string[] = [
    '# Performance',
    '',
    `Generated by \`npm run bench\` (\`scripts/bench.ts\`) on ${results.date}; figures in \`bench/results.json\`. Do not edit by`,
    'hand: the text comes from `scripts/bench/report.ts` and `scripts/bench/notes.ts`.',
    '',
    `Re-run: \`npm run bench\` (about ${Math.round(results.durationS / 60)} minutes here); options \`--sizes builtin,5k,20k,50k\`, \`--reps N\`, \`--steps 100\`,`,
    '`--frame-steps N`, `--layout-cap 120` (seconds), `--no-build`, `--no-profile`; after editing',
    '`scripts/bench/notes.ts`, `npm run bench -- --report-only` re-renders this page from `bench/results.json`.',
    '',
    '## Machine',
    '',
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGB.toFixed(0)} GB, ${m.chromium}, Node ${m.node}; commit ${results.git.commit}${results.git.dirty ? ' with uncommitted changes in src/' : ''}.`,
    '',
    `Calibration (blank page: sort 2 M doubles; 300k WebGL points + readPixels): CPU ${results.calibration.cpuMs.toFixed(0)} ms, WebGL ${results.calibration.glMs.toFixed(0)} ms, load average ${results.calibration.loadAverage.toFixed(1)} at start — ${results.calibration.degraded ? '**' + results.calibration.message + '**' : results.calibration.message}.`,
    '',
    '## Method',
    METHOD,
    `Repetitions: ${reps}${Object.values(results.options.reps).some((n) => n < 5) ? ' (fewer than the five per cell issue #10 asks for: a shortened run)' : ''}; ${results.options.steps} steps, of which followed by a presented frame: ${Object.entries(
      results.options.frameSteps,
    )
      .map(([d, n]) => `${d} ${Math.min(n, results.options.steps)}`)
      .join(', ')}; layout cap ${results.options.layoutCapS} s.`,
    '',
    `## Results (${results.date})`,
    '',
    ...results.datasets.map(
      (d) =>
        `- **${d.name}**: ${d.organisations.toLocaleString('en')} organisations, ${d.collaborations.toLocaleString('en')} collaborations${d.pairMB ? ` (CSV pair ${d.pairMB.toFixed(1)} MB)` : ''}.`,
    ),
    '',
    ...tableLines(results, true),
    '',
    ...results.datasets.flatMap((d) =>
      [...new Set(d.notes)].length || d.warnings.length
        ? [`Notes, ${d.name}: ${[...new Set([...d.warnings.map((w) => `⚠ ${w}`), ...d.notes])].join('; ')}.`, '']
        : [],
    ),
    '### Transfer sizes',
    '',
    ...sizeLines(results.sizes),
    '',
    '## Targets',
    '',
    ...targetLines(results.targets),
    '',
    '## Findings',
    '',
    ...findingLines(results),
    '## Bottlenecks of the missed targets',
    '',
  ];
  const missed = results.targets.filter((t) => t.status === 'missed');
  if (missed.length === 0) lines.push('None missed.', '');
  for (const t of missed) {
    lines.push(`### ${t.text}`, '', `Measured: ${t.measured}.`, '');
    const profile = results.profiles.find((p) => p.label.startsWith(`${t.profile}@${t.dataset}`));
    if (profile) {
      lines.push('Top self time (CPU profile of the decisive cell):', '', '```', ...formatProfile(profile), '```', '');
    }
    const note = ANALYSIS[t.id];
    if (note) lines.push(note.trim(), '');
  }
  lines.push('## What changed since the last run', '', ...results.changes, '');
  mkdirSync(dirname(DOC_PATH), { recursive: true });
  // Formatted as `npm run lint` expects, so a bench run never leaves the tree failing the gate.
  const text = await format(lines.join('\n'), { ...(await resolveConfig(DOC_PATH)), filepath: DOC_PATH });
  writeFileSync(DOC_PATH, text);
}
