// A dataset over the build-later threshold (1,000 organisations), opened by link: its views and panels mount in later
// tasks and frames, and must all arrive, linked, with no page error; a filter's map recount, deferred too, must arrive.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { BUILD_LATER_ORGS } from '../../src/lib/views/later-task';
import { counts, searchAndSelect } from './helpers';

const ORGS = 1_500;
const COLLABS = 5_000;
const out = mkdtempSync(join(tmpdir(), 'atlas-large-'));

test.beforeAll(() => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  execFileSync(
    join(root, 'node_modules/.bin/tsx'),
    [
      'scripts/gen-synthetic.ts',
      ...['--organisations', String(ORGS), '--collaborations', String(COLLABS)],
      ...['--out', out, '--seed', 'e2e', '--today', '2026-06-15'],
    ],
    { cwd: root },
  );
});
test.afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Opens the generated dataset as if published next to the app (`?data=large/`); returns the page errors. */
async function openLarge(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // The map's filter recounts run in a worker; its fallback on the main thread warns (and would hide a broken worker).
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().includes('recount worker')) problems.push(m.text());
  });
  await page.route('**/large/*.csv', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    return route.fulfill({ contentType: 'text/csv', body: readFileSync(join(out, name)) });
  });
  await page.goto('/?data=large/');
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
  return problems;
}

test('a dataset of 1,500 organisations opened by link mounts every view and panel, linked', async ({ page }) => {
  expect(ORGS).toBeGreaterThan(BUILD_LATER_ORGS);
  const problems = await openLarge(page);
  const shown = await counts(page);
  expect(shown.organisations).toBeGreaterThan(0.8 * ORGS);
  expect(shown.organisations).toBeLessThanOrEqual(ORGS);
  await expect(page.getByTestId('timeline').locator('.hint')).toContainText(`/ ${COLLABS.toLocaleString('en-GB')}`);
  await expect(page.getByTestId('filters')).toBeVisible();
  await expect(page.getByTestId('details')).toBeVisible();
  await expect(page.locator('[data-testid=graph] canvas').first()).toBeVisible();
  await expect(page.locator('[data-testid=map] canvas').first()).toBeVisible();
  // The panels arrived in the grid cells they hold once mounted: no slot is left behind.
  await expect(page.locator('.panel-slot')).toHaveCount(0);

  // Linked: a search in the graph selects an organisation, and the details panel (mounted last) shows it.
  const name = readFileSync(join(out, 'organisations.csv'), 'utf8').split('\n')[1]!.split(',')[1]!;
  await searchAndSelect(page, name);
  await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(page).toHaveURL(/sel=org%3Ao1\b/);

  // A filter: the map of a large dataset recounts in its worker after the filter's task, and must still arrive.
  const legend = page.locator('.map-view .legend .classes li');
  const classes = () => legend.allTextContents();
  await expect(legend).not.toHaveCount(0);
  const unfiltered = await classes();
  const before = await counts(page);
  // A type filter: the map's default metric counts organisations, whose class breaks a kind filter leaves alone.
  await page.getByTestId('filter-types').click();
  await page.getByTestId('filters').locator('input[value="university"]').check();
  await page.getByTestId('filter-types').click();
  await expect.poll(async () => (await counts(page)).collaborations).toBeLessThan(before.collaborations);
  await expect.poll(classes).not.toEqual(unfiltered);
  await page.getByTestId('clear-filters').click();
  await expect.poll(() => counts(page)).toEqual(before);
  await expect.poll(classes).toEqual(unfiltered);
  expect(problems).toEqual([]);
});

test('a hub’s collaborations are listed 100 at a time until the user asks for all of them', async ({ page }) => {
  const problems = await openLarge(page);
  // The best-connected organisation, from the file itself.
  const rows = readFileSync(join(out, 'collaborations.csv'), 'utf8').trim().split('\n').slice(1);
  const degree = new Map<string, number>();
  for (const row of rows) {
    const [, source, target] = row.split(',');
    for (const id of new Set([source!, target!])) degree.set(id, (degree.get(id) ?? 0) + 1);
  }
  const [hub, count] = [...degree].sort((a, b) => b[1] - a[1])[0]!;
  expect(count).toBeGreaterThan(100);
  const orgRow = readFileSync(join(out, 'organisations.csv'), 'utf8')
    .split('\n')
    .find((r) => r.startsWith(`${hub},`))!;
  const name = orgRow.split(',')[1]!;
  await searchAndSelect(page, name);
  const details = page.getByTestId('details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(name);
  const items = details.locator('ul.collabs > li');
  const more = details.getByTestId('show-all');
  await expect(more.first()).toBeVisible();
  expect(await items.count()).toBeLessThanOrEqual(200);
  expect(await items.count()).toBeLessThan(count);
  while ((await more.count()) > 0) await more.first().click();
  await expect(items).toHaveCount(count);
  // A new selection starts its lists short again.
  await page.keyboard.press('Escape');
  await searchAndSelect(page, name);
  await expect(more.first()).toBeVisible();
  expect(problems).toEqual([]);
});
