// Proves the table rows: only what is shown, accent-blind filtering, stable sorting, pages that follow the selection.
import { describe, expect, it } from 'vitest';
import {
  clampPage,
  collabRows,
  collabValue,
  filterRows,
  foldText,
  orgRows,
  orgValue,
  pageHolding,
  sortRows,
  toggleSort,
} from '../../src/lib/table/table-rows';
import { Visibility } from '../../src/lib/state/visibility';
import { dayNumber } from '../../src/lib/model/dates';
import { collab, compile, org } from '../helpers/map-dataset';

// Five organisations with diacritics; Baden-Württemberg's only collaboration (2030) is outside the window.
const compiled = compile(
  [
    org('liege', { name: 'Liège Biotech', country: 'BE', nuts: 'BE33', type: 'cluster' }),
    org('rhone', { name: 'Rhône-Alpes Santé', country: 'FR', nuts: 'FRK2', type: 'company' }),
    org('lyon', { name: 'lyon med', country: 'FR', nuts: 'FRK2', type: 'hospital' }),
    org('slask', { name: 'Śląskie Med', country: 'PL', nuts: 'PL22', type: 'cluster' }),
    org('bw', { name: 'Baden-Württemberg Cluster', country: 'DE', nuts: 'DE11' }),
  ],
  [
    collab('liege', 'rhone', '2016-03', '2018'),
    collab('liege', 'lyon', '2017'),
    collab('liege', 'slask', '2019', ''),
    collab('rhone', 'lyon', ''),
    collab('bw', 'slask', '2030'),
  ],
);
const window = { from: dayNumber(2016, 1, 1), to: dayNumber(2021, 12, 31) };
const vis = new Visibility(
  compiled,
  { window, mode: 'active', includeUndated: true },
  { types: [], countries: [], kinds: [] },
);
const names: Record<string, string> = { BE33: 'Prov. Liège', FRK2: 'Rhône-Alpes', PL22: 'Śląskie' };
const orgs = orgRows(compiled, vis.orgVisible, vis.orgDegree, (c) => names[c] ?? c);
const collabs = collabRows(compiled, vis.collabVisible);
const collator = new Intl.Collator('fr', { sensitivity: 'base' }).compare;

describe('row building', () => {
  it('lists only the organisations and collaborations shown, with shown degrees', () => {
    expect(orgs.map((r) => [r.name, r.degree, r.region])).toEqual([
      ['Liège Biotech', 3, 'Prov. Liège'],
      ['Rhône-Alpes Santé', 2, 'Rhône-Alpes'],
      ['lyon med', 2, 'Rhône-Alpes'],
      ['Śląskie Med', 1, 'Śląskie'],
    ]);
    expect(collabs.map((r) => [r.a, r.b, r.start, r.end])).toEqual([
      ['Liège Biotech', 'Rhône-Alpes Santé', '2016-03', '2018'],
      ['Liège Biotech', 'lyon med', '2017', '2017'],
      ['Liège Biotech', 'Śląskie Med', '2019', ''],
      ['Rhône-Alpes Santé', 'lyon med', '', ''],
    ]);
  });
});

describe('filterRows', () => {
  const fields = (r: (typeof orgs)[number]) => [r.name, r.type, r.country, r.region];
  it('ignores accents and case, and needs every word', () => {
    expect(foldText('Śląskie Łódź')).toBe('slaskie lodz');
    expect(filterRows(orgs, 'slaskie', fields).map((r) => r.name)).toEqual(['Śląskie Med']);
    expect(filterRows(orgs, 'RHONE', fields).map((r) => r.name)).toEqual(['Rhône-Alpes Santé', 'lyon med']);
    expect(filterRows(orgs, 'rhone hospital', fields).map((r) => r.name)).toEqual(['lyon med']);
    expect(filterRows(orgs, '  ', fields)).toHaveLength(4);
    expect(filterRows(orgs, 'nowhere', fields)).toEqual([]);
  });
});

describe('sortRows', () => {
  it('sorts text with the locale collator and numbers numerically, ties by dataset order', () => {
    const byName = sortRows(orgs, { column: 'name', descending: false }, orgValue, collator);
    expect(byName.map((r) => r.name)).toEqual(['Liège Biotech', 'lyon med', 'Rhône-Alpes Santé', 'Śląskie Med']);
    const byDegree = sortRows(orgs, { column: 'degree', descending: true }, orgValue, collator);
    expect(byDegree.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    const byRegion = sortRows(orgs, { column: 'region', descending: true }, orgValue, collator);
    expect(byRegion.map((r) => r.index)).toEqual([3, 1, 2, 0]);
  });
  it('sorts dates by day: undated first, open ends last', () => {
    const byStart = sortRows(collabs, { column: 'start', descending: false }, collabValue, collator);
    expect(byStart.map((r) => r.start)).toEqual(['', '2016-03', '2017', '2019']);
    const byEnd = sortRows(collabs, { column: 'end', descending: true }, collabValue, collator);
    expect(byEnd[0]!.start).toBe('2019');
  });
  it('flips the same column and starts a new one ascending', () => {
    expect(toggleSort({ column: 'name', descending: false }, 'name')).toEqual({ column: 'name', descending: true });
    expect(toggleSort({ column: 'name', descending: true }, 'degree')).toEqual({ column: 'degree', descending: false });
  });
});

describe('pages', () => {
  it('finds the page holding a row and keeps pages in range', () => {
    expect(pageHolding(250, 100, 0)).toBe(2);
    expect(pageHolding(-1, 100, 1)).toBe(1);
    expect(clampPage(5, 250, 100)).toBe(2);
    expect(clampPage(-1, 250, 100)).toBe(0);
    expect(clampPage(3, 0, 100)).toBe(0);
  });
  it('stays fast at 50,000 rows', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({
      ...orgs[i % 4]!,
      index: i,
      name: `Org ${(i * 7919) % 50_000}`,
    }));
    const t0 = performance.now();
    const sorted = sortRows(
      filterRows(many, 'org', (r) => [r.name]),
      { column: 'name', descending: false },
      orgValue,
      collator,
    );
    expect(sorted).toHaveLength(50_000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
