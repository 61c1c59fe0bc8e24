// Proves the typed-array encoding of a dataset: UNDATED/OPEN_END sentinels, the dated span, undated count and indexes.
import { describe, expect, it } from 'vitest';
import { compileColumns, compileDataset, OPEN_END, UNDATED } from '../../src/lib/model/compiled';
import { DAY_MAX, DAY_MIN, dayNumber } from '../../src/lib/model/dates';
import { COLLABORATION_KINDS, ORGANISATION_TYPES, type Dataset } from '../../src/lib/model/types';
import { collab, org } from '../helpers/map-dataset';

const day = (y: number, m: number, d: number): number => dayNumber(y, m, d);

describe('sentinels', () => {
  it('UNDATED and OPEN_END are the Int32 extremes, so they survive an Int32Array', () => {
    expect(UNDATED).toBe(DAY_MIN);
    expect(OPEN_END).toBe(DAY_MAX);
    expect(Int32Array.of(UNDATED, OPEN_END)).toEqual(Int32Array.of(-2147483648, 2147483647));
  });
});

describe('compileDataset: one collaboration at a time', () => {
  // [start, end, expected first, expected last, what it proves]
  it.each([
    ['2017', '2017', day(2017, 1, 1), day(2017, 12, 31), 'a year covers all its days'],
    ['2017-02', '2018-02', day(2017, 2, 1), day(2018, 2, 28), 'month precision on both ends'],
    ['2016-02', '2016-02', day(2016, 2, 1), day(2016, 2, 29), 'a leap February ends on the 29th'],
    ['2017-09-03', '2017-09-03', day(2017, 9, 3), day(2017, 9, 3), 'a one-day event'],
    ['2015', '2019-06-30', day(2015, 1, 1), day(2019, 6, 30), 'mixed precisions'],
    ['2019-03', '', day(2019, 3, 1), OPEN_END, 'an empty end is open-ended'],
    ['', '', UNDATED, UNDATED, 'an empty start is undated'],
    ['', '2020', UNDATED, UNDATED, 'an end without a start is still undated'],
  ])('%j – %j → first/last (%s)', (start, end, first, last) => {
    const c = compileDataset({
      name: 'one',
      sources: [],
      organisations: [org('a'), org('b')],
      collaborations: [collab('a', 'b', start, end)],
    });
    expect(c.collabFirst[0]).toBe(first);
    expect(c.collabLast[0]).toBe(last);
    expect(c.undatedCount).toBe(first === UNDATED ? 1 : 0);
  });
});

describe('compileDataset: span and counts', () => {
  const orgs = [org('a'), org('b'), org('c')];
  it.each([
    // [collaborations as [start, end], firstDay, lastDatedDay, undatedCount]
    [[], UNDATED, UNDATED, 0],
    [[['', '']], UNDATED, UNDATED, 1],
    [
      [
        ['', ''],
        ['', ''],
      ],
      UNDATED,
      UNDATED,
      2,
    ],
    [[['2017', '2018']], day(2017, 1, 1), day(2018, 12, 31), 0],
    // An open end contributes its start, never OPEN_END, to the latest dated day.
    [[['2019-03', '']], day(2019, 3, 1), day(2019, 3, 1), 0],
    [
      [
        ['2019-03', ''],
        ['2012', '2014'],
        ['', ''],
      ],
      day(2012, 1, 1),
      day(2019, 3, 1),
      1,
    ],
    [
      [
        ['2021-05-04', '2021-05-04'],
        ['2010', '2011-06'],
        ['2016', ''],
        ['', ''],
        ['2020', '2023'],
      ],
      day(2010, 1, 1),
      day(2023, 12, 31),
      1,
    ],
  ] as [[string, string][], number, number, number][])(
    'collaborations %j → firstDay %i, lastDatedDay %i, undated %i',
    (periods, first, lastDated, undated) => {
      const c = compileDataset({
        name: 'span',
        sources: [],
        organisations: orgs,
        collaborations: periods.map(([s, e], k) => ({ ...collab('a', 'b', s, e), id: `c${k}` })),
      });
      expect(c.firstDay).toBe(first);
      expect(c.lastDatedDay).toBe(lastDated);
      expect(c.undatedCount).toBe(undated);
      expect(c.collabCount).toBe(periods.length);
    },
  );
});

describe('compileDataset: index mapping', () => {
  const dataset: Dataset = {
    name: 'mapping',
    sources: [],
    organisations: [
      org('uliege', { name: 'Université de Liège', type: 'university' }),
      org('lyonbiopole', { name: 'Lyonbiopôle', type: 'cluster' }),
      org('chu-liege', { name: 'CHU de Liège', type: 'hospital' }),
      org('slaskie', { name: 'Śląskie Centrum', type: 'region' }),
    ],
    collaborations: [
      { ...collab('lyonbiopole', 'uliege', '2017'), kind: 'project' },
      { ...collab('chu-liege', 'chu-liege', '2018'), kind: 'other' }, // a self-loop keeps both ends
      { ...collab('slaskie', 'lyonbiopole', '2019'), kind: 'funding' },
    ],
  };
  const c = compileDataset(dataset);

  it('keeps the dataset and its sizes', () => {
    expect(c.dataset).toBe(dataset);
    expect(c.orgCount).toBe(4);
    expect(c.collabCount).toBe(3);
  });

  it.each([
    ['uliege', 0],
    ['lyonbiopole', 1],
    ['chu-liege', 2],
    ['slaskie', 3],
  ])('orgIndexById(%s) = %i, in file order', (id, index) => {
    expect(c.orgIndexById.get(id)).toBe(index);
    expect(dataset.organisations[index]!.id).toBe(id);
  });

  it('with columns built elsewhere (the import worker), indexes ids on first use, once', () => {
    const fromWorker = compileDataset(dataset, compileColumns(dataset));
    const first = fromWorker.orgIndexById;
    expect([...first]).toEqual([...c.orgIndexById]);
    expect(fromWorker.orgIndexById).toBe(first);
  });

  it.each([
    [0, 1, 0, 'project'],
    [1, 2, 2, 'other'],
    [2, 3, 1, 'funding'],
  ] as const)('collaboration %i runs %i → %i with kind %s', (j, source, target, kind) => {
    expect(c.collabSource[j]).toBe(source);
    expect(c.collabTarget[j]).toBe(target);
    expect(COLLABORATION_KINDS[c.collabKind[j]!]).toBe(kind);
  });

  it('orgType indexes ORGANISATION_TYPES', () => {
    expect([...c.orgType].map((t) => ORGANISATION_TYPES[t])).toEqual(['university', 'cluster', 'hospital', 'region']);
  });

  it('throws a module-prefixed error for a missing endpoint', () => {
    const broken: Dataset = { ...dataset, collaborations: [collab('uliege', 'nobody', '2017')] };
    expect(() => compileDataset(broken)).toThrow(/^atlas: collaboration .* missing endpoint/);
  });
});
