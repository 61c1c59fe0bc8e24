// Screenshots of built-in story scenes in presentation mode at 1920×1080 (docs/story-scene-N.png), from a build.
// Run: npx vite build && npx tsx scripts/story-screenshots.ts   (ATLAS_DIST serves another build folder)
import { chromium } from 'playwright';
import { startPreview } from './preview';

const PORT = Number(process.env.ATLAS_PORT ?? 4193);
const BASE = `http://127.0.0.1:${PORT}/`;
/** Scene numbers (1-based) to capture: the start, the European project and the ClusterXchange. */
const SCENES = (process.env.ATLAS_SCENES ?? '1,4,6').split(',').map(Number);

async function main(): Promise<void> {
  const outDir = process.env.ATLAS_DIST ?? 'dist';
  const server = await startPreview({ outDir, port: PORT });
  try {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, colorScheme: 'light' });
    await page.goto(BASE);
    await page.waitForSelector('[data-ready="true"]');
    await page.waitForSelector('[data-testid="story-open"]:not([data-scenes="0"])');
    await page.keyboard.press('p');
    let shown = 0;
    for (const n of SCENES) {
      while (shown < n) {
        await page.keyboard.press('PageDown');
        shown++;
        await page.waitForSelector(`[data-testid="story-overlay"][data-scene="${shown}"][data-moving="false"]`);
      }
      // The camera and the map finish their flights (700 ms and Leaflet's zoom) and tiles of labels settle.
      await page.waitForTimeout(1500);
      const file = `docs/story-scene-${n}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
    }
    await browser.close();
  } finally {
    server.stop();
  }
}

await main();
