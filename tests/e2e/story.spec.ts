// Stories: PageDown walks the built-in story (window, selection, camera per scene), export → import is lossless,
// a scene's link opens that scene, a hostile story file is refused by field, scenes reorder from the keyboard.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { compileDataset } from '../../src/lib/model/compiled';
import { dayToIso } from '../../src/lib/model/dates';
import { timelineBounds } from '../../src/lib/state/timeline-bounds';
import { Visibility } from '../../src/lib/state/visibility';
import { parseStory } from '../../src/lib/story/story-format';
import type { Scene } from '../../src/lib/story/story-model';
import { loadBuiltinDataset } from '../helpers/builtin';
import { openAtlas, setWindow } from './helpers';
import { today } from './expected';

const builtinText = readFileSync(new URL('../../data/stories/builtin.json', import.meta.url), 'utf8');
const parsed = parseStory(builtinText);
if (!parsed.ok) throw new Error('built-in story is invalid');
const story = parsed.story;
const dataset = loadBuiltinDataset();
const compiled = compileDataset(dataset);

/** Counts a scene shows, computed in Node with the app's own visibility rules. */
function expectedCounts(scene: Scene): { organisations: number; collaborations: number } {
  const bounds = timelineBounds(compiled, today);
  const v = scene.view;
  const vis = new Visibility(
    compiled,
    { window: { from: v.from ?? bounds.from, to: v.to ?? bounds.to }, mode: v.mode, includeUndated: v.undated },
    { types: v.types, countries: v.countries, kinds: v.kinds },
  );
  return { organisations: vis.visibleOrgs, collaborations: vis.visibleCollabs };
}

/** Opens the app and waits until the story is loaded too (it is fetched after the first view). */
async function openStory(page: Page, hash = ''): Promise<string[]> {
  const problems = await openAtlas(page, hash);
  await expect(page.getByTestId('story-open')).toHaveAttribute('data-scenes', String(story.scenes.length));
  return problems;
}

/** Everything a scene must have set, read from the page: counts, details heading, camera, link. */
async function expectScene(page: Page, scene: Scene, index: number): Promise<void> {
  const counts = expectedCounts(scene);
  const header = page.getByTestId('counts');
  await expect(header).toHaveAttribute('data-organisations', String(counts.organisations));
  await expect(header).toHaveAttribute('data-collaborations', String(counts.collaborations));
  const sel = scene.view.selection;
  if (sel.kind !== 'org') throw new Error('built-in scenes select organisations');
  const name = dataset.organisations.find((o) => o.id === sel.id)!.name;
  // The details panel is hidden while presenting; its heading still names the selection.
  await expect(page.getByTestId('details').getByRole('heading', { level: 2, includeHidden: true })).toHaveText(name);
  const cam = scene.view.camera!;
  await expect(page.getByTestId('graph')).toHaveAttribute(
    'data-camera',
    [cam.x, cam.y, cam.ratio].map((n) => n.toFixed(4)).join(','),
  );
  // The link is written debounced: wait for all of it, not only its first changed part.
  const e = scene.view.extent!;
  const keys = ['scene', 'from', 'to', 'sel', 'cam', 'ext'];
  await expect
    .poll(() => {
      const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
      return keys.map((k) => hash.get(k));
    })
    .toEqual([
      String(index + 1),
      dayToIso(scene.view.from!),
      dayToIso(scene.view.to!),
      `org:${sel.id}`,
      `${cam.x},${cam.y},${cam.ratio}`,
      `${e.south},${e.west},${e.north},${e.east}`,
    ]);
}

test('PageDown walks the built-in story in presentation mode; PageUp and ← go back', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const problems = await openStory(page);
  await page.keyboard.press('p');
  await expect(page.getByTestId('app')).toHaveAttribute('data-presenting', 'true');
  const overlay = page.getByTestId('story-overlay');
  for (let i = 0; i < story.scenes.length; i++) {
    await page.keyboard.press('PageDown');
    await expect(overlay).toHaveAttribute('data-scene', String(i + 1));
    await expect(overlay).toHaveAttribute('data-moving', 'false');
    await expect(page.getByTestId('story-counter')).toHaveText(`${i + 1} / ${story.scenes.length}`);
    await expect(page.getByTestId('story-title')).toHaveText(story.scenes[i]!.title);
    await expect(page.getByTestId('story-caption')).toHaveText(story.scenes[i]!.caption);
    const source = dataset.sources.find((s) => s.id === story.scenes[i]!.source)!;
    await expect(page.getByTestId('story-source')).toContainText(source.title);
    await expectScene(page, story.scenes[i]!, i);
  }
  // Past the last scene nothing moves.
  await page.keyboard.press('PageDown');
  await expect(overlay).toHaveAttribute('data-scene', String(story.scenes.length));
  await page.keyboard.press('PageUp');
  await expect(overlay).toHaveAttribute('data-moving', 'false');
  await expectScene(page, story.scenes.at(-2)!, story.scenes.length - 2);
  await page.keyboard.press('ArrowLeft');
  await expect(overlay).toHaveAttribute('data-moving', 'false');
  await expectScene(page, story.scenes.at(-3)!, story.scenes.length - 3);
  // Leaving presentation mode hides the overlay; the view stays.
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('with reduced motion a scene applies at once', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openStory(page);
  await page.keyboard.press('p');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('story-overlay')).toHaveAttribute('data-moving', 'false');
  await expectScene(page, story.scenes[1]!, 1);
  await context.close();
});

async function exportStory(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('story-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^cluster-atlas-story-[a-z0-9-]+\.json$/);
  return readFileSync(await file.path(), 'utf8');
}

const sceneTitles = (page: Page) =>
  page
    .locator('[data-testid^="story-scene-title-"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

test('an edited story exported and imported again is identical', async ({ page }) => {
  await openStory(page, '#from=2018&to=2019&sel=org%3Adsp-valley');
  await page.getByTestId('story-open').click();
  const dialog = page.getByTestId('story-dialog');
  await expect(dialog).toBeVisible();
  // The unchanged built-in story exports byte for byte as shipped.
  expect(await exportStory(page)).toBe(builtinText);

  // Edit: rename, caption, reorder from the keyboard, delete, add the current view.
  await page.getByTestId('story-scene-title-0').fill('Où tout commence — 2016');
  await page.getByTestId('story-scene-title-0').press('Tab');
  await page.getByTestId('story-scene-caption-0').fill('Line one <b>not bold</b>');
  await page.getByTestId('story-scene-caption-0').press('Tab');
  await page.getByTestId('story-down-0').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('story-down-1')).toBeFocused();
  await page.getByTestId('story-delete-6').click();
  await page.getByTestId('story-add').click();
  const titles = [...story.scenes.map((s) => s.title)];
  titles[0] = 'Où tout commence — 2016';
  [titles[0], titles[1]] = [titles[1]!, titles[0]];
  titles.splice(6, 1);
  // Added after the active scene (none is active: at the end).
  titles.push('Scene 7');
  await expect.poll(() => sceneTitles(page)).toEqual(titles);
  const edited = await exportStory(page);
  const editedStory = parseStory(edited);
  expect(editedStory.ok).toBe(true);
  if (!editedStory.ok) return;
  expect(editedStory.story.scenes[1]!.caption).toBe('Line one <b>not bold</b>');
  const added = editedStory.story.scenes.at(-1)!.view;
  expect(added.selection).toEqual({ kind: 'org', id: 'dsp-valley' });
  expect(dayToIso(added.from!)).toBe('2018-01-01');

  // Back to the built-in story, then import the exported file: the list and a new export match it.
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('story-reset').click();
  await expect.poll(() => sceneTitles(page)).toEqual(story.scenes.map((s) => s.title));
  await page.getByTestId('story-file').setInputFiles({
    name: 'story.json',
    mimeType: 'application/json',
    buffer: Buffer.from(edited),
  });
  await expect.poll(() => sceneTitles(page)).toEqual(titles);
  expect(await exportStory(page)).toBe(edited);
  // The caption is text, never markup.
  await expect(page.getByTestId('story-scene-caption-1')).toHaveValue('Line one <b>not bold</b>');
  await expect(page.locator('dialog b')).toHaveCount(0);

  // Kept in this browser: a reload shows the imported story.
  await page.reload();
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('story-open').click();
  await expect.poll(() => sceneTitles(page)).toEqual(titles);
});

test('a hostile story file is refused, naming the field; the story is unchanged', async ({ page }) => {
  await openStory(page);
  await page.getByTestId('story-open').click();
  const bad = {
    format: 'cluster-atlas-story',
    version: 2,
    scenes: [{ title: '<img src=x onerror=alert(1)>', view: { mode: 'sideways', camera: { x: 'a', y: 0, ratio: 1 } } }],
  };
  await page.getByTestId('story-file').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const refused = page.getByTestId('story-refused');
  await expect(refused).toContainText('scenes[0].view.mode = "sideways"');
  await expect(refused).toContainText('scenes[0].view.camera.x = "a"');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect.poll(() => sceneTitles(page)).toEqual(story.scenes.map((s) => s.title));
});

test("a scene's copied link opens that scene, and presenting resumes there", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openStory(page);
  await page.getByTestId('story-open').click();
  await page.getByTestId('story-link-3').click();
  await expect(page.getByTestId('story-link-3')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).hash).toContain('scene=4');

  const other = await context.newPage();
  await other.setViewportSize({ width: 1920, height: 1080 });
  const problems = await openStory(other, new URL(link).hash);
  await expectScene(other, story.scenes[3]!, 3);
  await other.keyboard.press('p');
  await expect(other.getByTestId('story-overlay')).toHaveAttribute('data-scene', '4');
  await other.keyboard.press('PageDown');
  await expect(other.getByTestId('story-overlay')).toHaveAttribute('data-scene', '5');
  await expect(other.getByTestId('story-overlay')).toHaveAttribute('data-moving', 'false');
  await expectScene(other, story.scenes[4]!, 4);
  expect(problems).toEqual([]);
});

test('the story panel shows and presents a scene', async ({ page }) => {
  await openStory(page);
  await page.getByTestId('story-open').click();
  await page.getByTestId('story-show-2').click();
  await expectScene(page, story.scenes[2]!, 2);
  await page.getByTestId('story-present-5').click();
  await expect(page.getByTestId('story-dialog')).toBeHidden();
  await expect(page.getByTestId('app')).toHaveAttribute('data-presenting', 'true');
  await expect(page.getByTestId('story-overlay')).toHaveAttribute('data-moving', 'false');
  await expectScene(page, story.scenes[5]!, 5);
});

test('dragging the map and zooming the graph put extent and camera in the link; a new scene keeps them', async ({
  page,
}) => {
  await openStory(page);
  const param = (k: string) => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(k);
  expect(param('ext')).toBeNull();
  expect(param('cam')).toBeNull();
  const map = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
  await page.mouse.down();
  await page.mouse.move(map.x + map.width / 2 + 120, map.y + map.height / 2 + 60, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => param('ext')).not.toBeNull();
  const graph = (await page.getByTestId('graph').boundingBox())!;
  await page.mouse.move(graph.x + graph.width / 2, graph.y + graph.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => param('cam')).not.toBeNull();
  await expect(page.getByTestId('graph')).not.toHaveAttribute('data-camera', '0.5000,0.5000,1.0000');
  // Let the link settle (the camera is reported when the wheel animation ends).
  await expect
    .poll(() => page.getByTestId('graph').getAttribute('data-camera'))
    .toBe(
      param('cam')!
        .split(',')
        .map((n) => Number(n).toFixed(4))
        .join(','),
    );
  const cam = param('cam')!.split(',').map(Number);
  const ext = param('ext')!.split(',').map(Number);

  await page.getByTestId('story-open').click();
  await page.getByTestId('story-add').click();
  const saved = parseStory(await exportStory(page));
  if (!saved.ok) throw new Error('export unreadable');
  const view = saved.story.scenes.at(-1)!.view;
  expect(view.camera).toEqual({ x: cam[0], y: cam[1], ratio: cam[2] });
  expect(view.extent).toEqual({ south: ext[0], west: ext[1], north: ext[2], east: ext[3] });

  // The link restores the camera.
  const other = await page.context().newPage();
  await openAtlas(other, new URL(page.url()).hash);
  await expect(other.getByTestId('graph')).toHaveAttribute('data-camera', cam.map((n) => n.toFixed(4)).join(','));
});

test('the story panel and the presentation overlay have no serious or critical axe violation', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await openStory(page);
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      );
  await page.getByTestId('story-open').click();
  await expect(page.getByTestId('story-dialog')).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.getByTestId('story-present-2').click();
  await expect(page.getByTestId('story-overlay')).toHaveAttribute('data-moving', 'false');
  expect(await serious()).toEqual([]);
});

test('recording the playback downloads a WebM video of the graph', async ({ page }) => {
  await openStory(page);
  await setWindow(page, '2016', '2016');
  await page.getByTestId('timeline-unit').selectOption('year');
  await page.getByTestId('export-open').click();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('export-webm').click();
  await expect(page.getByTestId('timeline-play')).toHaveAttribute('aria-pressed', 'true');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^cluster-atlas-playback-2016-[\d-]+\.webm$/);
  const bytes = readFileSync(await file.path());
  // EBML magic number of Matroska/WebM, and more than a few frames' worth of data.
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  expect(bytes.length).toBeGreaterThan(20_000);
  await expect(page.getByTestId('timeline-play')).toHaveAttribute('aria-pressed', 'false');
});
