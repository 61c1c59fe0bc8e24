// Proves the filter menus offer exactly the values present, counted, most frequent first, ties by name.
import { describe, expect, it } from 'vitest';
import { filterOptions } from '../../src/lib/state/filter-options';
import { compileDataset } from '../../src/lib/model/compiled';
import type { Dataset } from '../../src/lib/model/types';
import { collab, org } from '../helpers/map-dataset';
import { loadBuiltinDataset } from '../helpers/builtin';

/** The plain way: tally the strings of the records. */
function tally(values: readonly string[]) {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

describe('filterOptions', () => {
  it('counts types, countries and kinds; leaves out empty countries and absent values', () => {
    const dataset: Dataset = {
      name: 'small',
      sources: [],
      organisations: [
        org('a', { type: 'university', country: 'BE' }),
        org('b', { type: 'company', country: 'NL' }),
        org('c', { type: 'company', country: 'BE' }),
        org('d', { type: 'cluster', country: '' }),
      ],
      collaborations: [
        { ...collab('a', 'b', '2018'), kind: 'project' },
        { ...collab('b', 'c', '2019'), kind: 'event' },
        { ...collab('c', 'd', '2020'), kind: 'project' },
      ],
    };
    expect(filterOptions(compileDataset(dataset))).toEqual({
      types: [
        { value: 'company', count: 2 },
        { value: 'cluster', count: 1 },
        { value: 'university', count: 1 },
      ],
      countries: [
        { value: 'BE', count: 2 },
        { value: 'NL', count: 1 },
      ],
      kinds: [
        { value: 'project', count: 2 },
        { value: 'event', count: 1 },
      ],
    });
  });

  it('agrees with tallying the records of the built-in dataset', () => {
    const dataset = loadBuiltinDataset();
    const options = filterOptions(compileDataset(dataset));
    expect(options.types).toEqual(tally(dataset.organisations.map((o) => o.type)));
    expect(options.countries).toEqual(tally(dataset.organisations.map((o) => o.country)));
    expect(options.kinds).toEqual(tally(dataset.collaborations.map((c) => c.kind)));
    expect(options.kinds.length).toBeGreaterThan(2);
  });
});
