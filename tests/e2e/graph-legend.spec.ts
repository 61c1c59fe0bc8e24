// The graph legend in the running app: no label sits under it, and the whole graph is framed clear of it.
import { expect, test, type Page } from '@playwright/test';
import { openAtlas } from './helpers';

/** Painted pixels of the label layer, under the legend and in all. */
const labelInk = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="graph"] canvas.sigma-labels');
    const legend = document.querySelector('[data-testid="graph-legend"]');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !legend || !ctx) return { under: -1, all: -1 };
    const c = canvas.getBoundingClientRect();
    const l = legend.getBoundingClientRect();
    const k = canvas.width / c.width;
    const count = (x: number, y: number, w: number, h: number) => {
      const px = ctx.getImageData(x, y, w, h).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n++;
      return n;
    };
    return {
      under: count((l.left - c.left) * k, (l.top - c.top) * k, l.width * k, l.height * k),
      all: count(0, 0, canvas.width, canvas.height),
    };
  });

test.use({ viewport: { width: 1280, height: 800 } });

test('a region’s tags stay clear of the legend, as it appears and when it changes', async ({ page }) => {
  // NL42 marks a dozen organisations near the legend's corner at this size.
  const problems = await openAtlas(page, '#sel=region%3ANL42');
  await expect.poll(() => labelInk(page)).toMatchObject({ under: 0 });
  expect((await labelInk(page)).all).toBeGreaterThan(1000);

  // Colour by country: the legend is rebuilt with other entries and another size.
  const before = await page.getByTestId('graph-legend').boundingBox();
  await page.getByLabel('Colour').selectOption('country');
  await expect
    .poll(async () => (await page.getByTestId('graph-legend').boundingBox())?.height)
    .not.toBe(before?.height);
  await expect.poll(() => labelInk(page)).toMatchObject({ under: 0 });

  // A narrower stage moves the legend's box relative to the labels.
  await page.setViewportSize({ width: 1100, height: 700 });
  await expect.poll(() => labelInk(page)).toMatchObject({ under: 0 });
  expect((await labelInk(page)).all).toBeGreaterThan(1000);
  expect(problems).toEqual([]);
});

test('the first view frames the whole graph clear of the legend, and links still call it the whole graph', async ({
  page,
}) => {
  const problems = await openAtlas(page);
  const graph = page.getByTestId('graph');
  const param = (k: string) => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(k);
  // At sigma's reset the built-in graph's lower nodes sit under the legend: the first view is moved off it.
  await expect.poll(() => graph.getAttribute('data-camera')).not.toBe('0.5000,0.5000,1.0000');
  const framed = await graph.getAttribute('data-camera');
  expect(param('cam')).toBeNull();

  // Zoom in: the link gets a camera. "0" goes back to the framed whole graph, and the link drops it again.
  await graph.focus();
  await page.keyboard.press('+');
  await expect.poll(() => param('cam')).not.toBeNull();
  await page.keyboard.press('0');
  await expect(graph).toHaveAttribute('data-camera', framed!);
  await expect.poll(() => param('cam')).toBeNull();
  expect(problems).toEqual([]);
});

test('presenting keeps the whole graph framed as the stage grows', async ({ page }) => {
  const problems = await openAtlas(page);
  const graph = page.getByTestId('graph');
  const param = (k: string) => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(k);
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-presenting', 'true');
  // The camera is reported when it rests; in a growing stage the fit must stay a view of the graph (a resize's full
  // refresh once left sigma's positions unframed and sent the camera far off).
  await expect
    .poll(async () => {
      const [x, y, ratio] = (await graph.getAttribute('data-camera'))!.split(',').map(Number);
      return x! >= 0 && x! <= 1 && y! >= 0 && y! <= 1 && ratio! >= 1 && ratio! <= 1.5;
    })
    .toBe(true);
  expect(param('cam')).toBeNull();
  expect(problems).toEqual([]);
});

test('a whole-graph view is framed again when the stage changes size', async ({ page }) => {
  const problems = await openAtlas(page);
  const graph = page.getByTestId('graph');
  const param = (k: string) => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(k);
  await expect.poll(() => graph.getAttribute('data-camera')).not.toBe('0.5000,0.5000,1.0000');
  const wide = await graph.getAttribute('data-camera');
  // A narrower, shorter stage: the legend wraps onto more lines and covers more of it.
  await page.setViewportSize({ width: 1000, height: 700 });
  await expect.poll(() => graph.getAttribute('data-camera')).not.toBe(wide);
  expect(param('cam')).toBeNull();
  expect(problems).toEqual([]);
});
