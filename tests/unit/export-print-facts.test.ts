// Printable page facts over the real built-in data: cited sources follow what is visible, regions are counted per level.
import { describe, expect, it } from 'vitest';
import { citedSources, formatSourceDate, regionCount } from '../../src/lib/export/print-facts';
import { makePartialDate } from '../../src/lib/model/dates';
import { loadBuiltinDataset } from '../helpers/builtin';

const dataset = loadBuiltinDataset();
const all = (n: number) => new Uint8Array(n).fill(1);
const none = (n: number) => new Uint8Array(n);

describe('citedSources', () => {
  it('lists every cited source, in dataset order, when everything is visible', () => {
    const ids = new Set([
      ...dataset.collaborations.flatMap((c) => c.sources),
      ...dataset.organisations.flatMap((o) => o.sources),
    ]);
    const cited = citedSources(dataset, all(dataset.organisations.length), all(dataset.collaborations.length));
    expect(cited.map((s) => s.id)).toEqual(dataset.sources.filter((s) => ids.has(s.id)).map((s) => s.id));
    expect(cited.length).toBeGreaterThan(2);
  });

  it('lists nothing when nothing is visible, and only one collaboration’s source for one collaboration', () => {
    expect(citedSources(dataset, none(dataset.organisations.length), none(dataset.collaborations.length))).toEqual([]);
    const one = none(dataset.collaborations.length);
    one[3] = 1;
    const cited = citedSources(dataset, none(dataset.organisations.length), one);
    expect(cited.map((s) => s.id)).toEqual([...dataset.collaborations[3]!.sources]);
    expect(cited.length).toBeGreaterThan(0);
  });
});

describe('regionCount', () => {
  const orgs = [{ nuts: 'BE24' }, { nuts: 'BE21' }, { nuts: 'NL33' }, { nuts: '' }, { nuts: 'BE2' }, { nuts: 'FR' }];
  it.each<[0 | 1 | 2, number]>([
    [0, 3],
    [1, 2],
    [2, 3],
  ])('level %i counts distinct regions of visible organisations: %i', (level, expected) => {
    expect(regionCount(orgs, [1, 1, 1, 1, 1, 1], level)).toBe(expected);
  });
  it('ignores hidden organisations', () => {
    expect(regionCount(orgs, [1, 0, 0, 1, 0, 0], 2)).toBe(1);
  });
  it('grows with the data: the built-in set spans several countries', () => {
    const n = dataset.organisations.length;
    expect(regionCount(dataset.organisations, all(n), 0)).toBeGreaterThan(3);
    expect(regionCount(dataset.organisations, all(n), 2)).toBeGreaterThan(
      regionCount(dataset.organisations, all(n), 0),
    );
  });
});

describe('formatSourceDate', () => {
  it.each<[string, number, number | undefined, number | undefined, string]>([
    ['en-GB', 2021, 11, 18, '18 November 2021'],
    ['nl-BE', 2024, 5, undefined, 'mei 2024'],
    ['fr-BE', 2024, 5, undefined, 'mai 2024'],
    ['fr-BE', 2021, undefined, undefined, '2021'],
  ])('%s %i-%s-%s → %s', (locale, y, m, d, expected) => {
    expect(formatSourceDate(makePartialDate(y, m, d)!, locale)).toBe(expected);
  });
});
