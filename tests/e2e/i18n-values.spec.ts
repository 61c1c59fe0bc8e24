// Organisation types and collaboration kinds follow the interface language in the legend, filters and details.
import { expect, test } from '@playwright/test';
import { openAtlas, searchAndSelect } from './helpers';

test('in French the legend, the kind filter and the details name types and kinds in French', async ({ page }) => {
  await openAtlas(page, '#lang=fr');
  const legend = page.getByTestId('graph-legend');
  await expect(legend).toContainText('université');
  await expect(legend).toContainText('partenariat');
  await expect(legend).not.toContainText('partnership');
  await page.getByTestId('filter-kinds').click();
  await expect(page.getByTestId('filters').getByText('partenariat', { exact: false }).first()).toBeVisible();
  await searchAndSelect(page, 'BioWin');
  const details = page.getByTestId('details');
  await expect(details.locator('li[data-kind="partnership"] .kind').first()).toHaveText('partenariat');
});

test('in Dutch the same places speak Dutch', async ({ page }) => {
  await openAtlas(page, '#lang=nl');
  await expect(page.getByTestId('graph-legend')).toContainText('partnerschap');
  await searchAndSelect(page, 'BioWin');
  await expect(page.getByTestId('details').locator('li[data-kind="partnership"] .kind').first()).toHaveText(
    'partnerschap',
  );
});
