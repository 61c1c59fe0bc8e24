// GEXF 1.3 export: well-formed, read back by graphology-gexf (structure, viz, attributes) and by our pass (time data).
import { MultiGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { datasetToGexf, gexfTimes, rgbaOf } from '../../src/lib/export/gexf-export';
import { colourByKind } from '../../src/lib/graph/palettes';
import { COLLABORATION_KINDS } from '../../src/lib/model/types';
import { HOSTILE_DATASET } from '../fixtures/export/hostile-dataset';
import { HOSTILE, parseXml, xmlProblems } from '../fixtures/export/xml-check';

const positions = new Float32Array([0.5, -1.25, 2, 3, -4, 0]);
const gexf = datasetToGexf({ dataset: HOSTILE_DATASET, positions, nodeSize: [4, 8, 12], exportDate: '2024-05-03' });

describe('datasetToGexf', () => {
  it('is well-formed GEXF 1.3 with a dynamic, date-based graph', () => {
    expect(xmlProblems(gexf)).toEqual([]);
    const root = parseXml(gexf).documentElement!;
    expect(root.getAttribute('xmlns')).toBe('http://gexf.net/1.3');
    expect(root.getAttribute('version')).toBe('1.3');
    const graph = root.getElementsByTagName('graph')[0]!;
    expect(graph.getAttribute('mode')).toBe('dynamic');
    expect(graph.getAttribute('timeformat')).toBe('date');
  });

  it('reads back through graphology-gexf with ids, labels, positions, colours, sizes and attributes', () => {
    const g = parse(MultiGraph, gexf);
    expect(g.order).toBe(3);
    expect(g.size).toBe(4);
    const biowin = g.getNodeAttributes('biowin');
    expect(biowin).toMatchObject({
      label: '=HYPERLINK("http://evil.example","BioWin Liège")',
      x: 0.5,
      y: -1.25,
      size: 4,
      type: 'cluster',
      nuts: 'BE33',
      lat: 50.63,
      founded: 2004,
      themes: 'biotech|medtech',
      description: 'Line one\n=cmd|\' /C calc\'!A0\nline three; with, commas and "quotes"',
      color: 'rgb(213,94,0)',
    });
    expect(g.getNodeAttribute('slaskie-med', 'label')).toBe('=cmd Śląskie Med'); // NUL is not XML
    const c1 = g.getEdgeAttributes('c1');
    const { r, g: green, b } = rgbaOf(colourByKind(COLLABORATION_KINDS.indexOf('partnership')))!;
    expect(c1).toMatchObject({ label: '-2', kind: 'partnership', weight: 2.5, approximate: true, start_date: '2017' });
    expect(c1.color).toBe(`rgb(${r},${green},${b})`);
    expect(g.isDirected('c2')).toBe(true);
    expect(g.extremities('c3').sort()).toEqual(['biowin', 'slaskie-med']);
  });

  it('keeps each period: full dates from partial ones, no end when open-ended, nothing when undated', () => {
    const times = gexfTimes(parseXml(gexf));
    expect(Object.fromEntries(times)).toEqual({
      c1: [{ start: '2017-01-01', end: '2017-12-31' }],
      c2: [{ start: '2016-03-01', end: null }],
      c3: [{ start: '2018-05-17', end: '2019-12-31' }],
      c4: [],
    });
    const g = parse(MultiGraph, gexf);
    // The precision survives in attributes, since GEXF dates are full days.
    expect(g.getEdgeAttribute('c2', 'start_date')).toBe('2016-03');
    expect(g.getEdgeAttribute('c2', 'end_date')).toBeUndefined();
  });

  it('reads <spell> intervals too', () => {
    const doc = parseXml(
      '<gexf><graph><edges><edge id="e" source="a" target="b"><spells><spell start="2001-01-01" end="2002-12-31"/><spell start="2005-01-01"/></spells></edge></edges></graph></gexf>',
    );
    expect(gexfTimes(doc).get('e')).toEqual([
      { start: '2001-01-01', end: '2002-12-31' },
      { start: '2005-01-01', end: null },
    ]);
  });

  it('exports only the rows in view plus their endpoints', () => {
    const part = datasetToGexf({
      dataset: HOSTILE_DATASET,
      positions,
      orgVisible: [1, 0, 0],
      collabVisible: [0, 1, 0, 0],
      exportDate: '2024-05-03',
    });
    const g = parse(MultiGraph, part);
    expect(g.nodes().sort()).toEqual(['biowin', 'den-bosch', 'slaskie-med']);
    expect(g.edges()).toEqual(['c2']);
  });

  it('escapes hostile names and descriptions', () => {
    const dataset = {
      ...HOSTILE_DATASET,
      name: HOSTILE.join(' '),
      organisations: HOSTILE_DATASET.organisations.map((o, i) => ({ ...o, name: HOSTILE[i]!, city: HOSTILE[i + 3]! })),
    };
    const text = datasetToGexf({ dataset, positions, exportDate: '2024-05-03' });
    expect(xmlProblems(text)).toEqual([]);
    const g = parse(MultiGraph, text);
    expect(g.getNodeAttribute('biowin', 'label')).toBe(HOSTILE[0]);
    expect(g.getNodeAttribute('den-bosch', 'label')).toBe(HOSTILE[1]);
    expect(g.getNodeAttribute('biowin', 'city')).toBe(HOSTILE[3]);
  });
});

describe('rgbaOf', () => {
  it.each([
    ['#E69F00', { r: 230, g: 159, b: 0, a: 1 }],
    ['#abc', { r: 170, g: 187, b: 204, a: 1 }],
    ['#00000080', { r: 0, g: 0, b: 0, a: 128 / 255 }],
    ['rgba(1, 2, 3, 0.5)', { r: 1, g: 2, b: 3, a: 0.5 }],
    ['rgb(300,0,0)', { r: 255, g: 0, b: 0, a: 1 }],
    ['red', null],
  ])('%s', (colour, expected) => expect(rgbaOf(colour)).toEqual(expected));
});
