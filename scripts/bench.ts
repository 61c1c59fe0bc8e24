// `npm run bench`: builds, serves and drives Cluster Atlas in headless Chromium at several sizes; prints the figures and
// writes bench/results.json and docs/performance.md. Measures only — it never fails on a slow figure.
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright';
import { calibrate } from './bench/calibration';
import { datasetFacts, type DatasetFacts } from './bench/dataset-facts';
import { measureRep, newContext, openApp, type Metrics } from './bench/measures';
import { METRICS, evaluateTargets } from './bench/metrics';
import { formatProfile, recordProfile, summariseProfile, type ProfileSummary } from './bench/profile';
import {
  DOC_PATH,
  RESULTS_PATH,
  changeLines,
  lookupFrom,
  readPrevious,
  tableLines,
  writeDoc,
  writeResults,
  type DatasetInfo,
  type ResultRow,
  type Results,
} from './bench/report';
import { ASSETS, DIST, ROOT, SYNTHETIC, buildApp, gitState, prepareDataset } from './bench/setup';
import { startPreview } from './preview';
import { buildSizes } from './bench/sizes';
import { summarise } from './bench/stats';

const USAGE = `usage: npm run bench -- [--sizes builtin,5k,20k,50k] [--reps N] [--steps 100] [--layout-cap 120] [--frame-steps N] [--no-build] [--no-profile] [--report-only]
  --reps N       repetitions per dataset (default 5)
  --steps N      timeline steps per repetition (default 100)
  --frame-steps N  of those, how many are followed by a presented frame (default all; 40 at 5k, 20 at 10k, 10 at 20k and 50k)
  --layout-cap S seconds to wait for the layout before stopping it (default 120)
  --no-build     reuse dist/ from an earlier bench build
  --no-profile   skip the CPU profiles of missed targets
  --report-only  re-render docs/performance.md from bench/results.json (after editing scripts/bench/notes.ts)`;

/**
 * Per-size budget so the default run stays near 25 minutes on the 2-core machine: steps followed by a presented
 * frame (the others are timed as JS only) and seconds of brush drag. A presented frame costs ~0.2–0.5 s at 5k and
 * 1–3 s at 20k–50k on SwiftShader.
 */
const FRAME_STEPS: Readonly<Record<string, number>> = { '5k': 40, '10k': 20, '20k': 10, '50k': 10 };
const BRUSH_CAP_S: Readonly<Record<string, number>> = { builtin: 30, '5k': 15 };

const started = Date.now();
const log = (line: string) => {
  const s = Math.round((Date.now() - started) / 1000);
  console.log(`[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${line}`);
};

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: 'builtin,5k,20k,50k' },
      reps: { type: 'string' },
      steps: { type: 'string', default: '100' },
      'layout-cap': { type: 'string', default: '120' },
      'frame-steps': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'no-profile': { type: 'boolean', default: false },
      'report-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const sizes = values.sizes.split(',').map((s) => s.trim());
  for (const s of sizes) {
    if (s !== 'builtin' && !SYNTHETIC[s]) {
      console.error(`bench: unknown size "${s}" (known: builtin, ${Object.keys(SYNTHETIC).join(', ')})\n${USAGE}`);
      process.exit(2);
    }
  }
  const positive = (name: string, text: string | undefined) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) {
      console.error(`bench: --${name} must be a positive whole number\n${USAGE}`);
      process.exit(2);
    }
    return n;
  };
  const explicitReps = values.reps !== undefined ? positive('reps', values.reps) : null;
  // 50k repetitions cost minutes each (load, layout, 100 presented frames): 3 by default keeps the run near 25 min.
  const reps = Object.fromEntries(sizes.map((s) => [s, explicitReps ?? 5]));
  // A presented frame costs seconds at 50k on SwiftShader: larger sets time frames on the first steps only.
  const explicitFrames = values['frame-steps'] !== undefined ? positive('frame-steps', values['frame-steps']) : null;
  const frameSteps = Object.fromEntries(sizes.map((s) => [s, explicitFrames ?? FRAME_STEPS[s] ?? 100]));
  return {
    sizes,
    reps,
    frameSteps,
    steps: positive('steps', values.steps),
    layoutCapS: positive('layout-cap', values['layout-cap']),
    build: !values['no-build'],
    profile: !values['no-profile'],
    reportOnly: values['report-only'],
  };
}

async function profilePass(
  browser: Browser,
  url: string,
  dataset: string,
  kinds: ReadonlySet<string>,
  layoutCapMs: number,
): Promise<ProfileSummary[]> {
  const out: ProfileSummary[] = [];
  const ctx = await newContext(browser);
  try {
    if (dataset === 'builtin') {
      // Warm the cache first, as the built-in target is judged warm.
      const warm = await ctx.newPage();
      await openApp(warm, url, 300_000);
      await warm.close();
    }
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    // Start on the app's origin so the navigation stays in the same renderer (and under the same profiler).
    await page.goto(new URL('favicon.svg', url).href);
    if (kinds.has('load')) {
      const p = await recordProfile(cdp, async () => void (await openApp(page, url, 300_000)));
      out.push(summariseProfile(`load@${dataset} (navigation → data-ready)`, p, ASSETS));
    } else await openApp(page, url, 300_000);
    if (dataset !== 'builtin' && kinds.has('layout')) {
      const waitLayout = () =>
        page
          .waitForFunction(() => performance.getEntriesByName('atlas:layout-done').length > 0, null, {
            timeout: layoutCapMs,
            polling: 250,
          })
          .then(() => undefined)
          .catch(() => undefined);
      const p = await recordProfile(cdp, waitLayout);
      out.push(summariseProfile(`layout@${dataset} (data-ready → layout-done, main thread)`, p, ASSETS));
    }
    await cdp.detach().catch(() => {});
  } finally {
    await ctx.close();
  }
  return out;
}

async function main(): Promise<void> {
  const opts = options();
  const previous = readPrevious();
  if (opts.reportOnly) {
    if (!previous) throw new Error(`--report-only needs ${RESULTS_PATH}: run the benchmark first`);
    // Targets are re-judged (their definitions may have changed); the figures are the recorded ones.
    const targets = evaluateTargets(previous.options.sizes, lookupFrom(previous.rows), previous.sizes);
    await writeDoc({ ...previous, targets, changes: previous.changes ?? [] });
    console.log(`wrote ${DOC_PATH} from ${RESULTS_PATH} (${previous.date})`);
    return;
  }
  const git = await gitState();
  log(
    `bench: sizes ${opts.sizes.join(', ')}; reps ${JSON.stringify(opts.reps)}; commit ${git.commit}${git.dirty ? ' (src/ has uncommitted changes)' : ''}`,
  );
  if (opts.build) {
    log('vite build --mode bench …');
    const ms = await buildApp();
    log(`built in ${(ms / 1000).toFixed(1)} s`);
  }
  const sizes = buildSizes();
  log(
    `initial JS ${(sizes.jsGzip / 1000).toFixed(1)} KB gzip, CSS ${(sizes.cssGzip / 1000).toFixed(1)} KB, first-view data ${(sizes.dataGzip / 1000).toFixed(1)} KB`,
  );

  const facts = new Map<string, DatasetFacts>();
  const pairBytes = new Map<string, number>();
  for (const size of opts.sizes) {
    if (size === 'builtin') {
      facts.set(size, datasetFacts(join(ROOT, 'data')));
      continue;
    }
    const d = await prepareDataset(size);
    pairBytes.set(size, d.pairBytes);
    facts.set(size, datasetFacts(d.dir));
    log(`dataset ${size}: ${d.generated ? 'generated' : 'cached'}, ${(d.pairBytes / 1e6).toFixed(1)} MB CSV pair`);
  }

  const preview = await startPreview({ mode: 'bench' });
  const stopAll = () => preview.stop();
  process.on('SIGINT', () => {
    stopAll();
    process.exit(130);
  });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const loadAverageStart = loadavg()[0] ?? 0;
    const calibration = await calibrate(browser);
    log(`calibration: ${calibration.message}`);

    const perDataset = new Map<string, Metrics[]>();
    const stepProfiles: ProfileSummary[] = [];
    const infos: DatasetInfo[] = [];
    for (const size of opts.sizes) {
      const f = facts.get(size)!;
      const url = size === 'builtin' ? preview.url : `${preview.url}?data=bench-data/${size}/`;
      const reps = opts.reps[size]!;
      const list: Metrics[] = [];
      const notes: string[] = [];
      const capped: string[] = [];
      const warnings: string[] = [];
      for (let r = 1; r <= reps; r++) {
        const t0 = Date.now();
        try {
          const res = await measureRep(browser, {
            url,
            dataset: size,
            synthetic: size !== 'builtin',
            facts: f,
            pairBytes: pairBytes.get(size) ?? 0,
            steps: opts.steps,
            frameSteps: Math.min(opts.steps, opts.frameSteps[size]!),
            layoutCapMs: opts.layoutCapS * 1000,
            loadTimeoutMs: 300_000,
            brushMoves: 60,
            brushCapMs: (BRUSH_CAP_S[size] ?? 10) * 1000,
            exportCapMs: 180_000,
            sweeps: r === reps ? 10 : 0,
            profileSteps: opts.profile && r === reps,
            log,
          });
          list.push(res.metrics);
          stepProfiles.push(...res.profiles);
          // Notes carry per-repetition figures: keep the last repetition's, plus any cap that was hit.
          notes.length = 0;
          notes.push(...capped, ...res.notes);
          capped.push(...res.notes.filter((n) => n.includes('not converged')));
          warnings.push(...res.warnings.map((w) => `rep ${r}: ${w}`));
          const m = res.metrics;
          log(
            `${size} rep ${r}/${reps} in ${((Date.now() - t0) / 1000).toFixed(0)} s: import ${m['import.ms']?.toFixed(0)} ms, ` +
              `first frame +${m['ready.graphFrame']?.toFixed(0)} ms, layout ${m['layout.ms']?.toFixed(0) ?? 'n/a'} ms, ` +
              `step JS p95 ${m['step.js.p95']?.toFixed(1)} ms, frame median ${m['step.frame.median']?.toFixed(0)} ms` +
              (res.warnings.length ? `; WARN ${res.warnings.join('; ')}` : ''),
          );
        } catch (e) {
          warnings.push(`rep ${r} failed: ${(e as Error).message.split('\n')[0]}`);
          log(`${size} rep ${r}/${reps} FAILED: ${(e as Error).message.split('\n')[0]}`);
        }
      }
      perDataset.set(size, list);
      infos.push({
        name: size,
        organisations: f.organisations,
        collaborations: f.collaborations,
        pairMB: (pairBytes.get(size) ?? 0) / 1e6,
        reps: list.length,
        notes: [...new Set(notes)],
        warnings: [...new Set(warnings)],
      });
    }

    const rows: ResultRow[] = [];
    for (const [dataset, list] of perDataset) {
      for (const def of METRICS) {
        const samples = list.map((m) => m[def.id] ?? NaN);
        if (samples.every((v) => !Number.isFinite(v)) && def.group !== 'Export') continue;
        const s = summarise(samples);
        const fin = (v: number) => (Number.isFinite(v) ? v : null);
        rows.push({
          dataset,
          metric: def.id,
          label: def.label,
          unit: def.unit,
          n: s.n,
          median: fin(s.median),
          min: fin(s.min),
          max: fin(s.max),
          samples: samples.map(fin),
        });
      }
    }
    const lookup = lookupFrom(rows);
    const targets = evaluateTargets(opts.sizes, lookup, sizes);

    const profiles: ProfileSummary[] = [...stepProfiles];
    if (opts.profile) {
      const wanted = new Map<string, Set<string>>();
      for (const t of targets) {
        // Steps are profiled inside the last repetition; load and layout need a page of their own.
        if (t.status !== 'missed' || !t.dataset || !t.profile || t.profile === 'steps') continue;
        if (!opts.sizes.includes(t.dataset)) continue;
        if (!wanted.has(t.dataset)) wanted.set(t.dataset, new Set());
        wanted.get(t.dataset)!.add(t.profile);
      }
      for (const [dataset, kinds] of wanted) {
        log(`profiling ${[...kinds].join(', ')} at ${dataset} …`);
        const url = dataset === 'builtin' ? preview.url : `${preview.url}?data=bench-data/${dataset}/`;
        try {
          profiles.push(...(await profilePass(browser, url, dataset, kinds, opts.layoutCapS * 1000)));
        } catch (e) {
          log(`profile at ${dataset} failed: ${(e as Error).message.split('\n')[0]}`);
        }
      }
    }

    const results: Results = {
      date: new Date().toISOString().slice(0, 10),
      git,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? '?',
        memoryGB: totalmem() / 2 ** 30,
        chromium: `Chromium ${browser.version()}`,
        node: process.version,
        loadAverageStart,
      },
      options: {
        sizes: opts.sizes,
        reps: opts.reps,
        steps: opts.steps,
        frameSteps: opts.frameSteps,
        layoutCapS: opts.layoutCapS,
      },
      durationS: (Date.now() - started) / 1000,
      calibration,
      datasets: infos,
      sizes,
      rows,
      targets,
      profiles,
      changes: [],
    };
    results.changes = changeLines(results, previous);
    writeResults(results);
    await writeDoc(results);

    console.log('');
    console.log(tableLines(results, false).join('\n'));
    console.log('');
    for (const d of infos) {
      for (const w of d.warnings) console.log(`WARNING ${d.name}: ${w}`);
      for (const n of d.notes) console.log(`note ${d.name}: ${n}`);
    }
    console.log('\nTargets:');
    for (const t of targets) console.log(`  [${t.status.padEnd(12)}] ${t.text}: ${t.measured}`);
    for (const p of profiles) console.log(`\n${formatProfile(p).join('\n')}`);
    console.log(`\nSince the last run:\n${results.changes.join('\n')}`);
    console.log(`\n${calibration.degraded ? 'WARNING: ' : ''}${calibration.message}`);
    console.log(
      `wrote ${RESULTS_PATH} and ${DOC_PATH} in ${((Date.now() - started) / 60000).toFixed(1)} min (dist: ${DIST})`,
    );
  } finally {
    await browser?.close();
    stopAll();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
