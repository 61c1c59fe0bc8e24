// Report figure: graph and map side by side as nested vector plots, one caption, the attribution always present.
import { describe, expect, it } from 'vitest';
import { graphFigureParts } from '../../src/lib/export/graph-svg';
import { mapFigureParts } from '../../src/lib/export/map-svg';
import { reportSvg } from '../../src/lib/export/report-svg';
import { GISCO_ATTRIBUTION } from '../../src/lib/regions/attribution';
import { miniMapInput, smallGraphScene, TEXT } from '../fixtures/export/scenes';
import { activeContent, HOSTILE, parseXml, svgTexts, xmlProblems } from '../fixtures/export/xml-check';

const graph = graphFigureParts(smallGraphScene(), { background: 'white', framing: 'camera' });
const map = mapFigureParts(miniMapInput());

describe('reportSvg', () => {
  const svg = reportSvg(graph, map, { ...TEXT, title: 'Cluster Atlas report' }, { width: 1200, background: 'white' });

  it('is well-formed and inert, with no <image> or external reference', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(activeContent(svg)).toEqual([]);
    expect(svg).not.toMatch(/<image|xlink|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('nests both plots side by side, each with its own viewBox, at the same height', () => {
    const plots = Array.from(parseXml(svg).getElementsByTagName('svg')).slice(1);
    expect(plots).toHaveLength(2);
    const [g, m] = plots as unknown as [Element, Element];
    expect(g.getAttribute('aria-label')).toBe(TEXT.title);
    expect(m.getAttribute('viewBox')).toBe('0 0 600 400');
    expect(Number(m.getAttribute('x'))).toBeGreaterThan(Number(g.getAttribute('x')) + Number(g.getAttribute('width')));
    expect(g.getAttribute('height')).toBe(m.getAttribute('height'));
  });

  it('keeps every label, both legends, the caption and the attribution', () => {
    const texts = svgTexts(svg);
    expect(texts).toContain('BioWin — Liège');
    expect(texts).toContain('Organisations per region');
    expect(texts).toContain('cross-border');
    expect(texts.join(' ')).toContain(GISCO_ATTRIBUTION);
    expect(texts[0]).toBe('Cluster Atlas report');
  });

  it('stays inert with hostile text', () => {
    const text = {
      title: HOSTILE[0],
      caption: HOSTILE[1],
      datasetName: HOSTILE[2],
      sources: [...HOSTILE],
      exportDate: '',
    };
    const out = reportSvg(graph, map, text, { width: 900, background: 'transparent' });
    expect(xmlProblems(out)).toEqual([]);
    expect(activeContent(out)).toEqual([]);
    expect(svgTexts(out).join(' ')).toContain(GISCO_ATTRIBUTION);
  });
});
