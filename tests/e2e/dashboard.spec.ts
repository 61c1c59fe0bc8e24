// The built app opens on the built-in dataset: every view renders, counts match the data, no console error.
import { expect, test } from '@playwright/test';
import { counts, openAtlas, searchAndSelect } from './helpers';
import { totals } from './expected';

test('opens ready with the built-in dataset and no console error', async ({ page }) => {
  const problems = await openAtlas(page);
  expect(await counts(page)).toEqual(totals);
  await expect(page.getByTestId('map-attribution')).toHaveText(
    '© EuroGeographics for the administrative boundaries · Source: Eurostat – GISCO, NUTS 2021',
  );
  await expect(page.locator('[data-testid=graph] canvas').first()).toBeVisible();
  await expect(
    page.locator('[data-testid=map] .leaflet-regions-pane canvas, [data-testid=map] canvas').first(),
  ).toBeVisible();
  await expect(page.getByTestId('timeline').locator('svg path').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('searching BioWin selects it and the details list MEDVIA with the citing article', async ({ page }) => {
  await openAtlas(page);
  await searchAndSelect(page, 'BioWin');
  const details = page.getByTestId('details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('BioWin');
  const medvia = details.locator('li', { has: page.getByRole('button', { name: 'MEDVIA', exact: true }) });
  await expect(medvia.first()).toBeVisible();
  await expect(medvia.and(page.locator('[data-kind=partnership]'))).toContainText('002_57d1798fd7930e71.txt');
  await expect(page).toHaveURL(/sel=org%3Abiowin/);
});

test('MEDVIA shows its BioWin partnership, its predecessor and that cluster’s founders', async ({ page }) => {
  await openAtlas(page);
  await searchAndSelect(page, 'MEDVIA');
  const details = page.getByTestId('details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('MEDVIA');
  await expect(details.locator('li[data-kind=partnership]').getByRole('button', { name: 'BioWin' })).toBeVisible();
  const predecessor = details
    .locator('li[data-kind=succession]')
    .getByRole('button', { name: 'flanders.healthTech', exact: true });
  await expect(predecessor).toBeVisible();
  await predecessor.click();
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('flanders.healthTech');
  for (const founder of ['MedTech Flanders', 'flanders.bio', 'DSP Valley']) {
    await expect(
      details.locator('li[data-kind=founding]').getByRole('button', { name: founder }).first(),
    ).toBeVisible();
  }
});

test('Escape clears the selection', async ({ page }) => {
  await openAtlas(page);
  await searchAndSelect(page, 'BioWin');
  await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('BioWin');
  await page.getByTestId('graph').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toHaveCount(0);
});
