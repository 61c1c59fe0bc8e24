// Regenerates the README and docs screenshots from the built app in Debian's Chromium (run `npm run screenshots`).
import { chromium, type Browser, type Page } from 'playwright';
import { startPreview } from './preview';

const PORT = 4191;
const BASE = `http://127.0.0.1:${PORT}/`;

interface Shot {
  readonly file: string;
  readonly width: number;
  readonly height: number;
  readonly hash?: string;
  /** Element to capture instead of the page. */
  readonly element?: string;
  readonly prepare?: (page: Page) => Promise<void>;
}

const SHOTS: readonly Shot[] = [
  { file: 'docs/dashboard.png', width: 1280, height: 800 },
  { file: 'docs/graph-1280x800.png', width: 1280, height: 800, element: '.graph-view' },
  { file: 'docs/graph-1920x1080.png', width: 1920, height: 1080, element: '.graph-view' },
  { file: 'docs/map-1280x800.png', width: 1280, height: 800, element: '.map-view', hash: '#level=1' },
  { file: 'docs/dashboard-region-1280x800.png', width: 1280, height: 800, hash: '#sel=region%3ANL42' },
  {
    file: 'docs/dashboard-biowin-2016-2019.png',
    width: 1280,
    height: 800,
    hash: '#from=2016&to=2019&sel=org%3Abiowin',
  },
  // Dutch and French strings are longer: these show that the header, toolbars and legends still fit.
  { file: 'docs/dashboard-nl.png', width: 1280, height: 800, hash: '#lang=nl' },
  { file: 'docs/dashboard-fr.png', width: 1280, height: 800, hash: '#lang=fr' },
];

async function main(): Promise<void> {
  // ATLAS_DIST serves another build folder (e.g. while a benchmark is using dist/).
  const outDir = process.env.ATLAS_DIST ?? 'dist';
  const server = await startPreview({ outDir, port: PORT });
  try {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
    // `tsx scripts/screenshots.ts docs/dashboard-nl.png …` retakes only the named shots; `--samples` only the exports.
    const samplesOnly = process.argv.includes('--samples');
    const only = process.argv.slice(2).filter((a) => a !== '--samples');
    for (const shot of SHOTS.filter((s) => !samplesOnly && (only.length === 0 || only.includes(s.file)))) {
      const page = await browser.newPage({
        viewport: { width: shot.width, height: shot.height },
        colorScheme: 'light',
      });
      await page.goto(`${BASE}${shot.hash ?? ''}`);
      await page.waitForSelector('[data-ready="true"]');
      await shot.prepare?.(page);
      // Leaflet and sigma draw on the next animation frames after readiness.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.waitForTimeout(400);
      const target = shot.element ? page.locator(shot.element) : page;
      await target.screenshot({ path: shot.file });
      console.log(`wrote ${shot.file}`);
      await page.close();
    }
    if (only.length === 0) await exportSamples(browser);
    await browser.close();
  } finally {
    server.stop();
  }
}

/** Export samples of the built-in dataset for the README, made with the app's own export dialog. */
const SAMPLES: readonly { readonly button: string; readonly file: string }[] = [
  { button: 'export-png', file: 'docs/export-graph.png' },
  { button: 'export-svg', file: 'docs/export-graph.svg' },
  { button: 'export-map-svg', file: 'docs/export-map.svg' },
  { button: 'export-report-png', file: 'docs/export-report.png' },
];

async function exportSamples(browser: Browser): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  await page.goto(`${BASE}#from=2016&to=2024`);
  await page.waitForSelector('[data-ready="true"]');
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-title').fill('Health-tech clusters in Europe, 2016–2024');
  await page.getByTestId('export-scale').selectOption('2');
  for (const sample of SAMPLES) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(sample.button).click()]);
    await download.saveAs(sample.file);
    console.log(`wrote ${sample.file}`);
  }
  // The printable page as the browser prints it: the print dialog is replaced by page.pdf() under print media.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId('export-print').click();
  await page.waitForSelector('[data-testid="print-view"][data-ready="true"]', { state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: 'docs/export-print.pdf', preferCSSPageSize: true, printBackground: true });
  console.log('wrote docs/export-print.pdf');
  await page.close();
}

await main();
