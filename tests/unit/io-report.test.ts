// The import report: CSV download with formula neutralisation, the size guard, and the per-code cap on listed problems.
import { describe, expect, test } from 'vitest';
import { neutraliseCell, toCsv, unneutraliseCell } from '../../src/lib/io/csv-safe';
import { readCsv } from '../../src/lib/io/csv-table';
import { checkFileSize, MAX_FILE_BYTES } from '../../src/lib/io/limits';
import { PROBLEMS_PER_CODE, problem, ProblemLog } from '../../src/lib/io/problems';
import { problemsToCsv } from '../../src/lib/io/problems-csv';
import { importFiles } from '../../src/lib/io/import-files';
import { importFixtures, parseXmlLikeChromium, problemsOf, regions, TODAY } from './io-helpers';

describe('neutraliseCell', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+31 20 123', "'+31 20 123"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\n=1', "'\n=1"],
    ['\0=1', "'\0=1"],
    ['line one\n=HYPERLINK("x")', '\'line one\n=HYPERLINK("x")'],
    ['Liège', 'Liège'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
    expect(unneutraliseCell(output)).toBe(input);
  });

  test('a user value that merely starts with an apostrophe is left alone on import', () => {
    expect(unneutraliseCell("'tis")).toBe("'tis");
  });
});

describe('toCsv', () => {
  test('quotes, CRLF, BOM, numbers unprefixed', () => {
    expect(toCsv([['a,b', 'say "hi"', -3, '-3']])).toBe('\uFEFF"a,b","say ""hi""",-3,\'-3\r\n');
    expect(toCsv([['x']], { bom: false })).toBe('x\r\n');
  });

  test('reads back through the importer’s CSV reader', () => {
    const hostile = ['=1', 'two\nlines', '"quoted"', 'Śląskie, Liège'];
    const table = readCsv('r.csv', toCsv([['h1', 'h2', 'h3', 'h4'], hostile], { bom: false }));
    expect(table.rows[0]?.cells.map((c) => unneutraliseCell(c))).toEqual(hostile);
  });
});

describe('problemsToCsv', () => {
  test('one row per problem, errors first, every cell neutralised', async () => {
    const result = await importFixtures(['orgs-base.csv', 'collabs-row-problems.csv']);
    const all = [...problemsOf(result, 'warning'), ...problemsOf(result, 'error')];
    const csv = problemsToCsv(all);
    const table = readCsv('report.csv', csv);
    expect(table.headers).toEqual(['severity', 'code', 'file', 'line', 'path', 'field', 'value', 'message']);
    expect(table.rows).toHaveLength(all.length);
    expect(table.rows[0]?.cells[0]).toBe('error');
    const hostile = problem('warning', 'unknown-kind', { file: '=evil.csv', line: 3, field: '@kind' }, '+cmd', 'm');
    const row = readCsv('r.csv', problemsToCsv([hostile])).rows[0];
    expect(row?.cells).toEqual(['warning', 'unknown-kind', "'=evil.csv", '3', '', "'@kind", "'+cmd", 'm']);
  });
});

describe('checkFileSize', () => {
  test('1 GB is refused up front without reading; 200 MB passes', () => {
    expect(checkFileSize('huge.csv', 1024 ** 3)).toMatchObject({
      code: 'too-large',
      severity: 'error',
      file: 'huge.csv',
      line: 0,
    });
    expect(checkFileSize('ok.csv', MAX_FILE_BYTES)).toBeNull();
  });

  test('importFiles refuses an oversize file before decoding it', async () => {
    // A fake Uint8Array whose length says 1 GB: reading any byte would throw.
    const bytes = new Proxy(new Uint8Array(0), {
      get: (t, k) => (k === 'length' || k === 'byteLength' ? 1024 ** 3 : k in t ? Reflect.get(t, k) : (() => { throw new Error(`read ${String(k)}`); })()),
    }); // prettier-ignore
    const result = await importFiles([{ name: 'huge.csv', bytes }], {
      today: TODAY,
      regions,
      parseXml: parseXmlLikeChromium,
    });
    expect(problemsOf(result, 'error').map((p) => p.code)).toEqual(['too-large']);
  });
});

describe('ProblemLog', () => {
  test(`lists ${PROBLEMS_PER_CODE} problems per file and code, then one summary with the count`, () => {
    const log = new ProblemLog();
    for (let line = 2; line < 2 + PROBLEMS_PER_CODE + 50; line++)
      log.report('warning', 'undated', { file: 'c.csv', line, field: 'start' }, '', 'undated');
    log.report('warning', 'undated', { file: 'other.csv', line: 2, field: 'start' }, '', 'undated');
    const all = log.problems();
    expect(all).toHaveLength(PROBLEMS_PER_CODE + 2);
    expect(all.at(-1)).toMatchObject({ code: 'undated', file: 'c.csv', line: 0, value: '50' });
  });
});
