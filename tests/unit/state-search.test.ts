// Proves type-ahead search on the built-in data: case/diacritic-insensitive names and aliases, prefixes first, regions by name or code.
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../src/lib/model/compiled';
import { normaliseName } from '../../src/lib/regions/region-index';
import { makeSearchIndex, searchAll, type SearchHit } from '../../src/lib/state/search-index';
import { loadBuiltinDataset, loadRegionIndex } from '../helpers/builtin';

const compiled = compileDataset(loadBuiltinDataset());
const index = makeSearchIndex(compiled, loadRegionIndex());
const orgs = compiled.dataset.organisations;

const search = (query: string, limit?: number): SearchHit[] => searchAll(index, compiled, query, limit);
const orgIds = (hits: SearchHit[]): string[] => hits.flatMap((h) => (h.kind === 'org' ? [orgs[h.index]!.id] : []));
const regionCodes = (hits: SearchHit[]): string[] => hits.flatMap((h) => (h.kind === 'region' ? [h.code] : []));

/** Every name an organisation can be found by, normalised. */
const keysOf = (i: number): string[] => [orgs[i]!.name, ...orgs[i]!.aliases, orgs[i]!.id].map(normaliseName);

describe('organisations', () => {
  it.each([
    ['medvia', 'medvia'],
    ['MEDVIA', 'medvia'],
    ['Médvia', 'medvia'],
    ['  medVIA ', 'medvia'],
    ['flanders.healthtech', 'medvia'], // alias of MEDVIA
    ['FLANDERS HEALTHTECH', 'medvia'],
    ['flanders.healthtech', 'flanders-healthtech'],
    ['biowin', 'biowin'],
    ['attache', 'fit-technology-attache-copenhagen'], // name has "Attaché"
    ['ATTACHÉ', 'fit-technology-attache-copenhagen'],
    ['slaskie', 'region-slaskie'], // "Śląskie"
    ['silezie', 'region-slaskie'], // alias "Silezië"
    ['wurttemberg', 'region-baden-wurttemberg'],
    ['rhone alpes', 'region-auvergne-rhone-alpes'],
    ['dunantul', 'region-del-dunantul'],
    ['ERDF', 'efro'], // alias
    ['dsp-valley', 'dsp-valley'], // the id
  ])('%j finds %s', (query, id) => {
    expect(orgIds(search(query))).toContain(id);
  });

  it('an organisation is listed once even when several of its names match', () => {
    const ids = orgIds(search('flanders', 100));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === 'medvia')).toHaveLength(1);
  });

  it('org hits carry the display name and a type · place detail', () => {
    const hit = search('biowin').find((h) => h.kind === 'org');
    expect(hit).toMatchObject({ kind: 'org', label: 'BioWin', detail: 'cluster · BE3' });
  });

  // Queries where some organisations match at the start of a name and others only inside one.
  it.each(['flanders', 'health', 'welcome', 'european', 'medtech', 'smart', 'cluster', 'lim', 'brightlands', 'bio'])(
    '%j: every organisation with a name, alias or id starting with the query comes before the inner matches',
    (query) => {
      const q = normaliseName(query);
      const hits = search(query, 500).filter((h) => h.kind === 'org');
      const isPrefix = hits.map((h) => keysOf((h as { index: number }).index).some((k) => k.startsWith(q)));
      const firstInner = isPrefix.indexOf(false);
      expect(isPrefix.some(Boolean)).toBe(true);
      if (firstInner >= 0) expect(isPrefix.slice(firstInner).some(Boolean), JSON.stringify(orgIds(hits))).toBe(false);
      // And nothing that does not match at all.
      hits.forEach((h) => expect(keysOf((h as { index: number }).index).some((k) => k.includes(q))).toBe(true));
    },
  );

  it('an alias starting with the query ranks as a prefix match even when the name only contains it', () => {
    // "Brightlands Maastricht Health Campus", alias "Health Campus Maastricht".
    const ids = orgIds(search('health', 500));
    const campus = ids.indexOf('brightlands-maastricht-health-campus');
    const inner = ids.indexOf('smart-hub-health-belgium'); // "Smart Hub Health – Belgium": inside only
    expect(campus).toBeGreaterThanOrEqual(0);
    expect(campus).toBeLessThan(inner);
  });

  it('every organisation is found by its own full name', () => {
    orgs.forEach((o, i) => {
      const hits = search(o.name, 500);
      expect(
        hits.some((h) => h.kind === 'org' && h.index === i),
        o.name,
      ).toBe(true);
    });
  });
});

describe('regions', () => {
  it.each([
    ['Limburg', ['BE22', 'NL42']],
    ['limburg', ['BE22', 'NL42']],
    ['NL42', ['NL42']],
    ['nl42', ['NL42']],
    ['liege', ['BE33']],
    ['Liège', ['BE33']],
    ['LIÈGE', ['BE33']],
    ['slaskie', ['PL22']],
    ['Śląskie', ['PL22']],
    ['württemberg', ['DE1']],
    ['rhone-alpes', ['FRK2']],
    ['vlaams gewest', ['BE2']],
    ['BE3', ['BE3']],
  ])('%j finds %j', (query, codes) => {
    const found = regionCodes(search(query, 50));
    for (const code of codes) expect(found).toContain(code);
  });

  it('region hits name their NUTS level and code', () => {
    const hit = search('NL42').find((h) => h.kind === 'region' && h.code === 'NL42');
    expect(hit).toEqual({ kind: 'region', code: 'NL42', label: 'Limburg (NL)', detail: 'NUTS 2 · NL42' });
  });

  it('regions come after organisations', () => {
    const hits = search('flanders', 100);
    const firstRegion = hits.findIndex((h) => h.kind === 'region');
    if (firstRegion >= 0) expect(hits.slice(firstRegion).every((h) => h.kind === 'region')).toBe(true);
  });

  it('a one-character query lists no regions', () => {
    expect(regionCodes(search('b', 500))).toEqual([]);
    expect(regionCodes(search('be', 500)).length).toBeGreaterThan(0);
  });

  it('a two-character query matches regions by prefix only', () => {
    for (const code of regionCodes(search('nl', 500))) {
      const r = index.regionKeys.filter((k) => k.code === code);
      expect(
        r.some((k) => k.key.startsWith('nl')),
        code,
      ).toBe(true);
    }
  });
});

describe('limits and empty queries', () => {
  it.each([
    ['e', 1],
    ['e', 5],
    ['e', 12],
    ['be', 3],
    ['limburg', 1],
    ['a', 40],
  ])('%j with limit %i returns at most that many', (query, limit) => {
    const hits = search(query, limit);
    expect(hits.length).toBeLessThanOrEqual(limit);
    expect(hits.length).toBe(Math.min(limit, search(query, 10_000).length));
  });

  it('the default limit is 12', () => {
    expect(search('e')).toHaveLength(12);
  });

  it.each(['', '   ', '...', '–', '\t\n'])('%j finds nothing', (query) => {
    expect(search(query)).toEqual([]);
  });
});
