// Importing files through import-input replaces the dataset only when it validates; a broken pair changes nothing.
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { counts, openAtlas, searchAndSelect } from './helpers';
import { totals } from './expected';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

test('importing the fixture pair replaces the dataset in counts, graph, map and timeline', async ({ page }) => {
  await openAtlas(page);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-input').setInputFiles([fixture('orgs-base.csv'), fixture('collabs-base.csv')]);
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-outcome', 'imported');
  await page.getByRole('button', { name: 'Dismiss' }).last().click();
  await expect.poll(() => counts(page)).toEqual({ organisations: 4, collaborations: 2 });
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await searchAndSelect(page, 'CHU Liege');
  await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('CHU Liège');
  await expect(page.getByTestId('map')).toHaveAttribute('data-selected-regions', 'BE33');
  await expect(page.getByTestId('graph')).toHaveAttribute('data-highlighted', /liege-hospital/);

  // A reload keeps the imported dataset (IndexedDB), and says so.
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  expect(await counts(page)).toEqual({ organisations: 4, collaborations: 2 });
  await expect(page.getByTestId('notices')).toContainText('imported dataset');

  // Going back to the built-in dataset asks first (the app's own dialog); the import stays listed in Datasets.
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-back').click();
  await page.getByTestId('datasets-confirm').getByTestId('datasets-confirm-ok').click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => counts(page)).toEqual(totals);
});

test('a broken pair shows the report with file, line and field, and leaves dataset and view untouched', async ({
  page,
}) => {
  await openAtlas(page, '#from=2016&to=2021');
  await searchAndSelect(page, 'BioWin');
  // Selecting from the search centres the camera; its resting place is part of the link too.
  await expect(page).toHaveURL(/sel=org%3Abiowin.*cam=/);
  const before = { counts: await counts(page), hash: new URL(page.url()).hash };
  expect(before.counts).not.toEqual(totals);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-input').setInputFiles([fixture('orgs-base.csv'), fixture('collabs-dangling.csv')]);
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-outcome', 'refused');
  const dangling = report.locator('tr[data-code="dangling-endpoint"]').first();
  await expect(dangling).toContainText('collabs-dangling.csv:3');
  await expect(dangling).toContainText('chu-liege');
  await page.getByRole('button', { name: 'Dismiss' }).last().click();
  // Same dataset, same window, same selection, same link.
  expect(await counts(page)).toEqual(before.counts);
  await expect(page.getByTestId('details').getByRole('heading', { level: 2 })).toHaveText('BioWin');
  expect(new URL(page.url()).hash).toBe(before.hash);
});

test('a GEXF network without geography works in graph and timeline, and the map says why it is empty', async ({
  page,
}) => {
  await openAtlas(page);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-input').setInputFiles([fixture('gexf12-viz.gexf')]);
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-outcome', 'imported');
  await page.getByRole('button', { name: 'Dismiss' }).last().click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('map-empty')).toBeVisible();
  expect((await counts(page)).organisations).toBeGreaterThan(0);
});

test('an XML file declaring entities is refused quickly with a clear message', async ({ page }) => {
  await openAtlas(page);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-input').setInputFiles([fixture('billion-laughs.gexf')]);
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-outcome', 'refused', { timeout: 5000 });
  await expect(report.locator('tr[data-code="unsafe-xml"]')).toContainText('billion-laughs.gexf');
  expect(await counts(page)).toEqual(totals);
});

test('a GEXF date attribute can be picked as the collaboration date, and then drives the timeline', async ({
  page,
}) => {
  await openAtlas(page);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-input').setInputFiles([fixture('gexf12-date-attribute.gexf')]);
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-outcome', 'imported');
  const picker = page.getByTestId('import-date-attribute');
  await expect(picker.locator('option')).toHaveText(['the file’s own time data', 'createdAt', 'signed']);
  await picker.selectOption('createdAt');
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-outcome', 'imported');
  await page.getByRole('button', { name: 'Dismiss' }).last().click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('timeline')).toContainText('Show undated (0)');
  await page.getByTestId('timeline-undated').uncheck();
  await page.getByTestId('timeline-to').fill('2019');
  await page.getByTestId('timeline-to').press('Enter');
  // Only the collaboration created in 2018 has started by the end of 2019.
  await expect.poll(() => counts(page)).toEqual({ organisations: 2, collaborations: 1 });
});

/** Opens the app, imports the fixture pair and waits for the layout computed for it. */
async function importBasePairAndLayOut(page: Page): Promise<void> {
  await openAtlas(page);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-input').setInputFiles([fixture('orgs-base.csv'), fixture('collabs-base.csv')]);
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-outcome', 'imported');
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('atlas:layout-done').length), { timeout: 20_000 })
    .toBeGreaterThan(0);
}

test('an imported dataset’s computed layout is cached for the next visit once the page is idle', async ({ page }) => {
  await importBasePairAndLayOut(page);
  const cached = () =>
    page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cluster-atlas:layout:')).length);
  await expect.poll(cached, { timeout: 10_000 }).toBe(1);
  // The next visit takes the cached positions: no layout is started.
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('layout-run')).toHaveText('Run layout');
  expect(await page.evaluate(() => performance.getEntriesByName('atlas:layout-done').length)).toBe(0);
});

test('the page transfers no buffer to its workers through an import and its layout', async ({ page }) => {
  // The page's first detached ArrayBuffer makes V8 discard its optimised typed-array code (the filters' hot loops),
  // so workers get copies or Blobs; this records every ArrayBuffer a page-side postMessage would detach.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __transfers: string[] }).__transfers = seen;
    for (const proto of [Worker.prototype, MessagePort.prototype]) {
      const post = proto.postMessage as (this: unknown, message: unknown, options?: unknown) => void;
      proto.postMessage = function (this: unknown, message: unknown, options?: unknown) {
        const list = Array.isArray(options)
          ? options
          : ((options as StructuredSerializeOptions | undefined)?.transfer ?? []);
        for (const item of list) if (item instanceof ArrayBuffer) seen.push(`${(message as { type?: string }).type}`);
        post.call(this, message, options);
      } as typeof proto.postMessage;
    }
  });
  await importBasePairAndLayOut(page);
  expect(await page.evaluate(() => (window as unknown as { __transfers: string[] }).__transfers)).toEqual([]);
});

test('only an import to be kept has its project text written: not a dataset opened by link', async ({ page }) => {
  // The text costs the import worker seconds at 50k/250k, CPU the page's views need while they are built.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __workerMessages: string[] }).__workerMessages = seen;
    const listen = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (this: Worker, ...args: Parameters<Worker['addEventListener']>) {
      if (args[0] === 'message')
        listen.call(this, 'message', (e) => seen.push(String((e as MessageEvent<{ type?: string }>).data.type)));
      return listen.apply(this, args);
    } as Worker['addEventListener'];
  });
  const files: Record<string, string> = {
    'organisations.csv': 'orgs-base.csv',
    'collaborations.csv': 'collabs-base.csv',
  };
  await page.route('**/linked/*.csv', (route) => {
    const name = files[new URL(route.request().url()).pathname.split('/').pop()!];
    return name ? route.fulfill({ path: fixture(name), contentType: 'text/csv' }) : route.fulfill({ status: 404 });
  });
  const messages = () => page.evaluate(() => (window as unknown as { __workerMessages: string[] }).__workerMessages);
  await page.goto('/?data=linked/');
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  expect(await counts(page)).toEqual({ organisations: 4, collaborations: 2 });
  expect(await messages()).toContain('done');
  expect(await messages()).not.toContain('project');

  await page.getByTestId('import-open').click();
  await page.getByTestId('import-input').setInputFiles([fixture('orgs-base.csv'), fixture('collabs-base.csv')]);
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-outcome', 'imported');
  await expect.poll(messages).toContain('project');
});
