// The map is linked both ways: organisation selections light up regions, region selections list organisations.
import { expect, test } from '@playwright/test';
import { openAtlas, searchAndSelect } from './helpers';
import { expectedRegionLinks } from './expected';

test('selecting BioWin highlights Wallonia (BE3) and its partners’ regions', async ({ page }) => {
  await openAtlas(page);
  const map = page.getByTestId('map');
  await searchAndSelect(page, 'BioWin');
  // BioWin is known at NUTS 1 (BE3): on the NUTS 2 map every Walloon province is selected.
  await expect(map).toHaveAttribute('data-selected-regions', 'BE31 BE32 BE33 BE34 BE35');
  await page.getByRole('combobox', { name: 'Regions', exact: true }).selectOption('1');
  await expect(map).toHaveAttribute('data-level', '1');
  await expect(map).toHaveAttribute('data-selected-regions', 'BE3');
  await expect(map).toHaveAttribute('data-highlighted-regions', /BE2/);
});

test('selecting the region NL42 lists Brightlands and MERLN and highlights them in the graph', async ({ page }) => {
  await openAtlas(page);
  await searchAndSelect(page, 'NL42');
  const details = page.getByTestId('details');
  await expect(details.getByRole('heading', { level: 2 })).toContainText('Limburg');
  const orgs = details.locator('ul.orgs');
  await expect(orgs.getByRole('button', { name: 'Brightlands', exact: true })).toBeVisible();
  await expect(orgs.getByRole('button', { name: /MERLN/ })).toBeVisible();
  await expect(page.getByTestId('map')).toHaveAttribute('data-selected-regions', 'NL42');
  await expect(page.getByTestId('graph')).toHaveAttribute('data-highlighted', /(^| )brightlands( |$)/);
  await expect(page.getByTestId('graph')).toHaveAttribute('data-highlighted', /(^| )merln( |$)/);
  await expect(page).toHaveURL(/sel=region%3ANL42/);
});

test('the arc between two MedTech4Europe regions carries the right count', async ({ page }) => {
  await openAtlas(page, '#sel=pair%3ANL42~DK01');
  const expected = expectedRegionLinks('NL42', 'DK01');
  expect(expected).toBeGreaterThan(0);
  await expect(page.getByTestId('pair-count')).toHaveAttribute('data-count', String(expected));
  await expect(page.getByTestId('details')).toContainText('MedTech4Europe');
});

test('selecting MedTech4Europe highlights all eight partner regions', async ({ page }) => {
  await openAtlas(page);
  await searchAndSelect(page, 'MedTech4Europe');
  await page.getByRole('combobox', { name: 'Regions', exact: true }).selectOption('1');
  const map = page.getByTestId('map');
  // Level 1 shows every partner, whatever level its code is at: DE1, DK0, FI1, FRK, HU2, ITC, NL4, PL2.
  for (const code of ['DE1', 'DK0', 'FI1', 'FRK', 'HU2', 'ITC', 'NL4', 'PL2']) {
    await expect(map).toHaveAttribute('data-highlighted-regions', new RegExp(`(^| )${code}( |$)`));
  }
});

test('the map follows the dark theme: regions, markers and legend turn dark, and back', async ({ page }) => {
  await openAtlas(page);
  /** Mean brightness (0–255) of the painted pixels of the regions' canvas. */
  const regionBrightness = () =>
    page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] .leaflet-regions-pane canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return -1;
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3]! < 200) continue;
        sum += (px[i]! + px[i + 1]! + px[i + 2]!) / 3;
        n++;
      }
      return n > 1000 ? sum / n : -1;
    });
  await expect.poll(regionBrightness).toBeGreaterThan(180);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(regionBrightness).toBeLessThan(90);
  const legend = page.getByTestId('map').locator('xpath=..').locator('.legend');
  const legendBg = await legend.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(legendBg).toMatch(/rgba?\(24, 24, 27/);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(regionBrightness).toBeGreaterThan(180);
});
