// Sigma's passes over every node and edge: loading costs only the renderer's first, a theme change none.
import { expect, test, type Page } from '@playwright/test';
import { openAtlas } from './helpers';

/** Waits two animation frames, so refreshes the effects asked for have run. */
const frames = (page: Page) =>
  page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** Fully opaque light pixels of the label layer: dark-theme label text (halos are translucent, light text's is dark). */
const lightLabelPixels = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="graph"] canvas.sigma-labels');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return -1;
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3]! > 250 && px[i]! > 180 && px[i + 1]! > 180) n++;
    return n;
  });

test('the first picture is sigma’s first pass; a colour change is one more; the dark theme recolours labels without one', async ({
  page,
}) => {
  const problems = await openAtlas(page);
  const graph = page.getByTestId('graph');
  await frames(page);
  await expect(graph).toHaveAttribute('data-reprocesses', '0');
  expect(await lightLabelPixels(page)).toBeLessThan(20);

  await page.getByLabel('Colour').selectOption('country');
  await expect(graph).toHaveAttribute('data-reprocesses', '1');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => lightLabelPixels(page)).toBeGreaterThan(100);
  await frames(page);
  await expect(graph).toHaveAttribute('data-reprocesses', '1');
  expect(problems).toEqual([]);
});
