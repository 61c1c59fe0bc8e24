// Hostile input never runs: a file with script payloads in every field goes through every view and export.
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { openAtlas, searchAndSelect } from './helpers';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/hostile/${name}`, import.meta.url));

test('script payloads in every field never run and the CSP reports no violation', async ({ page }) => {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __violations: string[] }).__violations ??= [];
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const problems = await openAtlas(page);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-input').setInputFiles([fixture('organisations.csv'), fixture('collaborations.csv')]);
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-outcome', 'imported');
  await page.getByRole('button', { name: 'Dismiss' }).last().click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');

  // Hover every node, select one through search, read the details, hover the map.
  const canvas = page.locator('[data-testid=graph] canvas').last();
  const box = (await canvas.boundingBox())!;
  for (let x = 0; x < box.width; x += 15) await page.mouse.move(box.x + x, box.y + box.height / 2);
  await searchAndSelect(page, 'svg onload');
  await expect(page.getByTestId('details')).toContainText('<script>window.__pwned=2</script>');
  const links = page.getByTestId('details').locator('a');
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^https?:/);
  }
  const map = page.getByTestId('map');
  const mapBox = (await map.boundingBox())!;
  for (let x = 0; x < mapBox.width; x += 20) await page.mouse.move(mapBox.x + x, mapBox.y + mapBox.height / 2);

  // Export a figure: the SVG holds the payloads as text only.
  await page.getByTestId('export-open').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  const svg = await readFile((await dl.path())!, 'utf8');
  // No script or img element, no event-handler attribute on any tag, no javascript: reference in an attribute.
  expect(svg).not.toMatch(/<script|<img/i);
  expect(svg).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(svg).not.toMatch(/=\s*["']\s*javascript:/i);
  // The selected organisation is labelled, so its hostile name is in the figure, escaped.
  expect(svg).toContain('"&gt;&lt;svg onload="window.__pwned=3"&gt;');

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  violations.push(
    ...(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])),
  );
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});
