// CSV import over real fixtures: delimiters, encodings, aliases (Gephi, Kumu), dates, regions and every row-level failure mode.
import { describe, expect, test } from 'vitest';
import { dataOf, importFixtures, problemsOf, where } from './io-helpers';

// Each case: files to drop, then the exact errors and the warnings that must appear (`code line field`).
const cases: [string, string[], string[], string[]][] = [
  ['base pair imports cleanly', ['orgs-base.csv', 'collabs-base.csv'], [], []],
  ['semicolon + BOM + decimal commas', ['orgs-semicolon-bom.csv', 'collabs-base.csv'], [], []],
  ['tab-delimited with a decimal comma weight', ['orgs-base.csv', 'collabs-tab.tsv'], [], []],
  ['Windows-1252 bytes', ['orgs-cp1252.csv', 'collabs-cp1252.csv'], [], ['legacy-encoding 2 -']],
  ['day-first dates in three separators', ['orgs-base.csv', 'collabs-day-first.csv'], [], []],
  ['consistent US month-first column', ['orgs-base.csv', 'collabs-us-dates.csv'], [], ['month-first-date 2 Start']],
  ['mixed day-first and month-first column', ['orgs-base.csv', 'collabs-us-mixed.csv'], ['ambiguous-date 2 Start'], []],
  ['column with every part ≤ 12', ['orgs-base.csv', 'collabs-ambiguous-dates.csv'], [], ['ambiguous-date 2 Start']],
  ['Gephi nodes and edges with Time Interval', ['gephi-nodes.csv', 'gephi-edges.csv'], [], ['undated 4 Time Interval']],
  [
    'Kumu elements and connections (no Id column)',
    ['kumu-elements.csv', 'kumu-connections.csv'],
    [],
    ['label-as-id 1 Label'],
  ],
  ['duplicate organisation ids', ['orgs-duplicate-ids.csv', 'collabs-base.csv'], ['duplicate-id 4 Id'], []],
  [
    'endpoints that are no organisation',
    ['orgs-base.csv', 'collabs-dangling.csv'],
    ['dangling-endpoint 3 Target', 'dangling-endpoint 4 Source'],
    [],
  ],
  [
    'impossible dates',
    ['orgs-base.csv', 'collabs-impossible-date.csv'],
    ['invalid-date 2 Start', 'invalid-date 3 Start', 'invalid-date 4 Start'],
    [],
  ],
  ['header only', ['header-only.csv', 'collabs-base.csv'], ['empty-file - -'], []],
  ['empty file', ['empty.csv', 'collabs-base.csv'], ['empty-file - -'], []],
  ['binary garbage', ['garbage.bin', 'collabs-base.csv'], ['unreadable-file - -'], []],
  ['wrong delimiter', ['orgs-wrong-delimiter.csv', 'collabs-base.csv'], ['wrong-delimiter 1 -'], []],
  ['unterminated quote', ['orgs-unterminated-quote.csv', 'collabs-base.csv'], ['unreadable-file 2 -'], []],
  ['unquoted delimiter inside a value', ['orgs-extra-cells.csv', 'collabs-base.csv'], ['extra-cells 2 column 4'], []],
  ['a 10,000-character cell', ['orgs-long-cell.csv', 'collabs-base.csv'], [], []],
  [
    'empty rows are dropped with a warning',
    ['orgs-empty-rows.csv', 'collabs-base.csv'],
    [],
    ['empty-row 2 -', 'empty-row 4 -'],
  ],
  [
    'sources file and an unknown citation',
    ['orgs-base.csv', 'collabs-cite-sources.csv', 'sources.csv'],
    ['unknown-source 3 Sources'],
    [],
  ],
];

describe('CSV import', () => {
  test.each(cases)('%s', async (_name, files, errors, warnings) => {
    const result = await importFixtures(files);
    expect(problemsOf(result, 'error').map(where).sort()).toEqual([...errors].sort());
    expect(problemsOf(result, 'warning').map(where)).toEqual(expect.arrayContaining(warnings));
    expect(result.ok).toBe(errors.length === 0);
  });

  test('errors and warnings name the file they come from', async () => {
    const result = await importFixtures(['orgs-base.csv', 'collabs-dangling.csv']);
    expect(problemsOf(result, 'error').map((p) => p.file)).toEqual(['collabs-dangling.csv', 'collabs-dangling.csv']);
  });
});

describe('values read from CSV', () => {
  test('semicolon file: decimal commas, thousands separator, BOM stripped from the first header', async () => {
    const data = dataOf(await importFixtures(['orgs-semicolon-bom.csv', 'collabs-base.csv']));
    const liege = data.dataset.organisations[0];
    expect(data.encoding).toBe('orgs-semicolon-bom.csv: utf-8-bom; collabs-base.csv: utf-8');
    expect(liege).toMatchObject({ id: 'liege-hospital', name: 'CHU Liège', lat: 50.5663, lon: 5.5655, members: 1200 });
  });

  test('Windows-1252: é ü ö ç ß and the 0x80–0x9F range (€ – „ “) decode as browsers do', async () => {
    const data = dataOf(await importFixtures(['orgs-cp1252.csv', 'collabs-cp1252.csv']));
    expect(data.encoding).toBe('windows-1252');
    expect(data.dataset.organisations.map((o) => o.name)).toEqual([
      'Café Santé Genève',
      'Münchner Gesundheitslabor',
      'Kölner Biotech-Allianz',
    ]);
    expect(data.dataset.organisations[0]?.description).toBe('Straße 5 – Kosten 1.000 €');
    expect(data.dataset.organisations[2]?.description).toBe('façade, garçon, naïve');
    expect(data.dataset.collaborations[1]?.label).toBe('Projekt „Größe“');
  });

  test('day-first dates at day precision; end of a DD.MM.YYYY period', async () => {
    const c = dataOf(await importFixtures(['orgs-base.csv', 'collabs-day-first.csv'])).dataset.collaborations;
    expect(c.map((x) => [x.start, x.end])).toEqual([
      [{ year: 2019, month: 3, day: 15, precision: 'day' }, null],
      [
        { year: 2020, month: 2, day: 1, precision: 'day' },
        { year: 2021, month: 2, day: 28, precision: 'day' },
      ],
      [
        { year: 2018, month: 6, day: 5, precision: 'day' },
        { year: 2019, month: 12, day: 31, precision: 'day' },
      ],
    ]);
  });

  test('a consistent US column is read month-first, the sibling column follows it', async () => {
    const c = dataOf(await importFixtures(['orgs-base.csv', 'collabs-us-dates.csv'])).dataset.collaborations;
    expect(c[0]?.start).toEqual({ year: 2019, month: 3, day: 15, precision: 'day' });
    expect(c[1]?.start).toEqual({ year: 2020, month: 2, day: 1, precision: 'day' });
    expect(c[1]?.end).toEqual({ year: 2021, month: 12, day: 31, precision: 'day' });
  });

  test('Gephi: Time Interval with a gap gives one collaboration per interval; Type is the direction', async () => {
    const data = dataOf(await importFixtures(['gephi-nodes.csv', 'gephi-edges.csv']));
    const c = data.dataset.collaborations;
    expect(c.map((x) => [x.id, x.start?.year ?? null, x.end?.year ?? null, x.directed])).toEqual([
      ['0', 2016, 2019, false],
      ['0#2', 2021, 2023, false],
      ['1', 2020, 2020, true],
      ['2', null, null, false],
    ]);
    expect(c[1]?.attributes).toMatchObject({ interval: '2/2' });
    expect(c[2]).toMatchObject({ label: 'funding', weight: 2, start: { month: 3, day: 1 } });
    const liege = data.dataset.organisations[0];
    expect(liege).toMatchObject({ nuts: 'BE33', country: 'BE', lat: 50.5663, type: 'hospital' });
    expect(liege?.attributes).toEqual({ 'Modularity Class': '0' });
  });

  test('Kumu: names are ids, Type is the kind, Direction mutual/directed, pipe lists trimmed', async () => {
    const data = dataOf(await importFixtures(['kumu-elements.csv', 'kumu-connections.csv']));
    const [liege, silesia, stuttgart] = data.dataset.organisations;
    expect(liege).toMatchObject({
      id: 'CHU Liège',
      name: 'CHU Liège',
      type: 'hospital',
      themes: ['hospital', 'clinical trials'],
      country: 'BE',
    });
    expect(silesia?.themes).toEqual(['medtech', 'digital health']);
    expect(stuttgart?.themes).toEqual(['biotech', 'ai']);
    const c = data.dataset.collaborations;
    expect(c.map((x) => [x.source, x.target, x.kind, x.directed, x.start?.year])).toEqual([
      ['CHU Liège', 'Śląski Klaster MedTech', 'partnership', false, 2019],
      ['Śląski Klaster MedTech', 'Universität Baden-Württemberg', 'funding', true, 2020],
    ]);
    expect(c[0]?.attributes).toEqual({ Tags: 'trials|imaging' });
  });

  test('a dangling endpoint that is an organisation name suggests its id', async () => {
    const result = await importFixtures(['orgs-base.csv', 'collabs-dangling.csv']);
    const named = problemsOf(result, 'error').find((p) => p.value === 'CHU Liège');
    expect(named?.message).toContain('liege-hospital');
  });

  test('the 10,000-character cell is kept whole; the report shortens it', async () => {
    const data = dataOf(await importFixtures(['orgs-long-cell.csv', 'collabs-base.csv']));
    expect(data.dataset.organisations[0]?.description).toHaveLength(10000);
  });
});
