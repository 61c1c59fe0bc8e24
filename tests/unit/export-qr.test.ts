// QR code export: the matrix → SVG builder writes valid XML with merged runs, and the encoder picks the version the
// standard's capacity table gives for the link's length (the library and our table checked against each other).
import { describe, expect, it } from 'vitest';
import { encodeQr } from '../../src/lib/export/qr-code';
import {
  qrMaxBytes,
  qrModuleCount,
  qrPathData,
  qrSvgDocument,
  qrVersionFor,
  utf8Length,
  type QrMatrix,
} from '../../src/lib/export/qr-svg';
import { stripIllegalXmlChars } from '../../src/lib/export/svg-text';
import { activeContent, HOSTILE, parseXml, xmlProblems } from '../fixtures/export/xml-check';

// 1 0 1 / 1 1 1 / 0 0 1: a split run, a full run and a single module.
const tiny: QrMatrix = { size: 3, modules: Uint8Array.from([1, 0, 1, 1, 1, 1, 0, 0, 1]) };

/** Dark modules counted back from path data of unit-height runs (`M x y h n v1 h -n z`). */
function darkCount(d: string): number {
  return [...d.matchAll(/h(\d+)v1/g)].reduce((n, m) => n + Number(m[1]), 0);
}

describe('qrPathData', () => {
  it('writes one rectangle per horizontal run, offset by the margin', () => {
    expect(qrPathData(tiny, 0)).toBe('M0 0h1v1h-1zM2 0h1v1h-1zM0 1h3v1h-3zM2 2h1v1h-1z');
    expect(qrPathData(tiny, 4)).toBe('M4 4h1v1h-1zM6 4h1v1h-1zM4 5h3v1h-3zM6 6h1v1h-1z');
  });
  it('refuses a matrix of the wrong length', () => {
    expect(() => qrPathData({ size: 3, modules: new Uint8Array(8) })).toThrow(/3² matrix/);
  });
});

describe('qrSvgDocument', () => {
  it('is well-formed XML with a quiet zone, a white background and no active content, even with a hostile title', () => {
    for (const title of ['https://example.org/#from=2016', ...HOSTILE]) {
      const svg = qrSvgDocument(tiny, { moduleSize: 10, title });
      expect(xmlProblems(svg)).toEqual([]);
      expect(activeContent(svg)).toEqual([]);
      const root = parseXml(svg).documentElement;
      expect(root.getAttribute('viewBox')).toBe('0 0 11 11');
      expect(root.getAttribute('width')).toBe('110');
      const path = root.getElementsByTagName('path')[0]!;
      expect(path.getAttribute('d')).toBe(qrPathData(tiny));
      expect(root.getElementsByTagName('title')[0]?.textContent).toBe(stripIllegalXmlChars(title));
    }
  });
});

describe('encodeQr', () => {
  it('encodes a link with the version the capacity table gives, finder patterns in three corners', () => {
    const link = 'https://atlas.example.org/#from=2016-01-01&to=2021-12-31&sel=o%3Abiowin&lang=fr';
    const result = encodeQr(link);
    if (!result.ok) throw new Error('expected a code');
    expect(result.level).toBe('M');
    expect(result.version).toBe(qrVersionFor(utf8Length(link), 'M'));
    expect(result.matrix.size).toBe(qrModuleCount(result.version));
    const { size, modules } = result.matrix;
    const dark = (r: number, c: number) => modules[r * size + c] === 1;
    for (const [r0, c0] of [
      [0, 0],
      [0, size - 7],
      [size - 7, 0],
    ] as const) {
      // Finder: dark 7×7 ring, light ring, dark 3×3 core.
      expect([dark(r0, c0), dark(r0 + 1, c0 + 1), dark(r0 + 3, c0 + 3), dark(r0 + 6, c0 + 6)]).toEqual([
        true,
        false,
        true,
        true,
      ]);
    }
    const svg = qrSvgDocument(result.matrix);
    expect(darkCount(parseXml(svg).getElementsByTagName('path')[0]!.getAttribute('d')!)).toBe(
      modules.reduce((n, m) => n + m, 0),
    );
  });

  it.each([1, 2, 5, 9, 10, 17, 26, 27, 40])('version %i at level M: the last byte that fits, then one more', (v) => {
    // The most bytes our table says version v holds; the library must agree on the symbol size.
    let fits = 0;
    while ((qrVersionFor(fits + 1, 'M') ?? Infinity) <= v) fits++;
    const full = encodeQr('h'.repeat(fits));
    expect(full.ok && full.matrix.size).toBe(qrModuleCount(v));
    if (v < 40) {
      const over = encodeQr('h'.repeat(fits + 1));
      expect(over.ok && over.matrix.size).toBe(qrModuleCount(v + 1));
    }
  });

  it('counts UTF-8 bytes (é is two) and falls back to level L, then refuses text too long for any code', () => {
    expect(utf8Length('é')).toBe(2);
    const l = encodeQr('x'.repeat(qrMaxBytes('M') + 1));
    expect(l.ok && l.level).toBe('L');
    expect(qrVersionFor(qrMaxBytes('M') + 1, 'L')).toBe(36);
    expect(l.ok && l.matrix.size).toBe(qrModuleCount(36));
    const tooLong = encodeQr('é'.repeat(1500));
    expect(tooLong).toEqual({ ok: false, bytes: 3000, maxBytes: 2953 });
  });
});
