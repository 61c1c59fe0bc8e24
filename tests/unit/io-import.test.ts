// The import entry point: recognising dropped files by content, checking the set, progress, abort, templates and row problems.
import { describe, expect, test } from 'vitest';
import { importFiles } from '../../src/lib/io/import-files';
import { COLLABORATIONS_TEMPLATE, ORGANISATIONS_TEMPLATE } from '../../src/lib/io/templates';
import {
  dataOf,
  fixture,
  importFixtures,
  parseXmlLikeChromium,
  problemsOf,
  regions,
  textFile,
  TODAY,
  where,
} from './io-helpers';

const options = { today: TODAY, regions, parseXml: parseXmlLikeChromium };

describe('which file is which', () => {
  test('files are recognised by their headers, whatever their names and order', async () => {
    const files = [
      { name: 'export (2).csv', bytes: fixture('collabs-base.csv') },
      { name: 'Book1.csv', bytes: fixture('orgs-base.csv') },
    ];
    const data = dataOf(await importFiles(files, options));
    expect(data.dataset.organisations).toHaveLength(4);
    expect(data.dataset.collaborations).toHaveLength(2);
    expect(data.dataset.name).toBe('Book1');
  });

  test.each([
    [['orgs-base.csv'], ['missing-file - collaborations']],
    [['collabs-base.csv'], ['missing-file - organisations']],
    [['orgs-base.csv', 'orgs-duplicate-ids.csv', 'collabs-base.csv'], ['extra-file - -']],
    [['gexf13-spells.gexf', 'orgs-base.csv'], ['extra-file - -']],
    [[], ['missing-file - -']],
  ])('%j → %j', async (files, errors) => {
    const result = await importFixtures(files);
    expect(problemsOf(result, 'error').map(where)).toEqual(errors);
  });
});

describe('row problems in one collaborations file', () => {
  // collabs-row-problems.csv: one row per failure mode; today is fixed at 2025-06-01.
  test('self-loop, reversed, far future, near future, bad weights, unknown kind, undated', async () => {
    const result = await importFixtures(['orgs-base.csv', 'collabs-row-problems.csv']);
    expect(problemsOf(result, 'error').map(where)).toEqual(['reversed-period 3 End', 'future-date 4 Start']);
    expect(problemsOf(result, 'warning').map(where)).toEqual([
      'self-loop 2 Target',
      'future-date 5 Start',
      'invalid-number 6 Weight',
      'invalid-number 7 Weight',
      'unknown-kind 8 Kind',
      'undated 8 Start',
    ]);
  });

  test('NaN and out-of-range coordinates are dropped with a warning, the country still places the organisation', async () => {
    const result = await importFixtures(['orgs-nan-coords.csv', 'collabs-base.csv']);
    expect(problemsOf(result, 'warning').map(where)).toEqual([
      'invalid-number 2 Lat',
      'invalid-number 2 Lon',
      'invalid-coordinate 3 Lat',
      'invalid-coordinate 4 Lon',
    ]);
    const orgs = dataOf(result).dataset.organisations;
    expect(orgs.map((o) => [o.lat, o.lon, o.country])).toEqual([
      [null, null, 'BE'],
      [null, null, 'PL'],
      [null, null, 'DE'],
      [45.76, 4.83, 'FR'],
    ]);
  });

  test('regions: codes, renamed 2016 codes, ISO country codes, names, splits, unknowns', async () => {
    const files = [
      { name: 'orgs-regions.csv', bytes: fixture('orgs-regions.csv') },
      textFile('c.csv', 'Source,Target\nknown,renamed\n'),
    ];
    const result = await importFiles(files, options);
    expect(problemsOf(result, 'warning').map(where)).toEqual([
      'renamed-region 3 NUTS',
      'unknown-region 4 NUTS',
      'ambiguous-region 8 NUTS',
      'no-location 9 NUTS',
      'undated 1 start',
    ]);
    const orgs = Object.fromEntries(
      (result.ok ? result.dataset.dataset.organisations : []).map((o) => [o.id, `${o.nuts}/${o.country}`]),
    );
    expect(orgs).toEqual({
      known: 'BE33/BE',
      renamed: 'BE224/BE',
      unknown: '/',
      'by-name': 'PL22/PL',
      'greece-iso': '/EL',
      'uk-iso': '/UK',
      split: '/HR',
      nowhere: '/',
    });
  });
});

describe('progress and abort', () => {
  test('progress rises to 1', async () => {
    const seen: number[] = [];
    await importFixtures(['gephi-nodes.csv', 'gephi-edges.csv'], { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= (seen[i - 1] ?? 0)))).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  test('an abort between chunks returns an `aborted` error and no data', async () => {
    const signal = { aborted: false };
    const result = await importFixtures(['orgs-base.csv', 'collabs-base.csv'], {
      signal,
      onProgress: () => {
        signal.aborted = true;
      },
    });
    expect(result.ok).toBe(false);
    expect(problemsOf(result, 'error').map((p) => p.code)).toEqual(['aborted']);
  });
});

describe('templates', () => {
  test('the downloadable templates import with no problem at all', async () => {
    const result = await importFiles(
      [
        textFile('organisations-template.csv', ORGANISATIONS_TEMPLATE),
        textFile('collaborations-template.csv', COLLABORATIONS_TEMPLATE),
      ],
      options,
    );
    expect(problemsOf(result, 'error')).toEqual([]);
    expect(problemsOf(result, 'warning')).toEqual([]);
    const names = dataOf(result)
      .dataset.organisations.map((o) => o.name)
      .join(' ');
    expect(names).toContain('Liège');
    expect(names).toContain('Śląskie');
  });
});
