// The time window drives counts, graph, map and details; links restore the view; playback walks to today.
import { expect, test } from '@playwright/test';
import { counts, openAtlas, searchAndSelect, setWindow } from './helpers';
import { expectedCounts, totals } from './expected';

test('2016–2019 removes the BioWin–MEDVIA partnership and 2016–today restores it', async ({ page }) => {
  await openAtlas(page);
  await searchAndSelect(page, 'BioWin');
  const details = page.getByTestId('details');
  const inWindow = details.locator('h3', { hasText: 'In the time window' });
  await expect(inWindow).toContainText('(5)');

  await setWindow(page, '2016', '2019');
  await expect.poll(() => counts(page)).toEqual(expectedCounts('2016', '2019'));
  expect((await counts(page)).collaborations).toBeLessThan(totals.collaborations);
  const outside = details.locator('h3', { hasText: 'Outside the time window' });
  await expect(outside).toBeVisible();
  await expect(
    details.locator('ul.collabs').last().locator('[data-collab="biowin--medvia--partnership-2024"]'),
  ).toBeVisible();
  await expect(
    details.locator('ul.collabs').first().locator('[data-collab="biowin--medvia--partnership-2024"]'),
  ).toHaveCount(0);
  await expect(page.getByTestId('map')).toHaveAttribute('data-highlighted-regions', '');

  const today = new Date().toISOString().slice(0, 10);
  await setWindow(page, '2016', today);
  await expect.poll(() => counts(page)).toEqual(totals);
  await expect(inWindow).toContainText('(5)');
  await expect(page.getByTestId('map')).not.toHaveAttribute('data-highlighted-regions', '');
});

test('a copied link reopens with the same counts and selection', async ({ page, context }) => {
  await openAtlas(page);
  await setWindow(page, '2017-03', '2021');
  await searchAndSelect(page, 'DSP Valley');
  await expect(page).toHaveURL(/from=2017-03-01.*to=2021-12-31.*sel=org%3Adsp-valley/);
  const before = await counts(page);
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  expect(await counts(other)).toEqual(before);
  await expect(other.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('DSP Valley');
  await expect(other.getByTestId('timeline-from')).toHaveValue('2017-03-01');
});

test('a hand-edited link keeps its valid parts and says what it ignored', async ({ page }) => {
  await openAtlas(page, '#from=2018&to=banana&mode=sideways&sel=org%3Abiowin&zzz=1');
  await expect(page.getByTestId('notices')).toContainText('to');
  await expect(page.getByTestId('notices')).toContainText('mode');
  await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('BioWin');
  await expect(page.getByTestId('timeline-from')).toHaveValue('2018-01-01');
});

test('a link edited in the same tab applies at once, like opening it, and says what it ignored', async ({ page }) => {
  await openAtlas(page);
  const before = await counts(page);
  await page.evaluate(() => (window.location.hash = '#from=2018&to=2019&sel=org%3Abiowin&zzz=1'));
  await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('BioWin');
  await expect(page.getByTestId('timeline-from')).toHaveValue('2018-01-01');
  await expect(page.getByTestId('notices')).toContainText('zzz');
  expect((await counts(page)).collaborations).toBeLessThan(before.collaborations);
  // The same link opened in a fresh tab shows the same counts.
  const edited = await counts(page);
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  expect(await counts(other)).toEqual(edited);
});

test('playing from 2016 reaches today and every step shows the counts the data gives', async ({ page }) => {
  await openAtlas(page);
  await page.getByTestId('timeline-unit').selectOption('year');
  await page.locator('select', { has: page.locator('option[value="150"]') }).selectOption('150');
  const seen: { from: string; to: string; organisations: number; collaborations: number }[] = [];
  await page.exposeFunction('recordStep', (s: (typeof seen)[number]) => seen.push(s));
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid=counts]')!;
    const from = document.querySelector<HTMLInputElement>('[data-testid=timeline-from]')!;
    const to = document.querySelector<HTMLInputElement>('[data-testid=timeline-to]')!;
    new MutationObserver(() =>
      (window as unknown as { recordStep: (s: unknown) => void }).recordStep({
        from: from.value,
        to: to.value,
        organisations: Number(el.getAttribute('data-organisations')),
        collaborations: Number(el.getAttribute('data-collaborations')),
      }),
    ).observe(el, { attributes: true });
  });
  await page.getByTestId('timeline-play').click();
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByTestId('timeline-to')).toHaveValue(today, { timeout: 30_000 });
  await expect(page.getByTestId('timeline-play')).toHaveAttribute('aria-pressed', 'false');
  expect(seen.length).toBeGreaterThanOrEqual(5);
  for (const step of seen) {
    // The inputs update in the same tick as the counts; a record whose inputs lag is re-read from the next one.
    const expected = expectedCounts(step.from, step.to);
    expect(
      { organisations: step.organisations, collaborations: step.collaborations },
      `${step.from}..${step.to}`,
    ).toEqual(expected);
  }
  const distinct = new Set(seen.map((s) => s.collaborations));
  expect(distinct.size).toBeGreaterThan(2);
});

test('dragging the brush moves the window continuously, step after step', async ({ page }) => {
  await openAtlas(page);
  await setWindow(page, '2016', '2017');
  const selection = page.locator('[data-testid=timeline] .brush .selection');
  const box = (await selection.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const seen = new Set<string>();
  for (let k = 1; k <= 8; k++) {
    await page.mouse.move(box.x + box.width / 2 + k * 40, box.y + box.height / 2);
    seen.add(await page.getByTestId('timeline-from').inputValue());
  }
  await page.mouse.up();
  expect(seen.size).toBeGreaterThanOrEqual(5);
  expect(await page.getByTestId('timeline-from').inputValue()).not.toBe('2016-01-01');
});
