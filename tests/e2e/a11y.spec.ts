// Accessibility: axe finds no serious or critical violation on each page of the app, in each language and theme.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openAtlas } from './helpers';

const LANGS = ['en', 'nl', 'fr'] as const;

/** Serious and critical violations, one line each (rule, impact, first targets) so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join(' | ')}`,
    );
}

for (const scheme of ['light', 'dark'] as const) {
  for (const lang of LANGS) {
    test(`no serious or critical axe violation, ${lang}, ${scheme}`, async ({ page }) => {
      // Seven full axe scans: about 35 s alone, more on a busy machine.
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      await openAtlas(page, lang === 'en' ? '' : `#lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const found: Record<string, string[]> = {};

      found.dashboard = await violations(page);

      await page.getByTestId('table-open').click();
      await expect(page.getByTestId('table-row').first()).toBeVisible();
      found.table = await violations(page);
      await page.getByTestId('table-tab-collaborations').click();
      await expect(page.getByTestId('table')).toHaveAttribute('data-tab', 'collaborations');
      found.tableCollaborations = await violations(page);
      await page.getByTestId('table-open').click();

      await page.getByTestId('import-open').click();
      await expect(page.locator('dialog[open]')).toBeVisible();
      found.import = await violations(page);
      await page.keyboard.press('Escape');
      await expect(page.locator('dialog[open]')).toHaveCount(0);

      await page.getByTestId('export-open').click();
      await expect(page.getByTestId('export-dialog')).toBeVisible();
      found.export = await violations(page);
      await page.keyboard.press('Escape');

      await page.getByTestId('shortcuts-open').click();
      await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
      found.shortcuts = await violations(page);
      await page.keyboard.press('Escape');

      await page.getByTestId('present').click();
      await expect(page.getByTestId('app')).toHaveAttribute('data-presenting', 'true');
      found.present = await violations(page);

      const summary = Object.entries(found).map(([where, list]) => `${where}: ${list.length}`);
      console.log(`axe ${lang} ${scheme}: ${summary.join(', ')}`);
      expect(found).toEqual({
        dashboard: [],
        table: [],
        tableCollaborations: [],
        import: [],
        export: [],
        shortcuts: [],
        present: [],
      });
    });
  }
}

test('the graph and map carry a live text alternative that follows the view', async ({ page }) => {
  await openAtlas(page, '#lang=fr');
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('aria-describedby', 'graph-summary');
  await expect(page.getByTestId('map')).toHaveAttribute('aria-describedby', 'map-summary');
  await expect(page.getByTestId('graph-summary')).toContainText('organisations');
  await expect(page.getByTestId('graph-summary')).toContainText('les plus connectées');
  await page.getByTestId('search').fill('BioWin');
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('graph-summary')).toContainText('sélection : BioWin');
  await expect(page.getByTestId('map-summary')).toContainText('sélection : BioWin');
  await expect(page.locator('[aria-live="polite"]', { hasText: 'sélection : BioWin' })).toHaveCount(1);
});

test('the theme can be chosen, is remembered, and presentation stays light', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openAtlas(page);
  await page.getByTestId('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme')).toHaveValue('dark');
  const bg = () => page.getByTestId('app').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await bg()).toBe('rgb(22, 24, 27)');
  await page.getByTestId('present').click();
  expect(await bg()).toBe('rgb(255, 255, 255)');
});
