// Test helper for the io-*.test.ts files: fixture bytes, a Node DOM parser that behaves like Chromium's, and importFiles with defaults.
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { regionResolver } from '../../src/lib/io/builtin';
import { importFiles, type ImportedData, type ImportOptions } from '../../src/lib/io/import-files';
import { dayNumber } from '../../src/lib/model/dates';
import type { ImportProblem, ImportResult } from '../../src/lib/model/errors';
import { loadRegionIndex } from '../helpers/regions';

/** A fixed "today" (1 June 2025) so future-date checks do not drift. */
export const TODAY = dayNumber(2025, 6, 1);

export const regions = regionResolver(loadRegionIndex());

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
}

export const textFile = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

/**
 * Parses like Chromium's DOMParser: malformed XML gives a document holding a <parsererror> element rather than
 * an exception. xmldom throws on fatal errors, so we turn the throw into that document.
 */
export function parseXmlLikeChromium(text: string): Document {
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'application/xml');
    return doc as unknown as Document;
  } catch (e) {
    const message = String(e instanceof Error ? e.message : e).replace(/[<&]/g, ' ');
    const doc = new DOMParser().parseFromString(
      `<root><parsererror xmlns="http://www.w3.org/1999/xhtml">${message}</parsererror></root>`,
      'application/xml',
    );
    return doc as unknown as Document;
  }
}

/** xmldom as it is: throws on fatal errors (the importer must cope with a parser that throws too). */
export const parseXmlThrowing = (text: string): Document =>
  new DOMParser().parseFromString(text, 'application/xml') as unknown as Document;

export function importFixtures(
  names: readonly string[],
  options: Partial<ImportOptions> = {},
): Promise<ImportResult<ImportedData>> {
  return importFiles(
    names.map((name) => ({ name, bytes: fixture(name) })),
    { today: TODAY, regions, parseXml: parseXmlLikeChromium, ...options },
  );
}

/** `code line-or-path field` of each problem: what tests compare, never the wording. */
export const where = (p: ImportProblem): string =>
  `${p.code} ${p.line > 0 ? p.line : (p.path ?? '-')} ${p.field || '-'}`;

export const problemsOf = (r: ImportResult<unknown>, severity: 'error' | 'warning'): ImportProblem[] =>
  severity === 'error' ? (r.ok ? [] : [...r.errors]) : [...r.warnings];

/** The imported data, failing the test with the error list when the import did not succeed. */
export function dataOf(r: ImportResult<ImportedData>): ImportedData {
  if (!r.ok) throw new Error(`import failed:\n${r.errors.map(where).join('\n')}`);
  return r.dataset;
}
