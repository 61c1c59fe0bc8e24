// Keyboard-only journeys: no mouse call at all. Search, details, time window, export; timeline keys; shortcuts; table.
import { expect, test, type Page } from '@playwright/test';
import { counts, openAtlas } from './helpers';
import { expectedCounts } from './expected';

/** Presses Tab (or Shift+Tab) until the element with `testId` (or matching a `css:` selector) has focus. */
async function tabTo(page: Page, target: string, { back = false, max = 80 } = {}): Promise<void> {
  const selector = target.startsWith('css:') ? target.slice(4) : `[data-testid="${target}"]`;
  for (let k = 0; k < max; k++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} not reached with ${max} ${back ? 'Shift+Tab' : 'Tab'} presses`);
}

/** The focused element shows a visible focus ring (an outline of some width). */
async function expectFocusRing(page: Page): Promise<void> {
  const width = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el
      ? parseFloat(getComputedStyle(el).outlineWidth) * (getComputedStyle(el).outlineStyle === 'none' ? 0 : 1)
      : 0;
  });
  expect(width).toBeGreaterThanOrEqual(2);
}

test('search BioWin, read its details, set 2016–2019 and export a PNG with the keyboard alone', async ({ page }) => {
  await openAtlas(page);
  await tabTo(page, 'search');
  await expectFocusRing(page);
  await page.keyboard.type('BioWin');
  await expect(page.getByRole('option').first()).toContainText('BioWin');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('BioWin');
  await expect(page).toHaveURL(/sel=org%3Abiowin/);

  // Into the details: its links and buttons come next in the tab order, each with a focus ring.
  await tabTo(page, 'timeline-from');
  await expectFocusRing(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2016');
  await page.keyboard.press('Enter');
  await tabTo(page, 'timeline-to');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2019');
  await page.keyboard.press('Enter');
  expect(await counts(page)).toEqual(expectedCounts('2016', '2019'));
  await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('BioWin');

  await tabTo(page, 'export-open', { back: true });
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await tabTo(page, 'export-png');
  await expectFocusRing(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(bytes).subarray(1, 4).toString()).toBe('PNG');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();
});

test('timeline keys: arrows move the window, Shift+arrows resize it, Home shows everything', async ({ page }) => {
  await openAtlas(page, '#from=2018-01-01&to=2018-12-31');
  const slider = page.getByRole('slider', { name: 'Timeline' });
  await tabTo(page, 'css:svg[role="slider"]');
  await expect(slider).toBeFocused();
  await expectFocusRing(page);
  await expect(slider).toHaveAttribute('aria-valuetext', '2018-01-01 – 2018-12-31');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', '2018-02-01 – 2019-01-31');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', '2018-02-01 – 2019-02-28');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuetext', '2018-02-01 – 2018-12-31');
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuetext', '2018-01-01 – 2018-11-30');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('timeline-from')).toHaveValue('2016-01-01');
});

test('? lists the shortcuts; single-key shortcuts can be turned off, and that is remembered', async ({ page }) => {
  await openAtlas(page);
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Presentation mode on or off');
  await tabTo(page, 'single-key-shortcuts');
  await expectFocusRing(page);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('single-key-shortcuts')).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('p');
  await page.keyboard.press('?');
  await expect(page.getByTestId('app')).toHaveAttribute('data-presenting', 'false');
  await expect(dialog).toBeHidden();

  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await page.keyboard.press('p');
  await expect(page.getByTestId('app')).toHaveAttribute('data-presenting', 'false');
  // The overlay stays reachable by its button, and turns them back on.
  await tabTo(page, 'shortcuts-open');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await tabTo(page, 'single-key-shortcuts');
  await page.keyboard.press('Space');
  await page.keyboard.press('Escape');
  await page.keyboard.press('p');
  await expect(page.getByTestId('app')).toHaveAttribute('data-presenting', 'true');
});

test('table: opens, sorts from the keyboard, selects a row and follows the selection', async ({ page }) => {
  await openAtlas(page, '#from=2016-01-01&to=2024-12-31');
  await tabTo(page, 'table-open');
  await page.keyboard.press('Enter');
  const table = page.getByTestId('table');
  const { organisations } = await counts(page);
  await expect(table).toHaveAttribute('data-rows', String(organisations));
  await expect(page.getByTestId('graph')).toBeHidden();

  await tabTo(page, 'sort-name');
  await page.keyboard.press('Enter');
  const nameHeader = page.getByRole('columnheader').filter({ has: page.getByTestId('sort-name') });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  const names = await page.getByTestId('table-row').locator('th').allInnerTexts();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true })));
  await page.keyboard.press('Enter');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');

  await tabTo(page, 'table-filter', { back: true });
  await page.keyboard.type('biowin');
  await expect(table).toHaveAttribute('data-rows', '1');
  await tabTo(page, 'css:[data-testid="table-row"] button');
  await expect(page.getByRole('button', { name: 'BioWin', exact: true })).toBeFocused();
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('table-row').first()).toHaveClass(/selected/);
  await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('BioWin');

  // A selection made elsewhere (search) is highlighted in the table.
  await tabTo(page, 'table-filter', { back: true });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await tabTo(page, 'search', { back: true });
  await page.keyboard.type('MEDVIA');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="table-row"].selected th')).toHaveText('MEDVIA');
  await expect(page.locator('[data-testid="table-row"].selected')).toBeInViewport();
});
