// The import worker's record columns: what the page rebuilds is the importer's records, key order and all.
import { describe, expect, test } from 'vitest';
import {
  columnBuffers,
  decodeCollaborations,
  decodeOrganisations,
  encodeCollaborations,
  encodeOrganisations,
} from '../../src/lib/io/record-columns';
import type { Collaboration, Dataset, Organisation } from '../../src/lib/model/types';
import { loadBuiltinDataset } from '../helpers/builtin';
import { collab, org } from '../helpers/map-dataset';
import { dataOf, importFixtures } from './io-helpers';

/** Through the columns as the worker sends them: in slices, cloned as a message is, collaborations after all orgs. */
function roundTrip(dataset: Dataset, slice = 3): { organisations: Organisation[]; collaborations: Collaboration[] } {
  const organisations: Organisation[] = [];
  const collaborations: Collaboration[] = [];
  for (let i = 0; i < dataset.organisations.length; i += slice) {
    const columns = encodeOrganisations(dataset.organisations.slice(i, i + slice));
    organisations.push(...decodeOrganisations(structuredClone(columns, { transfer: columnBuffers(columns) })));
  }
  const index = new Map(dataset.organisations.map((o, k) => [o.id, k]));
  for (let i = 0; i < dataset.collaborations.length; i += slice) {
    const columns = encodeCollaborations(dataset.collaborations.slice(i, i + slice), index);
    collaborations.push(
      ...decodeCollaborations(structuredClone(columns, { transfer: columnBuffers(columns) }), organisations),
    );
  }
  return { organisations, collaborations };
}

/** `importerOrder`: the records come from the importer, whose key order the rebuilt records keep too. */
function expectSame(dataset: Dataset, slice?: number, importerOrder = true): void {
  const back = roundTrip(dataset, slice);
  expect(back.organisations).toStrictEqual(dataset.organisations);
  expect(back.collaborations).toStrictEqual(dataset.collaborations);
  // Key order: project JSON and exports written from the rebuilt records read the same.
  if (importerOrder)
    expect(JSON.stringify(back)).toBe(
      JSON.stringify({ organisations: dataset.organisations, collaborations: dataset.collaborations }),
    );
}

describe('record columns', () => {
  test('the built-in dataset comes back as it was', () => {
    expectSame(loadBuiltinDataset());
    expectSame(loadBuiltinDataset(), 1000);
  });

  test.each([
    [['orgs-base.csv', 'collabs-base.csv']],
    [['orgs-base.csv', 'collabs-day-first.csv']],
    [['gexf13-spells.gexf']],
    [['gexf12-viz.gexf']],
    [['kumu-elements.csv', 'kumu-connections.csv']],
    [['yed-all-keys.graphml']],
  ])('imported files come back as the importer made them: %s', async (names) => {
    const { dataset } = dataOf(await importFixtures(names));
    expect(dataset.organisations.length).toBeGreaterThan(0);
    expectSame(dataset);
  });

  test('a project file comes back with the same records (its reader orders keys by its schema)', async () => {
    expectSame(dataOf(await importFixtures(['project-v1.json'])).dataset, 3, false);
  });

  test('nulls, partial dates, people, loose endpoints and odd attribute keys survive', () => {
    const a = org('a', {
      lat: 0,
      lon: null,
      founded: 1999,
      members: null,
      employees: 0,
      aliases: ['Å', ''],
      people: [
        { name: 'Ann', role: '' },
        { name: '', role: 'chair' },
      ],
      attributes: Object.defineProperty({ b: '2', a: '1' }, '__proto__', {
        value: 'x',
        enumerable: true,
        writable: true,
        configurable: true,
      }),
    });
    const b = org('b', { attributes: { a: '1', b: '2' } });
    // Key lists that would read the same if joined with a separator stay apart.
    const c = org('c', { attributes: { 'a\u0000b': '3' } });
    const d = org('d', { attributes: { a: '4', b: '5' } });
    const c1: Collaboration = { ...collab('a', 'b', '2019', '2021-03'), approximate: true, weight: 2.5 };
    const c2: Collaboration = { ...collab('b', 'a', '2020-02-29', ''), directed: true, end: null };
    const undated: Collaboration = { ...collab('a', 'gone', '', ''), start: null, end: null };
    const dataset: Dataset = {
      name: 'edge cases',
      sources: [],
      organisations: [a, b, c, d],
      collaborations: [c1, c2, undated],
    };
    expectSame(dataset, 2, false);
    const back = roundTrip(dataset, 2);
    expect(back.collaborations[2]!.target).toBe('gone');
    expect(Object.getPrototypeOf(back.organisations[0]!.attributes)).toBe(Object.prototype);
    expect(Object.keys(back.organisations[0]!.attributes)).toEqual(['b', 'a', '__proto__']);
    expect(back.collaborations[0]!.start).toStrictEqual({ year: 2019, precision: 'year' });
    expect(back.collaborations[0]!.end).toStrictEqual({ year: 2021, month: 3, precision: 'month' });
  });
});
