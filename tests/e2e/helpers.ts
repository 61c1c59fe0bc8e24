// Shared steps for end-to-end tests: open the app, wait for readiness, read counts, collect page errors.
import { expect, type Page } from '@playwright/test';

/** Opens the app (optionally with a hash) and waits until every view has rendered. */
export async function openAtlas(page: Page, hash = ''): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Chromium's software WebGL logs GPU-stall performance notes; they are not app errors.
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(`/${hash}`);
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  return problems;
}

export async function counts(page: Page): Promise<{ organisations: number; collaborations: number }> {
  const el = page.getByTestId('counts');
  return {
    organisations: Number(await el.getAttribute('data-organisations')),
    collaborations: Number(await el.getAttribute('data-collaborations')),
  };
}

/** Types into search and picks the first result with Enter. */
export async function searchAndSelect(page: Page, query: string): Promise<void> {
  const search = page.getByTestId('search');
  await search.fill(query);
  await expect(page.getByRole('option').first()).toBeVisible();
  await search.press('Enter');
}

/** Sets the time window through the two text inputs. */
export async function setWindow(page: Page, from: string, to: string): Promise<void> {
  await page.getByTestId('timeline-from').fill(from);
  await page.getByTestId('timeline-from').press('Enter');
  await page.getByTestId('timeline-to').fill(to);
  await page.getByTestId('timeline-to').press('Enter');
}
