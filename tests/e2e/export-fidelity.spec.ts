// Screen vs export: the exported graph and map plots, rasterised in the page, must look like screenshots of the views
// at the same size (coarse ink grids, Pearson correlation), and a mirrored, shifted or blank export must not.
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openAtlas, setWindow } from './helpers';

const COLS = 32;
const ROWS = 20;
type Grid = number[][];

async function downloadText(page: Page, testId: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return (await readFile((await (dl as Download).path())!)).toString('utf8');
}

/**
 * Mean "ink" (1 − luminance) per cell of a COLS×ROWS grid, for the plot of an exported figure (its nested `<svg>`,
 * drawn into a w×h canvas through an `<img>` from a blob: URL) and for a PNG screenshot of the view.
 */
async function inkGrids(page: Page, svg: string, png: Buffer, w: number, h: number): Promise<{ exp: Grid; scr: Grid }> {
  return page.evaluate(
    async ({ svg, png, w, h, cols, rows }) => {
      const NS = 'http://www.w3.org/2000/svg';
      async function pixels(blob: Blob): Promise<Uint8ClampedArray> {
        const url = URL.createObjectURL(blob);
        try {
          const img = new Image();
          img.src = url;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = w;
          canvas.height = h;
          const ctx = canvas.getContext('2d')!;
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, w, h);
          ctx.drawImage(img, 0, 0, w, h);
          return ctx.getImageData(0, 0, w, h).data;
        } finally {
          URL.revokeObjectURL(url);
        }
      }
      function grid(data: Uint8ClampedArray): number[][] {
        const out = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
        const count = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) {
            const i = 4 * (y * w + x);
            const lum = (0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!) / 255;
            const r = Math.floor((y * rows) / h);
            const c = Math.floor((x * cols) / w);
            out[r]![c]! += 1 - lum;
            count[r]![c]!++;
          }
        return out.map((row, r) => row.map((v, c) => v / count[r]![c]!));
      }
      // The plot alone, in screen pixels: the nested <svg> of the figure with the view's size as its viewBox.
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const root = doc.documentElement;
      const plot = root.querySelector('svg[role="img"]')!;
      plot.setAttribute('xmlns', NS);
      plot.setAttribute('x', '0');
      plot.setAttribute('y', '0');
      plot.setAttribute('width', String(w));
      plot.setAttribute('height', String(h));
      plot.setAttribute('viewBox', `0 0 ${w} ${h}`);
      plot.setAttribute('font-family', root.getAttribute('font-family') ?? 'sans-serif');
      const plotText = new XMLSerializer().serializeToString(plot);
      const bytes = Uint8Array.from(atob(png), (ch) => ch.charCodeAt(0));
      return {
        exp: grid(await pixels(new Blob([plotText], { type: 'image/svg+xml' }))),
        scr: grid(await pixels(new Blob([bytes], { type: 'image/png' }))),
      };
    },
    { svg, png: png.toString('base64'), w, h, cols: COLS, rows: ROWS },
  );
}

/** Pearson correlation of two grids; 0 when either is flat (a blank image). */
function correlation(a: Grid, b: Grid): number {
  const xs = a.flat();
  const ys = b.flat();
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dx = x - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

const mirrored = (g: Grid): Grid => g.map((row) => [...row].reverse());
const upsideDown = (g: Grid): Grid => [...g].reverse();
const shifted = (g: Grid, by: number): Grid => g.map((row) => row.map((_, c) => row[c - by] ?? 0));
const blank = (g: Grid): Grid => g.map((row) => row.map(() => 0));

async function compare(page: Page, view: Locator, svg: string) {
  const box = (await view.boundingBox())!;
  const w = Math.round(box.width);
  const h = Math.round(box.height);
  const { exp, scr } = await inkGrids(page, svg, await view.screenshot(), w, h);
  return {
    faithful: correlation(exp, scr),
    mirrored: correlation(mirrored(exp), scr),
    upsideDown: correlation(upsideDown(exp), scr),
    shifted: correlation(shifted(exp, COLS / 4), scr),
    blank: correlation(blank(exp), scr),
  };
}

test('the exported graph and map look like the screen, and the comparison catches a wrong export', async ({ page }) => {
  await openAtlas(page);
  await setWindow(page, '2016', '2021');
  await page.mouse.move(1, 1);
  await page.getByTestId('export-open').click();
  // The current view, so the plot is in the same pixels as the canvas.
  await page.locator('select:has(option[value="camera"])').selectOption('camera');
  const graphSvg = await downloadText(page, 'export-svg');
  const mapSvg = await downloadText(page, 'export-map-svg');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();

  const graph = await compare(page, page.getByTestId('graph'), graphSvg);
  const map = await compare(page, page.getByTestId('map'), mapSvg);
  test.info().annotations.push({ type: 'correlations', description: JSON.stringify({ graph, map }) });
  for (const r of [graph, map]) {
    expect(r.faithful).toBeGreaterThan(0.8);
    // Measured here: faithful ≈ 0.89 (graph) and 0.91 (map); wrong exports 0.13–0.58.
    for (const wrong of [r.mirrored, r.upsideDown, r.shifted])
      expect(wrong).toBeLessThan(Math.min(0.65, r.faithful - 0.25));
    expect(r.blank).toBe(0);
  }
});
