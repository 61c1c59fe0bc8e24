// Every export button produces a download: SVGs are real vector XML, PNGs decode at the requested size.
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { counts, openAtlas, setWindow } from './helpers';

async function download(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: dl.suggestedFilename(), body: await readFile((await (dl as Download).path())!) };
}

function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

test('graph, map and report export as SVG and PNG; data as CSV and GEXF', async ({ page }) => {
  await openAtlas(page);
  await setWindow(page, '2016', '2021');
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-scale').selectOption('4');

  const svg = await download(page, 'export-svg');
  expect(svg.name).toBe('cluster-atlas-graph-2016-2021.svg');
  const graphText = svg.body.toString('utf8');
  expect(graphText).toMatch(/^<\?xml/);
  expect(graphText).toContain('<circle');
  expect(graphText).toContain('flanders.healthTech');
  expect(graphText).not.toMatch(/<script|\son\w+=|javascript:/i);
  // The window culls edges in the shader; the figure applies the same test: one path per collaboration in 2016–2021.
  const edgeGroup = /<g class="edges"[^>]*>(.*?)<\/g>/s.exec(graphText)?.[1] ?? '';
  expect(edgeGroup.match(/<path /g)?.length ?? 0).toBe((await counts(page)).collaborations);

  const png = await download(page, 'export-png');
  expect(png.name).toBe('cluster-atlas-graph-2016-2021.png');
  expect(pngSize(png.body).width).toBeGreaterThanOrEqual(4000);

  const map = await download(page, 'export-map-svg');
  const mapText = map.body.toString('utf8');
  expect(mapText).toContain('© EuroGeographics for the administrative boundaries');
  expect(mapText).toContain('<path');

  const report = await download(page, 'export-report-png');
  expect(pngSize(report.body).width).toBeGreaterThanOrEqual(4000);

  const gexf = await download(page, 'export-gexf');
  const gexfText = gexf.body.toString('utf8');
  expect(gexfText).toContain('<gexf');
  expect(gexfText).toMatch(/start="20\d\d-\d\d-\d\d"/);

  const csv = await download(page, 'export-csv');
  expect(csv.name).toMatch(/^cluster-atlas-organisations-2016-2021\.csv$/);
  const rows = csv.body.toString('utf8').trim().split('\n');
  expect(rows.length).toBeGreaterThan(10);
  expect(csv.body.toString('utf8')).toContain('dsp-valley');
  expect(csv.body.toString('utf8')).not.toContain('biowin,');
});

test('switching the legend off leaves it out of the map as well as the graph', async ({ page }) => {
  await openAtlas(page);
  await page.getByTestId('export-open').click();
  const legendBox = page.getByTestId('export-dialog').getByRole('checkbox').first();
  const withLegend = (await download(page, 'export-map-svg')).body.toString('utf8');
  expect(withLegend).toContain('Organisations per region');
  await legendBox.uncheck();
  const map = (await download(page, 'export-map-svg')).body.toString('utf8');
  expect(map).not.toContain('Organisations per region');
  expect(map).toContain('© EuroGeographics for the administrative boundaries');
  const graph = (await download(page, 'export-svg')).body.toString('utf8');
  expect(graph).not.toContain('>Kind<');
});
