// GEXF and GraphML import over real fixtures: time data, date attributes, layout and colours, yEd keys, and unsafe or broken XML.
import { describe, expect, test } from 'vitest';
import { endsWithRoot, unsafeXml } from '../../src/lib/io/xml-safety';
import { importFiles } from '../../src/lib/io/import-files';
import {
  dataOf,
  fixture,
  importFixtures,
  parseXmlLikeChromium,
  parseXmlThrowing,
  problemsOf,
  regions,
  textFile,
  TODAY,
  where,
} from './io-helpers';

const cases: [string, string, string[], string[]][] = [
  ['GEXF 1.3 with spells', 'gexf13-spells.gexf', [], []],
  ['GEXF 1.2 with date attributes, none chosen', 'gexf12-date-attribute.gexf', [], ['undated - start']],
  ['GEXF with viz positions and colours', 'gexf12-viz.gexf', [], ['invalid-number nodes/node[3] viz:position']],
  ['GEXF with double time values', 'gexf12-double-time.gexf', [], ['unsupported-time edges/edge[2] start']],
  ['GraphML with for="all" and yEd keys', 'yed-all-keys.graphml', [], []],
  ['GraphML with a harmless DOCTYPE', 'plain-doctype.graphml', [], []],
  ['truncated GEXF', 'truncated.gexf', ['unreadable-file 11 -'], []],
  ['GEXF cut right after an element', 'truncated-after-element.gexf', ['unreadable-file 10 -'], []],
  ['billion laughs', 'billion-laughs.gexf', ['unsafe-xml 3 <!DOCTYPE>'], []],
  ['external DTD', 'external-dtd.graphml', ['unsafe-xml 3 <!DOCTYPE>'], []],
  ['XML that is no graph', 'not-a-graph.xml', ['unrecognised-file - -'], []],
];

describe('XML import', () => {
  test.each(cases)('%s', async (_name, file, errors, warnings) => {
    const result = await importFixtures([file]);
    expect(problemsOf(result, 'error').map(where)).toEqual(errors);
    expect(problemsOf(result, 'warning').map(where)).toEqual(expect.arrayContaining(warnings));
    expect(result.ok).toBe(errors.length === 0);
  });

  test.each(['truncated.gexf', 'truncated-after-element.gexf', 'gexf13-spells.gexf'])(
    'a parser that throws (raw xmldom) gives the same verdict as one that returns <parsererror>: %s',
    async (file) => {
      const chromiumLike = await importFixtures([file]);
      const throwing = await importFixtures([file], { parseXml: parseXmlThrowing });
      expect(problemsOf(throwing, 'error').map(where)).toEqual(problemsOf(chromiumLike, 'error').map(where));
    },
  );

  test('billion laughs is refused before the parser is called, in milliseconds', async () => {
    let parsed = false;
    const t0 = performance.now();
    const result = await importFixtures(['billion-laughs.gexf'], {
      parseXml: () => {
        parsed = true;
        throw new Error('must not parse');
      },
    });
    expect(performance.now() - t0).toBeLessThan(200);
    expect(parsed).toBe(false);
    expect(problemsOf(result, 'error').map((p) => p.code)).toEqual(['unsafe-xml']);
  });
});

describe('GEXF values', () => {
  test('spells become one collaboration per spell; start/end attributes and open spells are kept', async () => {
    const data = dataOf(await importFixtures(['gexf13-spells.gexf']));
    const c = data.dataset.collaborations.map((x) => [x.id, x.kind, x.directed, x.start, x.end]);
    expect(c).toEqual([
      ['e1', 'partnership', false, { year: 2016, month: 1, day: 1, precision: 'day' }, { year: 2019, month: 12, day: 31, precision: 'day' }],
      ['e1#2', 'partnership', false, { year: 2021, month: 3, day: 1, precision: 'day' }, { year: 2023, month: 6, day: 30, precision: 'day' }],
      ['e2', 'funding', true, { year: 2020, month: 2, day: 1, precision: 'day' }, { year: 2020, month: 11, day: 30, precision: 'day' }],
      ['e3', 'other', false, { year: 2022, month: 5, day: 1, precision: 'day' }, null],
    ]); // prettier-ignore
    expect(data.format).toBe('gexf');
    expect(data.dateAttributes).toEqual([]);
    const [liege, silesia] = data.dataset.organisations;
    expect(liege).toMatchObject({
      id: 'liege-hospital',
      name: 'CHU Liège',
      nuts: 'BE33',
      country: 'BE',
      type: 'hospital',
    });
    expect(liege?.attributes).toEqual({ spells: '<[2010-01-01, Infinity]>' });
    expect(silesia).toMatchObject({ name: 'Śląski Klaster MedTech', nuts: 'PL22', type: 'cluster' });
  });

  test('date attributes are offered, a numeric one is not; choosing one dates the collaborations', async () => {
    const offered = dataOf(await importFixtures(['gexf12-date-attribute.gexf']));
    expect(offered.dateAttributes).toEqual(['createdAt', 'signed']);
    expect(offered.dataset.collaborations.every((c) => c.start === null)).toBe(true);
    expect(offered.dataset.collaborations[0]).toMatchObject({
      weight: 2,
      attributes: { budget: '1500', topic: 'imaging' },
    });

    const chosen = dataOf(await importFixtures(['gexf12-date-attribute.gexf'], { dateAttribute: 'createdAt' }));
    expect(chosen.dataset.collaborations.map((c) => [c.start, c.end])).toEqual([
      [{ year: 2018, month: 4, day: 12, precision: 'day' }, null],
      [{ year: 2020, month: 11, day: 2, precision: 'day' }, null],
    ]);
    expect(chosen.dateAttributes).toEqual(['createdAt', 'signed']);
  });

  test('choosing an attribute no edge has is an error naming it', async () => {
    const result = await importFixtures(['gexf12-date-attribute.gexf'], { dateAttribute: 'nope' });
    expect(problemsOf(result, 'error').map(where)).toEqual(['missing-column - nope']);
  });

  test('viz positions come back as a table, colours as attributes', async () => {
    const data = dataOf(await importFixtures(['gexf12-viz.gexf']));
    expect(data.positions).toEqual({ n1: [-120.5, 33.25], n2: [80, -10] });
    expect(data.dataset.organisations.map((o) => o.attributes)).toEqual([
      { color: '#ff6600', size: '12' },
      { color: '#1f77b4' },
      {},
    ]);
    expect(data.dataset.collaborations[0]).toMatchObject({ directed: true, attributes: { color: '#0a141e' } });
  });

  test('Gephi double years are read as years', async () => {
    const data = dataOf(await importFixtures(['gexf12-double-time.gexf']));
    expect(data.dataset.collaborations.map((c) => [c.start?.year ?? null, c.end?.year ?? null])).toEqual([
      [2016, 2019],
      [null, null],
    ]);
  });
});

describe('XML problems name the element', () => {
  test('duplicate node ids and dangling edge endpoints point at nodes/node[i] and edges/edge[i]', async () => {
    const gexf = `<?xml version="1.0"?><gexf version="1.3"><graph><nodes><node id="a" label="Liège"/><node id="a"/></nodes>
      <edges><edge id="e" source="a" target="zz"/></edges></graph></gexf>`;
    const result = await importFiles([textFile('g.gexf', gexf)], {
      today: TODAY,
      regions,
      parseXml: parseXmlLikeChromium,
    });
    expect(problemsOf(result, 'error').map(where)).toEqual([
      'duplicate-id nodes/node[2] id',
      'dangling-endpoint edges/edge[1] target',
    ]);
  });
});

describe('GraphML values', () => {
  test('yEd labels, centres and colours; for="all" data on nodes and edges; defaults; direction', async () => {
    const data = dataOf(await importFixtures(['yed-all-keys.graphml']));
    expect(data.format).toBe('graphml');
    const [n0, n1, n2] = data.dataset.organisations;
    expect(n0).toMatchObject({ id: 'n0', name: 'CHU Liège', nuts: 'BE33', description: 'University hospital' });
    expect(n0?.attributes).toEqual({ color: '#FFCC00' });
    expect(n1).toMatchObject({ name: 'Śląskie MedTech', nuts: 'PL22' });
    // n2 has no data: its label is its id and the NUTS key's default (BE) places it in Belgium.
    expect(n2).toMatchObject({ name: 'n2', nuts: 'BE', country: 'BE' });
    expect(data.positions).toEqual({ n0: [130, -215], n1: [330, -65] });
    const [e0, e1] = data.dataset.collaborations;
    expect(e0).toMatchObject({
      kind: 'partnership',
      weight: 2.5,
      directed: true,
      label: 'trials',
      description: 'joint trials',
    });
    expect(e1).toMatchObject({ id: 'e1', directed: false });
  });
});

describe('XML safety checks', () => {
  test.each([
    ['<!DOCTYPE g [<!ENTITY a "b">]><g/>', true],
    ['<!doctype g [<!entity a "b">]><g/>', true],
    ['<!DOCTYPE g SYSTEM "http://x/y.dtd"><g/>', true],
    ['<!DOCTYPE g PUBLIC "-//x" "y.dtd"><g/>', true],
    ['<!DOCTYPE graphml><graphml/>', false],
    ['<gexf><graph/></gexf>', false],
  ])('%s → unsafe %s', (text, unsafe) => {
    expect(unsafeXml(text, 'f.xml') !== null).toBe(unsafe);
  });

  test.each([
    ['<a><b/></a>', 'a', true],
    ['<a><b/></a>\n<!-- trailing comment -->\n', 'a', true],
    ['<a><b/>', 'a', false],
    ['<a><b/></a', 'a', false],
    ['<gexf/>', 'gexf', true],
  ])('%j ends with its root %s: %s', (text, root, ends) => {
    expect(endsWithRoot(text, root)).toBe(ends);
  });

  test('the fixtures are real files with the diacritics intact', () => {
    expect(new TextDecoder().decode(fixture('yed-all-keys.graphml'))).toContain('Śląskie');
  });
});
