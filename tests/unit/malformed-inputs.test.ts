// One table of malformed inputs (tests/fixtures/malformed/README.md says what each fixture proves): every row fails
// or warns as it should, and its problem names the file, the line and the field, and the value when there is one.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importFiles, type ImportFile } from '../../src/lib/io/import-files';
import { checkFileSize } from '../../src/lib/io/limits';
import { formatProblem, type ImportProblem, type ProblemCode } from '../../src/lib/model/errors';
import { decodeView, MAX_HASH_LENGTH } from '../../src/lib/state/url-codec';
import { DEFAULT_VIEW } from '../../src/lib/state/view-state';
import { parseStory } from '../../src/lib/story/story-format';
import { parseXmlLikeChromium, regions, TODAY } from './io-helpers';

const file = (name: string): ImportFile => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(`../fixtures/malformed/${name}`, import.meta.url))),
});

interface Row {
  /** What the row proves. */
  readonly proves: string;
  /** Files given to importFiles, in this order. */
  readonly files: readonly (string | ImportFile)[];
  /** `error`: the import fails; `warning`: it succeeds and carries the problem. */
  readonly outcome: 'error' | 'warning';
  readonly code: ProblemCode;
  readonly file: string;
  /** 1-based line; 0 for a problem of the whole file. */
  readonly line: number;
  /** The field (column) named, '' when the problem concerns the whole file or row. */
  readonly field: string;
  /** Expected start of the value, '' when the problem has none. */
  readonly value: string;
}

/** A 1 GiB file that must be refused from its length alone: reading any byte fails the test. */
const hugeFile: ImportFile = {
  name: 'huge.csv',
  bytes: new Proxy(new Uint8Array(0), {
    get(target, key) {
      if (key === 'length' || key === 'byteLength') return 2 ** 30;
      throw new Error(`the 1 GiB file was read (${String(key)})`);
    },
  }),
};

const ROWS: readonly Row[] = [
  // prettier-ignore
  { proves: 'an empty file', files: ['orgs.csv', 'empty.csv'], outcome: 'error', code: 'empty-file', file: 'empty.csv', line: 0, field: '', value: '' },
  // prettier-ignore
  { proves: 'a header without rows', files: ['orgs.csv', 'header-only.csv'], outcome: 'error', code: 'empty-file', file: 'header-only.csv', line: 0, field: '', value: '' },
  // prettier-ignore
  { proves: 'a binary file refused before parsing', files: ['orgs.csv', 'binary.csv'], outcome: 'error', code: 'unreadable-file', file: 'binary.csv', line: 0, field: '', value: '' },
  // prettier-ignore
  { proves: 'a |-separated file', files: ['wrong-delimiter.csv', 'collabs.csv'], outcome: 'error', code: 'wrong-delimiter', file: 'wrong-delimiter.csv', line: 1, field: '', value: 'Id|Label' },
  // prettier-ignore
  { proves: 'one Windows-1252 line in a UTF-8 file', files: ['mixed-encodings.csv', 'collabs.csv'], outcome: 'warning', code: 'legacy-encoding', file: 'mixed-encodings.csv', line: 4, field: '', value: 'windows-1252' },
  // prettier-ignore
  { proves: 'a quote that never closes', files: ['unterminated-quote.csv', 'collabs.csv'], outcome: 'error', code: 'unreadable-file', file: 'unterminated-quote.csv', line: 3, field: '', value: '' },
  // prettier-ignore
  { proves: 'a 10,000-character cell, shortened in the message', files: ['orgs.csv', 'long-cell.csv'], outcome: 'error', code: 'dangling-endpoint', file: 'long-cell.csv', line: 2, field: 'Target', value: 'xxxxxxxxxx' },
  // prettier-ignore
  { proves: 'an unquoted delimiter inside a value', files: ['extra-cells.csv', 'collabs.csv'], outcome: 'error', code: 'extra-cells', file: 'extra-cells.csv', line: 2, field: 'column 8', value: '5.5655' },
  // prettier-ignore
  { proves: 'a collaborations file without Target', files: ['orgs.csv', 'missing-column.csv'], outcome: 'error', code: 'missing-column', file: 'missing-column.csv', line: 1, field: 'Target', value: '' },
  // prettier-ignore
  { proves: 'two organisations with one id', files: ['duplicate-ids.csv', 'collabs.csv'], outcome: 'error', code: 'duplicate-id', file: 'duplicate-ids.csv', line: 5, field: 'Id', value: 'liege' },
  // prettier-ignore
  { proves: 'a collaboration of an organisation with itself', files: ['orgs.csv', 'self-loop.csv'], outcome: 'warning', code: 'self-loop', file: 'self-loop.csv', line: 2, field: 'Target', value: 'liege' },
  // prettier-ignore
  { proves: 'an endpoint no organisation has', files: ['orgs.csv', 'dangling.csv'], outcome: 'error', code: 'dangling-endpoint', file: 'dangling.csv', line: 3, field: 'Target', value: 'nowhere' },
  // prettier-ignore
  { proves: '30 February', files: ['orgs.csv', 'impossible-date.csv'], outcome: 'error', code: 'invalid-date', file: 'impossible-date.csv', line: 3, field: 'Start', value: '2020-02-30' },
  // prettier-ignore
  { proves: 'an end before the start', files: ['orgs.csv', 'reversed-dates.csv'], outcome: 'error', code: 'reversed-period', file: 'reversed-dates.csv', line: 3, field: 'End', value: '2021-01' },
  // prettier-ignore
  { proves: 'a start in 2999', files: ['orgs.csv', 'far-future.csv'], outcome: 'error', code: 'future-date', file: 'far-future.csv', line: 3, field: 'Start', value: '2999-01-01' },
  // prettier-ignore
  { proves: 'a NUTS code that does not exist', files: ['unknown-nuts.csv', 'collabs.csv'], outcome: 'warning', code: 'unknown-region', file: 'unknown-nuts.csv', line: 4, field: 'NUTS', value: 'ZZ99' },
  // prettier-ignore
  { proves: 'NaN coordinates', files: ['nan-coordinates.csv', 'collabs.csv'], outcome: 'warning', code: 'invalid-number', file: 'nan-coordinates.csv', line: 3, field: 'Lat', value: 'NaN' },
  // prettier-ignore
  { proves: 'a weight that is a word', files: ['orgs.csv', 'non-numeric-weight.csv'], outcome: 'warning', code: 'invalid-number', file: 'non-numeric-weight.csv', line: 3, field: 'Weight', value: 'heavy' },
  // prettier-ignore
  { proves: 'a 1 GiB file refused from its size, unread', files: [hugeFile, 'collabs.csv'], outcome: 'error', code: 'too-large', file: 'huge.csv', line: 0, field: '', value: '1024 MB' },
  // prettier-ignore
  { proves: 'a GEXF cut short', files: ['truncated.gexf'], outcome: 'error', code: 'unreadable-file', file: 'truncated.gexf', line: 11, field: '', value: '' },
  // prettier-ignore
  { proves: 'a GEXF declaring entities', files: ['entities.gexf'], outcome: 'error', code: 'unsafe-xml', file: 'entities.gexf', line: 3, field: '<!DOCTYPE>', value: '<!DOCTYPE gexf' },
];

const options = { today: TODAY, regions, parseXml: parseXmlLikeChromium };

describe('malformed files given to importFiles', () => {
  test.each(ROWS)('$proves → $outcome $code at $file:$line $field', async (row) => {
    const result = await importFiles(
      row.files.map((f) => (typeof f === 'string' ? file(f) : f)),
      options,
    );
    expect(result.ok, 'an error blocks the import, a warning does not').toBe(row.outcome === 'warning');
    const problems: readonly ImportProblem[] = row.outcome === 'error' && !result.ok ? result.errors : result.warnings;
    const found = problems.find((p) => p.code === row.code && p.file === row.file);
    expect(found, problems.map(formatProblem).join('\n')).toBeDefined();
    const p = found!;
    expect({ line: p.line, field: p.field }).toEqual({ line: row.line, field: row.field });
    expect(p.value.startsWith(row.value)).toBe(true);
    // The text the user reads names the file, the line, the field and the value, and never runs on for pages.
    const text = formatProblem(p);
    expect(text.startsWith(row.line > 0 ? `${row.file}:${row.line}` : row.file)).toBe(true);
    if (row.field) expect(text).toContain(` ${row.field}`);
    if (row.value) expect(text).toContain(row.value);
    expect(text.length).toBeLessThan(500);
    expect(p.message.length).toBeGreaterThan(20);
  });

  test('the size check alone refuses 1 GiB before a file is read', () => {
    expect(checkFileSize('huge.csv', 2 ** 30)).toMatchObject({ code: 'too-large', file: 'huge.csv', value: '1024 MB' });
    expect(checkFileSize('fine.csv', 1024)).toBeNull();
  });
});

describe('malformed links and story files', () => {
  test('a 100 KB link hash is ignored with one notice naming it and its length; the default view applies', () => {
    const hash = `#from=2016&sel=org%3A${'x'.repeat(100 * 1024)}`;
    const result = decodeView(hash);
    expect(result.view).toEqual({ ...DEFAULT_VIEW, selection: { kind: 'none' } });
    expect(result.notices).toEqual([`link: ${hash.length - 1} characters is longer than ${MAX_HASH_LENGTH}; ignored`]);
  });

  test('a story with unknown fields is read; each unknown field is named by its path and ignored', () => {
    const result = parseStory(
      readFileSync(new URL('../fixtures/malformed/story-unknown-fields.json', import.meta.url), 'utf8'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notices).toEqual([
      'soundtrack: unknown field; ignored',
      'scenes[0].transition: unknown field; ignored',
    ]);
    expect(result.story.scenes).toHaveLength(1);
  });
});
