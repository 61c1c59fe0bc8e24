// CLI: times a GEXF import in Chromium through the Import dialog — file chosen → report shown and the graph showing all
// its organisations — and the JS heap after a forced GC. Uses the build in dist/ (`npm run build` first) or --dist.
// npx tsx scripts/gexf-browser-timing.ts --dir /tmp/syn-50k [--runs 3] [--dist /tmp/dist-x]
// (network.gexf: scripts/gexf-import-timing.ts)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { startPreview } from './preview';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    runs: { type: 'string', default: '1' },
    // A build made elsewhere (`vite build --outDir …`), so a timing never needs to overwrite dist/.
    dist: { type: 'string', default: 'dist' },
  },
});
if (!values.dir) throw new Error('usage: npx tsx scripts/gexf-browser-timing.ts --dir DIR [--runs N] [--dist DIR]');
const gexf = join(values.dir, 'network.gexf');
if (!existsSync(gexf))
  throw new Error(`${gexf} missing: write it with scripts/gexf-import-timing.ts --dir ${values.dir}`);
if (!existsSync(join(values.dist, 'index.html')))
  throw new Error(`${values.dist}/ missing: run \`npm run build\` (or vite build --outDir) first`);

const preview = await startPreview({ outDir: values.dist });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(preview.url);
    await page.waitForSelector('[data-testid=app][data-ready="true"]');
    const before = await page.getByTestId('counts').getAttribute('data-organisations');
    await page.getByTestId('import-open').click();
    const t0 = performance.now();
    await page.getByTestId('import-input').setInputFiles(gexf);
    await page.waitForSelector('[data-testid=import-report][data-outcome]', { timeout: 600_000 });
    const outcome = await page.getByTestId('import-report').getAttribute('data-outcome');
    const reported = performance.now() - t0;
    // Ready to use: the counts have moved to the new network and every view has drawn it.
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid=counts]')?.getAttribute('data-organisations') !== old,
      before,
      { timeout: 600_000, polling: 100 },
    );
    await page.waitForSelector('[data-testid=app][data-ready="true"]', { timeout: 600_000 });
    const ready = performance.now() - t0;
    const organisations = await page.getByTestId('counts').getAttribute('data-organisations');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 2 ** 20;
    console.log(
      `run ${run + 1}: ${outcome}; report after ${(reported / 1000).toFixed(1)} s, ready after ${(ready / 1000).toFixed(1)} s; ` +
        `${organisations} organisations shown; heap after GC ${heap.toFixed(0)} MB`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  preview.stop();
}
