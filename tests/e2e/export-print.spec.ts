// The printable page: figures as images, key numbers, caption and cited sources under print media, and a real A4 PDF.
import { expect, test, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { citedSources } from '../../src/lib/export/print-facts';
import { loadBuiltinDataset } from '../helpers/builtin';
import { counts, openAtlas, setWindow } from './helpers';

/** Replaces the browser's print dialog with a counter, so the test sees the call and the view stays mounted. */
async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { printCalls: number };
    w.printCalls = 0;
    window.print = () => {
      w.printCalls++;
    };
  });
}

async function openPrintView(page: Page): Promise<void> {
  await stubPrint(page);
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-print').click();
  await expect(page.getByTestId('print-view')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
}

test('print view shows numbers, caption, figures and cited sources, and prints to an A4 PDF', async ({
  page,
}, testInfo) => {
  const problems = await openAtlas(page);
  await setWindow(page, '2016', '2021');
  const shown = await counts(page);
  // The address is written debounced; the page prints it as the view's link.
  await expect(page).toHaveURL(/from=2016/);
  await openPrintView(page);

  // On screen the print view stays hidden; under print media it is all that shows.
  await expect(page.getByTestId('print-view')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  const view = page.getByTestId('print-view');
  await expect(view).toBeVisible();
  await expect(page.locator('#app')).toBeHidden();

  const numbers = view.getByTestId('print-numbers');
  await expect(numbers.locator('[data-key="organisations"] dd')).toHaveText(String(shown.organisations));
  await expect(numbers.locator('[data-key="collaborations"] dd')).toHaveText(String(shown.collaborations));
  expect(Number(await numbers.locator('[data-key="regions"] dd').textContent())).toBeGreaterThan(1);
  await expect(numbers.locator('[data-key="window"] dd')).toHaveText('2016 – 2021');
  await expect(numbers.locator('[data-key="mode"] dd')).toHaveText('Active in window');
  await expect(numbers.locator('[data-key="filters"] dd')).toHaveText('none');
  await expect(view.getByTestId('print-caption')).toHaveText(
    `Collaborations active from 2016 to 2021 · undated included · ${shown.organisations} organisations, ${shown.collaborations} collaborations`,
  );

  // Figures are images from blob: URLs of the SVG builders' output, decoded at a real size.
  // Widths: PRINT_FIGURE_WIDTH and PRINT_MAP_WIDTH in print-build.ts.
  for (const [id, width] of [
    ['print-graph', 760],
    ['print-map', 520],
  ] as const) {
    const img = view.getByTestId(id);
    await expect(img).toHaveAttribute('src', /^blob:/);
    const size = await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]);
    expect(size[0]).toBe(width);
    expect(size[1]).toBeGreaterThan(300);
  }
  expect(await view.locator('svg').count()).toBe(0);

  // Sources: every source cited by a visible collaboration or organisation, with title and publisher as text.
  const ds = loadBuiltinDataset();
  const all = (n: number) => new Uint8Array(n).fill(1);
  const cited = citedSources(ds, all(ds.organisations.length), all(ds.collaborations.length));
  const items = view.getByTestId('print-sources').locator('li');
  const itemCount = await items.count();
  expect(itemCount).toBeGreaterThan(0);
  expect(itemCount).toBeLessThanOrEqual(cited.length);
  const sourceText = await view.getByTestId('print-sources').innerText();
  expect(sourceText).toContain('Flemish Government recognises flanders.healthTech');
  expect(sourceText).toContain('VLAIO');
  expect(sourceText).toMatch(/published (\d+ )?(\w+ )?20\d\d/);
  await expect(view.getByTestId('print-link')).toHaveText(page.url());

  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(2);
  // Graph on the first sheet, map and five sources on the second.
  expect(pages).toBeLessThanOrEqual(3);
  await writeFile(testInfo.outputPath('print.pdf'), pdf);
  expect(problems).toEqual([]);
});

test('the print view follows the language and is removed after printing', async ({ page }) => {
  await openAtlas(page);
  await page.getByTestId('language').selectOption('fr');
  await setWindow(page, '2016', '2021');
  await openPrintView(page);
  await page.emulateMedia({ media: 'print' });
  const view = page.getByTestId('print-view');
  await expect(view).toHaveAttribute('lang', 'fr');
  await expect(view.getByTestId('print-caption')).toContainText('Collaborations actives de 2016 à 2021');
  await expect(view.getByTestId('print-numbers').locator('[data-key="mode"] dt')).toHaveText('Mode');
  await expect(view.getByTestId('print-sources').locator('h2')).toContainText('Sources citées');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.getByTestId('print-view')).toHaveCount(0);
  await expect(page.locator('#app')).toBeVisible();
});
