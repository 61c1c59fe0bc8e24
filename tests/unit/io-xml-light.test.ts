// The saxes-built light tree reads every XML fixture exactly as xmldom's DOM does, and reports broken files by line.
import { describe, expect, test } from 'vitest';
import { parseXmlLight } from '../../src/lib/io/xml-light';
import { importFixtures, problemsOf, where } from './io-helpers';

const FIXTURES = [
  'gexf13-spells.gexf',
  'gexf12-date-attribute.gexf',
  'gexf12-viz.gexf',
  'gexf12-double-time.gexf',
  'yed-all-keys.graphml',
  'plain-doctype.graphml',
  'truncated.gexf',
  'truncated-after-element.gexf',
  'billion-laughs.gexf',
  'external-dtd.graphml',
  'not-a-graph.xml',
];

describe('light XML tree', () => {
  test.each(FIXTURES)('%s imports to the same result as with xmldom', async (file) => {
    const dom = await importFixtures([file]);
    const light = await importFixtures([file], { parseXml: parseXmlLight });
    expect(problemsOf(light, 'error').map(where)).toEqual(problemsOf(dom, 'error').map(where));
    expect(problemsOf(light, 'warning').map(where)).toEqual(problemsOf(dom, 'warning').map(where));
    expect(light.ok && light.dataset).toEqual(dom.ok && dom.dataset);
  });

  test('a truncated file names the unclosed element and its line', () => {
    const text = '<gexf>\n  <graph>\n    <nodes>\n      <node id="a"/>\n';
    expect(() => parseXmlLight(text)).toThrow(/^line 4: unclosed tag: nodes/);
  });

  test.each([
    ['mismatched tags', '<a><b></a>', /line 1, column \d+/],
    ['an undefined entity', '<a>&nbsp;</a>', /undefined entity/i],
    ['two roots', '<a/><b/>', /line 1/],
    ['no root', '   ', /root/],
  ])('refuses %s', (_what, text, message) => {
    expect(() => parseXmlLight(text)).toThrow(message);
  });

  test('keeps text, CDATA, character references and attributes by qualified name', () => {
    const doc = parseXmlLight(
      '<g xmlns:y="urn:y"><y:Label a="1 &amp; 2">Li&#232;ge <![CDATA[<raw>]]></y:Label>\n  <n/>\n</g>',
    );
    const label = doc.getElementsByTagNameNS('*', 'Label')[0]!;
    expect(label.textContent).toBe('Liège <raw>');
    expect(label.getAttribute('a')).toBe('1 & 2');
    expect(label.getAttribute('missing')).toBeNull();
    expect(label.localName).toBe('Label');
    expect(label.nodeName).toBe('y:Label');
    expect((label.parentNode as Element).localName).toBe('g');
    // Indentation between elements is not kept as text.
    expect(doc.documentElement.textContent).toBe('Liège <raw>');
  });

  test('an attribute named like an Object.prototype member is just an attribute', () => {
    const doc = parseXmlLight('<a __proto__="x" constructor="y"/>');
    expect(doc.documentElement.getAttribute('__proto__')).toBe('x');
    expect(doc.documentElement.getAttribute('toString')).toBeNull();
  });
});
