// Presentation mode: P or the present button hides the panels and enlarges labels; Escape leaves it.
import { expect, test } from '@playwright/test';
import { openAtlas } from './helpers';

test('entering presentation mode hides the panels and enlarges labels; Escape leaves it', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openAtlas(page);
  const app = page.getByTestId('app');
  await page.getByTestId('present').click();
  await expect(app).toHaveAttribute('data-presenting', 'true');
  await expect(page.getByTestId('details')).toBeHidden();
  await expect(page.getByTestId('filters')).toBeHidden();
  await expect(page.getByTestId('graph')).toHaveAttribute('data-label-size', '20');
  await expect(page.getByTestId('timeline')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app).toHaveAttribute('data-presenting', 'false');
  await expect(page.getByTestId('details')).toBeVisible();

  await page.getByTestId('graph').focus();
  await page.keyboard.press('p');
  await expect(app).toHaveAttribute('data-presenting', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('timeline-play')).toHaveAttribute('aria-pressed', 'true');
});
