// The filter bar: a filter narrows the counts, clearing restores them, and neither moves the stage or reprocesses sigma.
import { expect, test, type Page } from '@playwright/test';
import { counts, openAtlas } from './helpers';

const frames = (page: Page) =>
  page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

const stageBox = (page: Page) =>
  page.getByTestId('graph').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height];
  });

test('a kind filter and Clear filters keep the stage’s size and cost sigma no full pass', async ({ page }) => {
  const problems = await openAtlas(page);
  const graph = page.getByTestId('graph');
  await frames(page);
  const before = await stageBox(page);
  const all = await counts(page);
  await expect(page.getByTestId('clear-filters')).toBeHidden();

  await page.getByTestId('filter-kinds').click();
  await page.getByTestId('filters').locator('input[value="partnership"]').check();
  await page.getByTestId('filter-kinds').click();
  await expect.poll(async () => (await counts(page)).collaborations).toBeLessThan(all.collaborations);
  await frames(page);
  expect(await stageBox(page)).toEqual(before);
  await expect(graph).toHaveAttribute('data-reprocesses', '0');

  await page.getByTestId('clear-filters').click();
  await expect.poll(() => counts(page)).toEqual(all);
  await expect(page.getByTestId('clear-filters')).toBeHidden();
  await frames(page);
  expect(await stageBox(page)).toEqual(before);
  await expect(graph).toHaveAttribute('data-reprocesses', '0');
  expect(problems).toEqual([]);
});
