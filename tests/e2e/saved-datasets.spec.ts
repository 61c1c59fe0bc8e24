// Several imported datasets are kept in IndexedDB: listed, renamed, reopened with their own view, deleted; going
// back to the built-in dataset asks first (in the app's own dialog) and offers the project file.
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { counts, openAtlas, setWindow } from './helpers';
import { totals } from './expected';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

async function importFixtures(page: Page, files: string[]): Promise<void> {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-input').setInputFiles(files.map(fixture));
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-outcome', 'imported');
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
}

const rows = (page: Page) => page.getByTestId('datasets-row');
const row = (page: Page, name: string) => page.locator(`[data-testid="datasets-row"][data-name="${name}"]`);

async function openDatasets(page: Page): Promise<void> {
  await page.getByTestId('datasets-open').click();
  await expect(page.getByTestId('datasets-dialog')).toBeVisible();
}

test('two imports are listed, renamed, reopened with their own view, kept over a reload and deleted', async ({
  page,
}) => {
  const problems = await openAtlas(page);
  // Every question is asked by the app's own dialog; a native one would fail the test.
  page.on('dialog', (d) => {
    problems.push(`native dialog: ${d.message()}`);
    void d.dismiss();
  });
  const graphCanvases = await page.getByTestId('graph').locator('canvas').count();

  await importFixtures(page, ['orgs-base.csv', 'collabs-base.csv']);
  const csvCounts = { organisations: 4, collaborations: 2 };
  await expect.poll(() => counts(page)).toEqual(csvCounts);
  await importFixtures(page, ['gexf13-spells.gexf']);
  const gexfCounts = { organisations: 3, collaborations: 4 };
  await expect.poll(() => counts(page)).toEqual(gexfCounts);

  await openDatasets(page);
  await expect(rows(page)).toHaveCount(2);
  const names = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));
  const gexfName = names[0]!; // newest first
  const csvName = names[1]!;
  await expect(row(page, gexfName)).toHaveAttribute('aria-current', 'true');
  await expect(row(page, gexfName)).toContainText('3 organisations · 4 collaborations');
  await expect(row(page, csvName)).toContainText('4 organisations · 2 collaborations');

  // Rename: a name already used is refused with a message; a new one is kept.
  await row(page, csvName).getByTestId('datasets-rename').click();
  await page.getByTestId('datasets-name-input').fill(` ${gexfName.toUpperCase()} `);
  await page.getByTestId('datasets-name-save').click();
  await expect(row(page, csvName).getByRole('alert')).toContainText('already has this name');
  await page.getByTestId('datasets-name-input').fill('  Liège   network ');
  await page.getByTestId('datasets-name-input').press('Enter');
  await expect(row(page, 'Liège network').getByTestId('datasets-name')).toHaveText('Liège network');
  await page.getByTestId('datasets-dialog').getByRole('button', { name: 'Dismiss' }).click();

  // A view for the GEXF dataset: a 2020 window leaves only the 2020 collaboration.
  await setWindow(page, '2020-01-01', '2020-12-31');
  await expect.poll(() => counts(page)).toEqual({ organisations: 2, collaborations: 1 });
  await expect(page).toHaveURL(/from=2020-01-01/);

  // Opening the other dataset asks first (leaving an imported one), then shows it with its own view.
  await openDatasets(page);
  await row(page, 'Liège network').getByTestId('datasets-open-entry').click();
  const confirm = page.getByTestId('datasets-confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('heading')).toContainText(gexfName);
  await confirm.getByTestId('datasets-confirm-ok').click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => counts(page)).toEqual(csvCounts);
  await expect(page).not.toHaveURL(/from=2020/);

  // Back to the GEXF dataset: its window comes back with it.
  await openDatasets(page);
  await row(page, gexfName).getByTestId('datasets-open-entry').click();
  await confirm.getByTestId('datasets-confirm-ok').click();
  await expect.poll(() => counts(page)).toEqual({ organisations: 2, collaborations: 1 });
  await expect(page).toHaveURL(/from=2020-01-01/);

  // A reload keeps the current dataset, its view and both names.
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  expect(await counts(page)).toEqual({ organisations: 2, collaborations: 1 });
  await openDatasets(page);
  await expect(rows(page)).toHaveCount(2);
  await expect(row(page, 'Liège network')).toBeVisible();
  await expect(row(page, gexfName)).toHaveAttribute('aria-current', 'true');

  // Delete asks first; cancelling keeps the entry, confirming removes it.
  await row(page, 'Liège network').getByTestId('datasets-delete').click();
  await expect(confirm.getByRole('heading')).toContainText('Delete “Liège network”?');
  await confirm.getByTestId('datasets-confirm-cancel').click();
  await expect(rows(page)).toHaveCount(2);
  await row(page, 'Liège network').getByTestId('datasets-delete').click();
  await confirm.getByTestId('datasets-confirm-ok').click();
  await expect(rows(page)).toHaveCount(1);
  expect(await counts(page)).toEqual({ organisations: 2, collaborations: 1 });

  // Back to the built-in dataset: asked first, with the project file on offer; cancel changes nothing.
  await page.getByTestId('datasets-open-builtin').click();
  await expect(confirm).toBeVisible();
  await confirm.getByTestId('datasets-confirm-cancel').click();
  await expect(confirm).toBeHidden();
  expect(await counts(page)).toEqual({ organisations: 2, collaborations: 1 });
  await page.getByTestId('datasets-open-builtin').click();
  const download = page.waitForEvent('download');
  await confirm.getByTestId('datasets-confirm-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('cluster-atlas-project.json');
  const project = JSON.parse(await readFile(await file.path(), 'utf8')) as {
    dataset: { organisations: unknown[]; collaborations: unknown[] };
  };
  expect(project.dataset.organisations).toHaveLength(3);
  await confirm.getByTestId('datasets-confirm-ok').click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => counts(page)).toEqual(totals);
  await expect(page).not.toHaveURL(/from=2020/);

  // The built-in dataset is current after a reload; the remaining import stays listed.
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  expect(await counts(page)).toEqual(totals);
  await openDatasets(page);
  await expect(page.getByTestId('datasets-builtin')).toHaveAttribute('aria-current', 'true');
  await expect(rows(page)).toHaveCount(1);

  // Replaced graphs were torn down: the graph holds as many canvases as at the start.
  expect(await page.getByTestId('graph').locator('canvas').count()).toBe(graphCanvases);
  expect(problems).toEqual([]);
});

test('the single dataset kept by the previous version is migrated into the list', async ({ page }) => {
  await openAtlas(page);
  const project = await readFile(fixture('project-v1.json'), 'utf8');
  // Write the version-1 record ("current" holding one project) the way the previous app did.
  await page.evaluate(async (json) => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('cluster-atlas', 1);
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction('projects', 'readwrite');
        const store = tx.objectStore('projects');
        store.delete('index');
        store.put({ json, name: 'Old import', savedAt: 1700000000000 }, 'current');
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      };
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
  }, project);
  await page.goto('/');
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('notices')).toContainText('Old import');
  await openDatasets(page);
  await expect(rows(page)).toHaveCount(1);
  await expect(row(page, 'Old import')).toHaveAttribute('aria-current', 'true');
});

test('an import is kept as the project text the import worker wrote, with its size in UTF-8 bytes', async ({
  page,
}) => {
  await openAtlas(page);
  await importFixtures(page, ['gexf13-spells.gexf']);
  // What the store holds: the index's entry, and the project text it points to.
  const readStore = () =>
    page.evaluate(
      () =>
        new Promise<{ size: number; bytes: number; chars: number; organisations: number; collaborations: number }>(
          (resolve, reject) => {
            const req = indexedDB.open('cluster-atlas', 1);
            req.onsuccess = () => {
              const db = req.result;
              const store = db.transaction('projects', 'readonly').objectStore('projects');
              const index = store.get('index');
              index.onsuccess = () => {
                const entry = (index.result as { entries: { id: string; size: number }[] } | undefined)?.entries[0];
                if (!entry) return resolve({ size: -1, bytes: -1, chars: -1, organisations: -1, collaborations: -1 });
                const record = store.get(`dataset:${entry.id}`);
                record.onsuccess = () => {
                  const json = (record.result as { json: string }).json;
                  const { dataset } = JSON.parse(json) as { dataset: { organisations: []; collaborations: [] } };
                  db.close();
                  resolve({
                    size: entry.size,
                    bytes: new TextEncoder().encode(json).length,
                    chars: json.length,
                    organisations: dataset.organisations.length,
                    collaborations: dataset.collaborations.length,
                  });
                };
              };
            };
            req.onerror = () => reject(req.error ?? new Error('open failed'));
          },
        ),
    );
  await expect.poll(async () => (await readStore()).size).toBeGreaterThan(0);
  const kept = await readStore();
  expect(kept).toMatchObject({ organisations: 3, collaborations: 4 });
  expect(kept.size).toBe(kept.bytes);
  // The fixture's accented names: bytes and UTF-16 units differ, so a size counted in units would fail above.
  expect(kept.bytes).toBeGreaterThan(kept.chars);
});
