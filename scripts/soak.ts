// Long-session check: 20 imports in a row through the import input, view switches and a minute of playback,
// printing the JS heap after a forced GC and the WebGL canvases alive after each import.
// npx tsx scripts/soak.ts [--dist DIR (an existing build; else one is built into a temporary folder)] [--port 4203]
// [--imports 20] [--play-seconds 60]
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright';
import { startPreview } from './preview';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    port: { type: 'string', default: '4203' },
    imports: { type: 'string', default: '20' },
    'play-seconds': { type: 'string', default: '60' },
  },
});
const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'atlas-soak-'));
const port = Number(values.port);
const imports = Number(values.imports);
const playSeconds = Number(values['play-seconds']);
const log = (s: string) => console.log(`[soak] ${s}`);

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

let dist = values.dist;
if (!dist) {
  dist = join(work, 'dist');
  log(`building into ${dist} …`);
  run('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir']);
}
log('generating the 5k/25k synthetic set …');
const synthetic = join(work, 'syn5k');
run('npx', [
  'tsx',
  'scripts/gen-synthetic.ts',
  '--organisations',
  '5000',
  '--collaborations',
  '25000',
  '--out',
  synthetic,
]);

/** The datasets imported in turn. */
const DATASETS: readonly { name: string; files: string[] }[] = [
  { name: 'built-in CSV pair', files: ['data/sources.csv', 'data/organisations.csv', 'data/collaborations.csv'] },
  { name: 'GEXF', files: ['tests/fixtures/import/gexf13-spells.gexf'] },
  {
    name: 'synthetic 5k/25k',
    files: ['sources.csv', 'organisations.csv', 'collaborations.csv'].map((f) => join(synthetic, f)),
  },
];

/** Counts WebGL contexts as they are created; "alive" are those whose canvas is still in the document. */
const COUNT_WEBGL = `(() => {
  const made = [];
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const ctx = original.call(this, type, ...rest);
    if (ctx && /webgl/.test(type) && !made.some((r) => r.deref() === this)) made.push(new WeakRef(this));
    return ctx;
  };
  window.__webgl = () => ({ created: made.length, alive: made.filter((r) => r.deref()?.isConnected).length });
})();`;

async function ready(page: Page): Promise<void> {
  await page.locator('[data-testid=app][data-ready=true]').waitFor({ timeout: 120_000 });
}

async function importDataset(page: Page, files: string[]): Promise<void> {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-input').setInputFiles(files.map((f) => (f.startsWith('/') ? f : join(root, f))));
  await page.locator('[data-testid=import-report][data-outcome=imported]').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Dismiss' }).last().click();
  await ready(page);
}

async function switchViews(page: Page): Promise<void> {
  const level = page.getByRole('combobox', { name: 'Regions', exact: true });
  if (await level.isVisible()) {
    await level.selectOption('1');
    await level.selectOption('2');
  }
  await page.keyboard.press('p');
  await page.keyboard.press('Escape');
}

const server = await startPreview({ outDir: dist, port });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const rows: { step: number; dataset: string; heapMiB: number; webgl: string; organisations: string }[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(COUNT_WEBGL);
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`pageerror: ${e.message}`));
  await page.goto(server.url);
  await ready(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const measure = async (step: number, dataset: string) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const gl = (await page.evaluate('window.__webgl()')) as { created: number; alive: number };
    const organisations = (await page.getByTestId('counts').getAttribute('data-organisations')) ?? '?';
    const row = {
      step,
      dataset,
      heapMiB: Math.round((heap.usedSize / 2 ** 20) * 10) / 10,
      webgl: `${gl.alive} alive / ${gl.created} created`,
      organisations,
    };
    rows.push(row);
    log(`${step}\t${dataset}\t${row.heapMiB} MiB\tWebGL ${row.webgl}\t${organisations} organisations`);
  };
  await measure(0, 'start (built-in)');
  for (let i = 1; i <= imports; i++) {
    const d = DATASETS[(i - 1) % DATASETS.length]!;
    await importDataset(page, d.files);
    await switchViews(page);
    await measure(i, d.name);
  }
  log(`playing the timeline for ${playSeconds} s …`);
  const t0 = Date.now();
  while (Date.now() - t0 < playSeconds * 1000) {
    const play = page.getByTestId('timeline-play');
    if ((await play.getAttribute('aria-pressed')) !== 'true') await play.click();
    await page.waitForTimeout(2000);
  }
  if ((await page.getByTestId('timeline-play').getAttribute('aria-pressed')) === 'true')
    await page.getByTestId('timeline-play').click();
  await measure(imports + 1, `after ${playSeconds} s of playback`);
  console.log(
    '\n| step | dataset | JS heap after GC (MiB) | WebGL contexts | organisations |\n| --- | --- | --- | --- | --- |',
  );
  for (const r of rows) console.log(`| ${r.step} | ${r.dataset} | ${r.heapMiB} | ${r.webgl} | ${r.organisations} |`);
} finally {
  await browser.close();
  server.stop();
}
