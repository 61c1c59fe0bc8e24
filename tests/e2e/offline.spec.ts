// Offline app shell: after one visit the whole dashboard opens with the network off, no request ever leaves
// the app's origin, and a new version waits for the user instead of reloading the page.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { counts, openAtlas, searchAndSelect } from './helpers';
import { totals } from './expected';

/** Waits until a service worker is active, and reloads once if it does not control the page yet. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  }
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}

/** The URLs (relative to the app's root) that the built `sw.js` precaches. */
async function precacheList(page: Page): Promise<Set<string>> {
  const res = await page.request.get('/sw.js');
  expect(res.ok()).toBe(true);
  return new Set([...(await res.text()).matchAll(/\burl:"([^"]+)"/g)].map((m) => m[1]!));
}

/** Painted pixels of the map's region canvas (Leaflet draws the NUTS polygons on a 2D canvas). */
async function paintedRegionPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=map] .leaflet-regions-pane canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });
}

async function expectFullDashboard(page: Page): Promise<void> {
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  expect(await counts(page)).toEqual(totals);
  await expect(page.locator('[data-testid=graph] canvas').first()).toBeVisible();
  await expect(page.locator('[data-testid=map] .leaflet-regions-pane canvas')).toBeVisible();
  await expect(page.getByTestId('timeline').locator('svg path').first()).toBeVisible();
  await expect.poll(() => paintedRegionPixels(page)).toBeGreaterThan(10_000);
  await expect(page.getByTestId('map-empty')).toHaveCount(0);
}

/** Records the URL of every request the context makes (pages, workers, the service worker). */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

test('after one visit the whole dashboard opens with the network off', async ({ page, context, baseURL }) => {
  const firstView: string[] = [];
  page.on('request', (r) => firstView.push(r.url()));
  const problems = await openAtlas(page);
  await waitForServiceWorker(page);

  // Every file the first view fetched is in the precache (Workbox skips large files with only a warning).
  const precached = await precacheList(page);
  const root = new URL('/', baseURL).href;
  const fetched = new Set(
    firstView
      .filter((u) => u.startsWith(root))
      .map((u) => u.slice(root.length).split(/[?#]/)[0] || 'index.html')
      .filter((path) => path !== 'sw.js'),
  );
  expect(fetched.size).toBeGreaterThan(10);
  expect([...fetched].filter((path) => !precached.has(path))).toEqual([]);
  for (const kind of ['.csv', '.topo-', 'layout-', 'import-worker-', 'layout-worker-', '.css', 'manifest.webmanifest'])
    expect(
      [...precached].some((path) => path.includes(kind)),
      kind,
    ).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expectFullDashboard(page);
  // Offline, a selection still works (it only needs what is in memory).
  await searchAndSelect(page, 'BioWin');
  await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('BioWin');
  expect(problems).toEqual([]);
});

test('no request leaves the app’s origin during a session', async ({ page, context, baseURL }) => {
  const urls = recordRequests(context);
  await openAtlas(page);
  const graph = page.getByTestId('graph');
  const box = (await graph.boundingBox())!;
  for (let i = 1; i < 6; i++) await page.mouse.move(box.x + (box.width * i) / 6, box.y + box.height / 2);
  await searchAndSelect(page, 'BioWin');
  await searchAndSelect(page, 'NL42');
  await page.getByTestId('timeline-unit').selectOption('year');
  await page.locator('select', { has: page.locator('option[value="150"]') }).selectOption('150');
  await page.getByTestId('timeline-play').click();
  await expect(page.getByTestId('timeline-play')).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
  await page.getByTestId('export-open').click();
  for (const id of ['export-svg', 'export-png', 'export-map-svg', 'export-csv']) {
    await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
  }
  const origin = new URL(baseURL!).origin;
  expect(urls.length).toBeGreaterThan(10);
  const foreign = urls.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
});

test('a new version is offered, never loaded until the user asks', async ({ page }) => {
  await openAtlas(page);
  await waitForServiceWorker(page);
  // A changed sw.js is what a new deployment looks like to the browser. The browser fetches the worker script
  // itself (Playwright cannot route that request), so the served file changes on disk for this test and is
  // restored afterwards; `vite preview` reads files on every request.
  const swPath = join(process.env.PW_DIST ?? 'dist', 'sw.js');
  const original = await readFile(swPath, 'utf8');
  try {
    await writeFile(swPath, `${original}\n// next version\n`);
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toBeVisible();
    await expect(prompt).toContainText('A new version of the atlas is available.');
    // Nothing reloads on its own: the page keeps its state while the prompt waits.
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBeUndefined();
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
  } finally {
    await writeFile(swPath, original);
  }
});
