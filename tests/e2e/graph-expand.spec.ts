// Merged overview: selecting an organisation draws each of its collaborations in the window instead of its pair edges.
import { expect, test } from '@playwright/test';
import { openAtlas, searchAndSelect } from './helpers';

test('with merged edges, BioWin selected shows one curve per collaboration in the window; Escape restores pairs', async ({
  page,
}) => {
  await openAtlas(page, '#edges=merged');
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-expanded', '0');
  await searchAndSelect(page, 'BioWin');
  const inside = page.getByTestId('details').locator('ul.collabs').first().locator('li');
  await expect(inside.first()).toBeVisible();
  const listed = await inside.count();
  expect(listed).toBeGreaterThan(1);
  await expect(graph).toHaveAttribute('data-expanded', String(listed));
  // The curves are drawn: the overlay canvas between sigma's layers holds ink.
  const inked = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="graph"] canvas.atlas-overlay');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return 0;
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n++;
    return n;
  });
  expect(inked).toBeGreaterThan(200);
  await graph.focus();
  await page.keyboard.press('Escape');
  await expect(graph).toHaveAttribute('data-expanded', '0');
});

test('with merged edges, zooming in expands the organisations in view and fitting the graph merges them again', async ({
  page,
}) => {
  await openAtlas(page, '#edges=merged');
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-expanded', '0');
  await graph.focus();
  for (let k = 0; k < 3; k++) await page.keyboard.press('+');
  // Zoomed in past half the fitted size: what is in view is drawn collaboration by collaboration.
  await expect
    .poll(async () => Number(await graph.getAttribute('data-expanded')), { timeout: 10_000 })
    .toBeGreaterThan(0);
  const ratio = Number((await graph.getAttribute('data-camera'))!.split(',')[2]);
  expect(ratio).toBeLessThanOrEqual(0.5);
  await page.keyboard.press('0');
  await expect(graph).toHaveAttribute('data-expanded', '0', { timeout: 10_000 });
});
