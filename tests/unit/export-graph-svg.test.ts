// Graph figure: valid inert SVG, every visible label, sigma's curves, label padding, framing, hostile names, snapshot.
import { describe, expect, it } from 'vitest';
import { affineFromPoints, graphFigureParts, graphSceneToSvg } from '../../src/lib/export/graph-svg';
import { stripIllegalXmlChars } from '../../src/lib/export/svg-text';
import { arcControl } from '../../src/lib/map/arcs';
import { activeContent, HOSTILE, normaliseSvg, parseXml, svgTexts, xmlProblems } from '../fixtures/export/xml-check';
import { smallGraphScene } from '../fixtures/export/scenes';

const camera = { background: 'white', framing: 'camera' } as const;
const whole = { background: 'transparent', framing: 'whole' } as const;

function plotViewBox(svg: string): number[] {
  const doc = parseXml(svg);
  const nested = doc.getElementsByTagName('svg')[1]!;
  return nested.getAttribute('viewBox')!.split(' ').map(Number);
}

describe('graphSceneToSvg', () => {
  it.each([camera, whole])('is well-formed and inert (%j)', (options) => {
    const svg = graphSceneToSvg(smallGraphScene(), options);
    expect(xmlProblems(svg)).toEqual([]);
    expect(activeContent(svg)).toEqual([]);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  });

  it('draws real vectors: a path per drawn edge, a circle per visible node, a text per shown label', () => {
    const svg = graphSceneToSvg(smallGraphScene(), camera);
    const doc = parseXml(svg);
    const edges = doc.getElementsByTagName('g')[1]!.getElementsByTagName('path');
    // Six edges, one of them to the hidden node.
    expect(edges.length).toBe(5);
    expect(svg.match(/<circle /g)?.length).toBe(4 + 3); // 4 nodes + 3 legend dots
    const texts = svgTexts(svg);
    for (const label of ['BioWin — Liège', 'Rhône-Alpes Biotech', 'Baden-Württemberg Universitätsklinikum']) {
      expect(texts).toContain(label);
    }
    expect(texts).not.toContain('Śląskie Med'); // not labelled on screen
    expect(svg).not.toContain('Hidden GmbH');
  });

  it('keeps both labels of two close nodes and moves the smaller one so the texts do not overlap', () => {
    const base = smallGraphScene();
    const nodes = [
      { ...base.nodes[0]!, key: 'a', x: 200, y: 200, size: 12, label: 'flanders.healthTech', labelled: true },
      { ...base.nodes[0]!, key: 'b', x: 240, y: 204, size: 6, label: 'MEDVIA', labelled: true },
    ];
    const svg = graphSceneToSvg({ ...base, nodes, edges: [] }, camera);
    const doc = parseXml(svg);
    const text = (label: string) => [...doc.getElementsByTagName('text')].find((t) => t.textContent === label)!;
    const big = text('flanders.healthTech');
    const small = text('MEDVIA');
    // The bigger node keeps sigma's spot, right of it; the smaller one's right spot is under that label.
    expect(Number(big.getAttribute('x'))).toBe(200 + 12 + 3);
    const sx = Number(small.getAttribute('x'));
    const sy = Number(small.getAttribute('y'));
    expect(sx === 240 + 6 + 3 && Math.abs(sy - (204 + 14 / 3)) < 0.01).toBe(false);
  });

  it('bends parallel edges to opposite sides like @sigma/edge-curve, straight when curvature is 0', () => {
    const svg = graphSceneToSvg(smallGraphScene(), camera);
    const [a, b] = [
      [120, 100],
      [400, 260],
    ] as const;
    const plus = arcControl(a[0], a[1], b[0], b[1], 0.2, true);
    const minus = arcControl(a[0], a[1], b[0], b[1], -0.2, true);
    expect(svg).toContain(`d="M120 100Q${plus[0]} ${plus[1]} 400 260"`);
    expect(svg).toContain(`d="M120 100Q${minus[0]} ${minus[1]} 400 260"`);
    expect(svg).toContain('d="M120 100L400 260"');
    // As in edge-curve's shader: positive curvature bends to the visual left of travel, here above the chord.
    expect(plus[1]).toBeLessThan(180);
    expect(minus[1]).toBeGreaterThan(180);
  });

  it('grows the camera frame so a label at the right edge is not clipped', () => {
    const [x = NaN, y = NaN, w = NaN, h = NaN] = plotViewBox(graphSceneToSvg(smallGraphScene(), camera));
    const label = 'Baden-Württemberg Universitätsklinikum';
    // Anchor at 760 + 8 + 3, width ≈ chars × 0.6 × 14.
    expect(x + w).toBeGreaterThanOrEqual(771 + label.length * 0.6 * 14);
    expect(x).toBe(0);
    expect(y).toBeLessThanOrEqual(0);
    expect(h).toBeGreaterThanOrEqual(500);
  });

  it('frames the whole graph around nodes, labels and curves when asked', () => {
    const scene = smallGraphScene({
      nodes: smallGraphScene().nodes.map((n) => ({ ...n, x: n.x + 2000 })),
    });
    const [x = NaN, , w = NaN] = plotViewBox(graphSceneToSvg(scene, whole));
    expect(x).toBeGreaterThan(2000 + 120 - 10 - 13);
    expect(x).toBeLessThan(2000 + 120 - 10);
    expect(w).toBeLessThan(1200);
  });

  it('maps graph coordinates through a camera affine (sigma y up → screen y down)', () => {
    // Screen = (400 + 100 x, 250 − 100 y): the affine sigma would give for a camera at the origin.
    const t = affineFromPoints({ x: 400, y: 250 }, { x: 500, y: 250 }, { x: 400, y: 150 });
    const scene = smallGraphScene({
      space: 'graph',
      transform: t,
      nodes: [{ key: 'a', x: 1, y: 1, size: 5, colour: '#000000', label: 'a', labelled: false }],
      edges: [],
    });
    expect(graphSceneToSvg(scene, camera)).toContain('<circle cx="500" cy="150" r="5"');
  });

  it('fits graph coordinates into the viewport when no camera is given', () => {
    const scene = smallGraphScene({
      space: 'graph',
      nodes: [
        { key: 'a', x: -1, y: -1, size: 5, colour: '#000000', label: 'a', labelled: false },
        { key: 'b', x: 1, y: 1, size: 5, colour: '#000000', label: 'b', labelled: false },
      ],
      edges: [],
    });
    const svg = graphSceneToSvg(scene, camera);
    // Height-limited fit with 12 px padding: k = 238; (−1, −1) is bottom-left on screen.
    expect(svg).toContain('<circle cx="162" cy="488" r="5"');
    expect(svg).toContain('<circle cx="638" cy="12" r="5"');
  });

  it('keeps hostile names as text: well-formed, inert, every label present', () => {
    const hostile = HOSTILE.map((label, i) => ({
      key: `h${i}`,
      x: 50 + i * 80,
      y: 50 + i * 40,
      size: 5,
      colour: i === 0 ? 'url(https://evil.example/x)' : 'red" onload="alert(1)',
      label,
      labelled: true,
    }));
    const scene = smallGraphScene({
      nodes: hostile,
      edges: [{ source: 'h0', target: 'h1', colour: 'javascript:alert(1)', size: 1, curvature: 0 }],
      legend: [
        { title: HOSTILE[1], items: HOSTILE.map((h) => ({ label: h, colour: '#000', shape: 'circle' as const })) },
      ],
      text: {
        title: HOSTILE[0],
        caption: HOSTILE[2],
        datasetName: HOSTILE[3],
        sources: [...HOSTILE],
        exportDate: HOSTILE[4],
      },
    });
    const svg = graphSceneToSvg(scene, whole);
    expect(xmlProblems(svg)).toEqual([]);
    expect(activeContent(svg)).toEqual([]);
    const texts = svgTexts(svg);
    for (const label of HOSTILE) expect(texts).toContain(stripIllegalXmlChars(label));
    expect(svg).not.toMatch(/<(img|script|svg onload)/i);
    expect(svg).toContain('fill="#999999"'); // unsafe colours fell back to neutral grey
  });

  it('returns the plot parts for the report, in screen units', () => {
    const parts = graphFigureParts(smallGraphScene(), camera);
    expect(parts.plot.viewBox.width).toBeGreaterThan(800);
    expect(parts.legend).toHaveLength(2);
  });

  it('matches the file snapshot of a small fixed scene', async () => {
    const svg = graphSceneToSvg(smallGraphScene(), { ...camera, width: 640 });
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('../fixtures/export/graph-small.svg');
  });
});
