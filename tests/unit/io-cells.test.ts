// Pure cell readers of the importer: user dates, Gephi intervals, numbers, directions, delimiters and byte decoding.
import { describe, expect, test } from 'vitest';
import { parseDecimal, parseDirection, parseUserDate, timeValueToDateText } from '../../src/lib/io/cells';
import { detectDelimiter, readCsv } from '../../src/lib/io/csv-table';
import { decodeBytes, decodeWindows1252 } from '../../src/lib/io/decode';
import { parseTimeInterval } from '../../src/lib/io/time-interval';
import { fixture } from './io-helpers';

describe('parseUserDate', () => {
  test.each([
    ['2017', 'day-first', '2017'],
    ['2017-09', 'day-first', '2017-09'],
    ['2017-09-30', 'day-first', '2017-09-30'],
    ['2016-01-01T00:00:00Z', 'day-first', '2016-01-01'],
    ['2016-01-01 13:45', 'day-first', '2016-01-01'],
    ['15/03/2019', 'day-first', '2019-03-15'],
    ['15-03-2019', 'day-first', '2019-03-15'],
    ['15.03.2019', 'day-first', '2019-03-15'],
    ['5.6.2018', 'day-first', '2018-06-05'],
    ['03/04/2020', 'day-first', '2020-04-03'],
    ['03/04/2020', 'month-first', '2020-03-04'],
    ['29/02/2020', 'day-first', '2020-02-29'],
    ['31/02/2020', 'day-first', null],
    ['29/02/2019', 'day-first', null],
    ['2020-02-30', 'day-first', null],
    ['13/13/2020', 'day-first', null],
    ['43831', 'day-first', null],
    ['March 2020', 'day-first', null],
    ['', 'day-first', null],
  ] as const)('%j read %s → %s', (text, order, expected) => {
    const d = parseUserDate(text, order);
    const iso =
      d &&
      [d.year, d.month, d.day]
        .filter((x) => x !== undefined)
        .map((x, i) => String(x).padStart(i === 0 ? 4 : 2, '0'))
        .join('-');
    expect(iso ?? null).toBe(expected);
  });
});

describe('Gephi time values and intervals', () => {
  test.each([
    ['2016', '2016'],
    ['2016.0', '2016'],
    ['2016-03-01', '2016-03-01'],
    ['3.5', null],
    ['42', null],
    ['1.4516064E12', null],
  ])('time value %j → %j', (text, expected) => {
    expect(timeValueToDateText(text)).toBe(expected);
  });

  test.each([
    [
      '<[2016,2019];[2021,2023]>',
      false,
      [
        ['2016', '2019'],
        ['2021', '2023'],
      ],
    ],
    [
      '<[2016.0, 2019.0]; [2021.0, 2023.0]>',
      false,
      [
        ['2016', '2019'],
        ['2021', '2023'],
      ],
    ],
    ['<(2016, 2019]>', false, [['2016', '2019']]],
    ['<[2020-03-01, Infinity]>', false, [['2020-03-01', null]]],
    ['[2016,2019]', false, [['2016', '2019']]],
    [
      '<[2016.0, 2018.0, 2020.0]>',
      false,
      [
        ['2016', '2016'],
        ['2018', '2018'],
        ['2020', '2020'],
      ],
    ],
    [
      '<[2016, 2018]>',
      true,
      [
        ['2016', '2016'],
        ['2018', '2018'],
      ],
    ],
    ['<[2016]>', false, [['2016', '2016']]],
  ] as const)('%j (timestamps %s)', (text, timestamps, periods) => {
    const r = parseTimeInterval(text, timestamps);
    expect(r.ok && r.periods.map((p) => [p.start, p.end])).toEqual(periods);
  });

  test.each([
    ['<[2016,2019] junk>', 'malformed'],
    ['2016-2019', 'malformed'],
    ['<[1.5, 2.5]>', 'not-a-date'],
  ])('%j is refused as %s', (text, reason) => {
    expect(parseTimeInterval(text)).toMatchObject({ ok: false, reason });
  });
});

describe('numbers and directions', () => {
  test.each([
    ['50.85', 50.85],
    ['50,85', 50.85],
    ['-4,7', -4.7],
    [' 12 ', 12],
    ['NaN', null],
    ['Infinity', null],
    ['heavy', null],
    ['1.000,5', null],
  ])('decimal %j → %j', (text, n) => {
    expect(parseDecimal(text)).toBe(n);
  });

  test.each([
    ['Directed', true],
    ['undirected', false],
    ['Mixed', false],
    ['mutual', false],
    ['true', true],
    ['', false],
    ['sideways', null],
  ])('direction %j → %j', (text, directed) => {
    expect(parseDirection(text)).toBe(directed);
  });
});

describe('CSV reading', () => {
  test.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1,5;2,5;3', ';'],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['"x,y";b;c\n1;2;3', ';'],
    ['Id|Label\n', ','],
  ])('delimiter of %j is %j', (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });

  test('lines are file lines: multi-line quoted cells and CR-only line ends', () => {
    expect(readCsv('f', 'a,b\n"x\ny",1\nz,2\n').rows.map((r) => r.line)).toEqual([2, 4]);
    expect(readCsv('f', 'a,b\r1,2\r3,4').rows.map((r) => r.line)).toEqual([2, 3]);
  });

  test('a `__proto__` header is an ordinary column', () => {
    const t = readCsv('f', 'Id,__proto__\na,b\n');
    expect(t.headers).toEqual(['Id', '__proto__']);
    expect(t.rows[0]?.cells).toEqual(['a', 'b']);
  });
});

describe('decodeBytes', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);

  test('UTF-8 with and without BOM', () => {
    expect(decodeBytes(new TextEncoder().encode('Liège'))).toEqual({ ok: true, text: 'Liège', encoding: 'utf-8' });
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ ok: true, text: 'a', encoding: 'utf-8-bom' });
  });

  test('a file mixing UTF-8 and Windows-1252 lines keeps each line in its own encoding', () => {
    const mixed = new Uint8Array([...new TextEncoder().encode('Liège\nŚląskie\n'), 0x4c, 0x69, 0xe8, 0x67, 0x65]);
    expect(decodeBytes(mixed)).toEqual({
      ok: true,
      text: 'Liège\nŚląskie\nLiège',
      encoding: 'windows-1252',
      legacy: { line: 3, mixed: true },
    });
  });

  test('invalid UTF-8 falls back to Windows-1252, with the 0x80–0x9F range mapped as browsers do', () => {
    expect(decodeBytes(bytes(0x4c, 0x69, 0xe8, 0x67, 0x65))).toEqual({
      ok: true,
      text: 'Liège',
      encoding: 'windows-1252',
      legacy: { line: 1, mixed: false },
    });
    expect(decodeWindows1252(bytes(0x80, 0x96, 0x84, 0x93, 0x8a, 0x9f, 0x81))).toBe('€–„“ŠŸ\u0081');
  });

  test('ł cannot be written in Windows-1252: no byte decodes to it', () => {
    const all = decodeWindows1252(new Uint8Array(256).map((_, i) => i));
    expect(all).not.toContain('ł');
    expect(all).toContain('é');
    expect(all).toContain('ß');
  });

  test('UTF-16 with a BOM', () => {
    expect(decodeBytes(bytes(0xff, 0xfe, 0x61, 0x00, 0xe8, 0x00))).toMatchObject({ text: 'aè', encoding: 'utf-16le' });
    expect(decodeBytes(bytes(0xfe, 0xff, 0x00, 0x61))).toMatchObject({ text: 'a', encoding: 'utf-16be' });
  });

  test.each([['garbage.bin', 'a binary file']])('%s is refused as %s', (name, hint) => {
    expect(decodeBytes(fixture(name))).toEqual({ ok: false, hint });
  });

  test('an Excel workbook is recognised by its zip signature', () => {
    expect(decodeBytes(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toMatchObject({
      ok: false,
      hint: expect.stringContaining('Excel'),
    });
  });
});
