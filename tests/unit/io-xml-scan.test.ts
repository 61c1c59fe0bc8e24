// The streaming XML scanner: what it reports for every kind of markup, and the line it names for malformed input.
import { describe, expect, test } from 'vitest';
import { scanXml, type XmlAttributes, type XmlHandler } from '../../src/lib/io/xml-scan';
import { importFiles } from '../../src/lib/io/import-files';
import { parseXmlLikeChromium, problemsOf, regions, textFile, TODAY, where } from './io-helpers';

/** Every event as text: `<name a=v …>`, `</name>`, `"text"`; text is asked for everywhere. */
function events(xml: string): string[] {
  const out: string[] = [];
  const handler: XmlHandler = {
    wantsText: () => true,
    open: (name: string, a: XmlAttributes) => {
      const pairs = a.names.slice(0, a.count).map((n, i) => ` ${n}=${JSON.stringify(a.values[i])}`);
      out.push(`<${name}${pairs.join('')}>`);
    },
    close: (name: string) => out.push(`</${name}>`),
    text: (t: string) => out.push(JSON.stringify(t)),
  };
  scanXml(xml, handler);
  return out;
}

const failure = (xml: string): string => {
  try {
    events(xml);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('XML scanner: well-formed input', () => {
  test('declaration, doctype, comments and processing instructions are skipped; prefixes are kept', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE gexf>\n<!-- c --><?pi data?>\n<gexf xmlns:viz="urn:v"><viz:position x='1' y="2"/><!-- in --></gexf>\n<!-- after -->\n`;
    expect(events(xml)).toEqual([
      '<gexf xmlns:viz="urn:v">',
      '<viz:position x="1" y="2">',
      '</viz:position>',
      '</gexf>',
    ]);
  });

  test('a DOCTYPE with an internal subset (no entities) is skipped whole', () => {
    expect(events('<!DOCTYPE g [ <!ELEMENT g ANY> <!ATTLIST g a CDATA "]>"> ]>\n<g/>')).toEqual(['<g>', '</g>']);
  });

  test('the five predefined entities and character references, in text and attributes', () => {
    const xml = `<a v="&lt;&gt;&amp;&quot;&apos; &#233;&#xE9;&#x1F600;">x &amp; y&#10;z</a>`;
    expect(events(xml)).toEqual(['<a v="<>&\\"\' ééπ€">'.replace('π€', '😀'), '"x & y\\nz"', '</a>']);
  });

  test('quotes of the other kind inside a value, and > in a value', () => {
    expect(events(`<a s='say "hi"' d="it's > 2"/>`)).toEqual([`<a s="say \\"hi\\"" d="it's > 2">`, '</a>']);
  });

  test('line ends: CR LF and CR become LF in text; in attributes CR LF, LF and tab become one space', () => {
    expect(events('<a v="1\r\n2\t3\n4">x\r\ny\rz</a>')).toEqual(['<a v="1 2 3 4">', '"x\\ny\\nz"', '</a>']);
  });

  test('CDATA is passed raw and separately from the text around it; comments split text runs', () => {
    expect(events('<a>x<![CDATA[<b>&amp;]]>y<!--c-->z</a>')).toEqual([
      '<a>',
      '"x"',
      '"<b>&amp;"',
      '"y"',
      '"z"',
      '</a>',
    ]);
  });

  test('nested and self-closing elements close in order; white space outside the root is allowed', () => {
    expect(events('\n <r>\n<s><t/></s></r>\n')).toEqual(['<r>', '"\\n"', '<s>', '<t>', '</t>', '</s>', '</r>']);
  });

  test('white space inside tags: around =, before > and />, in a closing tag', () => {
    expect(events('<r  a = "1"\n b=\'2\' ><s /></r >')).toEqual(['<r a="1" b="2">', '<s>', '</s>', '</r>']);
  });

  test('attribute values are read once per tag even when the handler ignores text', () => {
    const seen: string[] = [];
    scanXml('<r><n id="a"/>text &amp; more<n id="b"/></r>', {
      wantsText: () => false,
      open: (_name, a) => seen.push(a.get('id')),
      close: () => undefined,
      text: () => seen.push('text!'),
    });
    expect(seen).toEqual(['', 'a', 'b']);
  });
});

describe('XML scanner: malformed input names the line', () => {
  test.each([
    ['mismatched tags', '<a>\n<b>\n</a>', /^line 3, column 3: unexpected close tag/],
    ['a close tag without an open one', '<a/>\n</b>', /^line 2, column 3: unmatched closing tag: b/],
    [
      'a file cut short names the unclosed element and the last written line',
      '<g>\n  <n>\n    <e/>\n\n',
      /^line 3: unclosed tag: n$/,
    ],
    ['a file cut inside a tag', '<g>\n  <n id="a" tar', /^line 2: /],
    ['a file cut inside an attribute value', '<g>\n  <n id="a', /^line 2: /],
    ['an undefined entity', '<a>\n&nbsp;</a>', /^line 2, column 1: undefined entity/],
    ['an unterminated entity', '<a>&amp</a>', /^line 1, column 4: disallowed character in entity name/],
    ['a malformed character reference', '<a>&#0;</a>', /malformed character entity/],
    ['< in an attribute value', '<a\nv="x<y"/>', /^line 2, column 5: disallowed character/],
    ['an unquoted attribute value', '<a v=1/>', /unquoted attribute value/],
    ['an attribute without a value', '<a v/>', /attribute without value/],
    ['a duplicate attribute', '<a v="1" v="2"/>', /duplicate attribute: v/],
    ['attributes without white space between them', '<a v="1"w="2"/>', /no whitespace between attributes/],
    ['a bad tag name', '<a><1b/></a>', /disallowed character in tag name/],
    ['text before the root', 'hello <a/>', /^line 1, column 1: text data outside of root node/],
    ['text after the root', '<a/>\nx', /^line 2, column 1: text data outside of root node/],
    ['two roots', '<a/><b/>', /only one root/],
    ['no root', '  \n ', /document must contain a root element/],
    [']]> in text', '<a>x]]>y</a>', /"]]>" is disallowed/],
    ['-- inside a comment', '<a><!-- x -- y --></a>', /malformed comment/],
    [
      'an XML declaration that is not at the start',
      ' <?xml version="1.0"?><a/>',
      /XML declaration must be at the start/,
    ],
    ['an XML declaration without a version', '<?xml encoding="UTF-8"?><a/>', /XML declaration is incomplete/],
    ['a control character', '<a>\n\n x\u0001</a>', /^line 3, column 3: disallowed character/],
    ['an unpaired surrogate', '<a v="\uD800"/>', /disallowed character/],
    ['a second DOCTYPE', '<!DOCTYPE a><!DOCTYPE a><a/>', /inappropriately located doctype/],
  ])('%s', (_what, xml, message) => {
    expect(failure(xml)).toMatch(message);
  });

  test('the first error in document order wins over a later forbidden character', () => {
    expect(failure('<a>\n</b>\u0001')).toMatch(/^line 2, column 3: unexpected close tag/);
    expect(failure('<a>\u0001\n</b>')).toMatch(/^line 1, column 4: disallowed character/);
  });

  test('a malformed GEXF is refused by the import with the file and line, and no partial data', async () => {
    const gexf = '<gexf version="1.3">\n<graph>\n<nodes>\n<node id="a" label="x & y"/>\n</nodes>\n</graph>\n</gexf>\n';
    const result = await importFiles([textFile('broken.gexf', gexf)], {
      today: TODAY,
      regions,
      parseXml: parseXmlLikeChromium,
    });
    expect(result.ok).toBe(false);
    expect(problemsOf(result, 'error').map(where)).toEqual(['unreadable-file 4 -']);
    expect(problemsOf(result, 'error')[0]?.value).toMatch(/^line 4, column 23: disallowed character in entity name/);
  });
});
