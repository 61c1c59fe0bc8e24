// QR code of the view's link: an SVG of the right version for the link's length, downloadable, with a warning when
// the link is too long for any QR code.
import { expect, test, type Download } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { qrModuleCount, qrVersionFor, utf8Length } from '../../src/lib/export/qr-svg';
import { openAtlas, setWindow } from './helpers';

test('the QR dialog shows an SVG code of the current link and saves it', async ({ page }) => {
  await openAtlas(page);
  await setWindow(page, '2016', '2021');
  // Opened at once: the link is encoded from the state, not read from the debounced address bar.
  await page.getByTestId('qr-open').click();
  const code = page.getByTestId('qr-svg');
  await expect(code).toBeVisible();
  const link = (await page.getByTestId('qr-link').textContent())!;
  expect(link).toContain('from=2016');
  await expect(page).toHaveURL(link);
  // The symbol size follows from the link's byte length through the standard's capacity table.
  const version = qrVersionFor(utf8Length(link), 'M')!;
  await expect(code).toHaveAttribute('data-level', 'M');
  await expect(code).toHaveAttribute('data-version', String(version));
  await expect(code).toHaveAttribute('data-modules', String(qrModuleCount(version)));
  expect(await code.locator('path').getAttribute('d')).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
  const box = (await code.boundingBox())!;
  expect(box.width).toBeGreaterThan(150);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('qr-download').click()]);
  expect(dl.suggestedFilename()).toBe('cluster-atlas-qr-2016-2021.svg');
  const svg = (await readFile((await (dl as Download).path())!)).toString('utf8');
  expect(svg).toMatch(/^<\?xml/);
  const side = qrModuleCount(version) + 8;
  expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
  expect(svg).toContain(`<title>${link.replace(/&/g, '&amp;')}</title>`);
});

test('a link too long for a QR code gets a warning instead of a code', async ({ page }) => {
  await openAtlas(page, `?ref=${'a'.repeat(3000)}`);
  await page.getByTestId('qr-open').click();
  await expect(page.getByTestId('qr-too-long')).toContainText('too long for a QR code');
  await expect(page.getByTestId('qr-svg')).toHaveCount(0);
  await expect(page.getByTestId('qr-download')).toBeDisabled();
});
