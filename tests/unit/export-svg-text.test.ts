// XML text safety: escaping tables, illegal characters, number formatting and the allow-listed element builder.
import { describe, expect, it } from 'vitest';
import {
  el,
  escapeXmlAttr,
  escapeXmlText,
  formatNum,
  fragment,
  isSafeColour,
  safeColour,
  stripIllegalXmlChars,
  svgDocument,
} from '../../src/lib/export/svg-text';
import { activeContent, HOSTILE, xmlProblems } from '../fixtures/export/xml-check';

describe('escapeXmlText / escapeXmlAttr', () => {
  it.each([
    ['Liège & Rhône-Alpes', 'Liège &amp; Rhône-Alpes', 'Liège &amp; Rhône-Alpes'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;', '&lt;img src=x onerror=alert(1)&gt;'],
    ['"><svg onload=alert(1)>', '"&gt;&lt;svg onload=alert(1)&gt;', '&quot;&gt;&lt;svg onload=alert(1)&gt;'],
    ["it's", "it's", 'it&apos;s'],
    [']]>', ']]&gt;', ']]&gt;'],
    ['a\tb\nc\r', 'a\tb\nc&#13;', 'a&#9;b&#10;c&#13;'],
    ['Nul\u0000\u0008byte\uFFFE\uFFFF', 'Nulbyte', 'Nulbyte'],
    ['lone \uD800 surrogate, pair 😀', 'lone  surrogate, pair 😀', 'lone  surrogate, pair 😀'],
  ])('%j', (input, text, attr) => {
    expect(escapeXmlText(input)).toBe(text);
    expect(escapeXmlAttr(input)).toBe(attr);
  });

  it('strips exactly the characters XML 1.0 forbids', () => {
    const all = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('');
    expect(stripIllegalXmlChars(all)).toBe('\t\n\r');
    expect(stripIllegalXmlChars('Śląskie\u0085\u00A0')).toBe('Śląskie\u0085\u00A0');
  });
});

describe('formatNum', () => {
  it.each([
    [1.005, 2, '1'],
    [1.5, 2, '1.5'],
    [-0.0001, 2, '0'],
    [-0, 2, '0'],
    [12.3456, 1, '12.3'],
    [1e21, 2, '1000000000000000000000'],
    [100, 2, '100'],
    [-2.5, 0, '-3'],
  ])('%d at %d → %s', (value, precision, expected) => {
    expect(formatNum(value, precision)).toBe(expected);
  });

  it('refuses NaN and Infinity', () => {
    expect(() => formatNum(NaN)).toThrow(/cannot write/);
    expect(() => formatNum(Infinity)).toThrow(/cannot write/);
  });
});

describe('el', () => {
  it('writes allowed elements with escaped attributes and text', () => {
    const m = el('text', { x: 1.234, y: -0.001, 'font-size': 12 }, ['<b>"Liège"</b>']);
    expect(m.xml).toBe('<text x="1.23" y="0" font-size="12">&lt;b&gt;"Liège"&lt;/b&gt;</text>');
    expect(el('circle', { r: 2, fill: undefined }).xml).toBe('<circle r="2"/>');
  });

  it.each([
    ['script', {}],
    ['foreignObject', {}],
    ['image', { href: '#a' }],
    ['a', {}],
    ['style', {}],
  ])('refuses <%s>', (name, attrs) => {
    expect(() => el(name, attrs)).toThrow(/not an allowed element/);
  });

  it.each([
    [{ onload: 'alert(1)' }, /not an allowed attribute/],
    [{ onclick: 'x' }, /not an allowed attribute/],
    [{ style: 'fill:red' }, /not an allowed attribute/],
    [{ 'xlink:href': '#a' }, /not an allowed attribute/],
    [{ href: 'javascript:alert(1)' }, /local #id/],
    [{ href: 'https://example.org/x.svg#a' }, /local #id/],
    [{ fill: 'url(https://evil.example/x)' }, /unsafe colour/],
    [{ stroke: 'red" onload="alert(1)' }, /unsafe colour/],
    [{ id: '1"x' }, /valid id/],
    [{ 'clip-path': 'url(http://x)' }, /url\(#id\)/],
  ])('refuses %j', (attrs, message) => {
    expect(() => el('use', attrs)).toThrow(message);
  });

  it('allows local references only', () => {
    expect(el('use', { href: '#node-1' }).xml).toBe('<use href="#node-1"/>');
    expect(el('g', { 'clip-path': 'url(#clip)' }).xml).toBe('<g clip-path="url(#clip)"/>');
  });

  it('produces well-formed, inert documents whatever the text holds', () => {
    const doc = svgDocument({ width: 10, height: 10 }, [
      el('title', {}, [HOSTILE.join(' ')]),
      el(
        'g',
        {},
        HOSTILE.map((h) => el('text', { 'aria-label': h }, [h])),
      ),
      fragment(HOSTILE.map((h) => el('desc', {}, [h]))),
    ]);
    expect(xmlProblems(doc)).toEqual([]);
    expect(activeContent(doc)).toEqual([]);
  });
});

describe('colours', () => {
  it.each(['#fff', '#E69F00', '#11223344', 'rgb(1, 2, 3)', 'rgba(1,2,3,0.5)', 'none', 'white', 'url(#g)'])(
    'accepts %s',
    (c) => expect(isSafeColour(c)).toBe(true),
  );
  it.each(['url(http://x)', 'red;', 'expression(alert(1))', '', '#ggg', 'javascript:alert(1)'])('rejects %j', (c) => {
    expect(isSafeColour(c)).toBe(false);
    expect(safeColour(c, '#999')).toBe('#999');
  });
});
