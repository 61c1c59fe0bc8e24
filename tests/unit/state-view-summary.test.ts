// Proves the graph and map text alternatives: counts, window dates, top names and the selection, in en/nl/fr.
import { describe, expect, it } from 'vitest';
import { graphSummary, mapSummary, topK, type SummaryInput } from '../../src/lib/state/view-summary';
import { Visibility } from '../../src/lib/state/visibility';
import { dayNumber } from '../../src/lib/model/dates';
import type { Selection } from '../../src/lib/state/view-state';
import type { Lang } from '../../src/lib/i18n';
import { collab, compile, org } from '../helpers/map-dataset';

// Liège has three partners in two regions; Śląskie one; the 2030 collaboration is outside the window.
const compiled = compile(
  [
    org('liege', { name: 'Liège Biotech', country: 'BE', nuts: 'BE33' }),
    org('rhone', { name: 'Rhône-Alpes Santé', country: 'FR', nuts: 'FRK2' }),
    org('lyon', { name: 'Lyon Med', country: 'FR', nuts: 'FRK2' }),
    org('slask', { name: 'Śląskie Med', country: 'PL', nuts: 'PL22' }),
    org('bw', { name: 'Baden-Württemberg Cluster', country: 'DE', nuts: 'DE11' }),
  ],
  [
    collab('liege', 'rhone', '2016-03', '2018'),
    collab('liege', 'lyon', '2017'),
    collab('liege', 'slask', '2019'),
    collab('rhone', 'lyon', '2020'),
    collab('bw', 'slask', '2030'),
  ],
);
const window = { from: dayNumber(2016, 1, 1), to: dayNumber(2021, 12, 31) };
const vis = new Visibility(
  compiled,
  { window, mode: 'active', includeUndated: true },
  { types: [], countries: [], kinds: [] },
);
const names: Record<string, string> = { BE33: 'Prov. Liège', FRK2: 'Rhône-Alpes', PL22: 'Śląskie', DE11: 'Stuttgart' };

function input(lang: Lang, selection: Selection = { kind: 'none' }): SummaryInput {
  return { lang, compiled, vis, window, selection, regionName: (c) => names[c] ?? c };
}

describe('graphSummary', () => {
  it('counts, window and the most connected organisations, in English', () => {
    expect(graphSummary(input('en'))).toBe(
      '4 organisations, 4 collaborations from January 2016 to December 2021; ' +
        'most connected: Liège Biotech (3), Rhône-Alpes Santé (2) and Lyon Med (2).',
    );
  });

  it('describes the selected organisation with its partners and their regions', () => {
    expect(graphSummary(input('en', { kind: 'org', id: 'liege' }))).toContain(
      'selected: Liège Biotech, 3 partners in 2 regions.',
    );
    expect(graphSummary(input('en', { kind: 'org', id: 'slask' }))).toContain(
      'selected: Śląskie Med, 1 partner in 1 region.',
    );
  });

  it('is translated with the language’s own dates, lists and punctuation', () => {
    const nl = graphSummary(input('nl', { kind: 'org', id: 'liege' }));
    expect(nl).toContain('4 organisaties, 4 samenwerkingen van januari 2016 tot december 2021');
    expect(nl).toContain('Rhône-Alpes Santé (2) en Lyon Med (2)');
    expect(nl).toContain('geselecteerd: Liège Biotech, 3 partners in 2 regio’s');
    const fr = graphSummary(input('fr'));
    expect(fr).toContain('4 organisations, 4 collaborations de janvier 2016 à décembre 2021');
    expect(fr).toContain('les plus connectées : Liège Biotech (3), Rhône-Alpes Santé (2) et Lyon Med (2)');
  });

  it('formats large numbers per locale', () => {
    const big = {
      ...vis,
      visibleOrgs: 50_000,
      visibleCollabs: 250_000,
      orgVisible: vis.orgVisible,
      orgDegree: vis.orgDegree,
      collabVisible: vis.collabVisible,
    };
    expect(graphSummary({ ...input('en'), vis: big })).toMatch(/^50,000 organisations, 250,000 collaborations/);
    expect(graphSummary({ ...input('fr'), vis: big })).toMatch(
      /^50\u202f000 organisations, 250\u202f000 collaborations/,
    );
  });

  it('names a selected region and a selected pair', () => {
    expect(graphSummary(input('en', { kind: 'region', code: 'FRK2' }))).toContain(
      'selected: Rhône-Alpes, 2 organisations shown.',
    );
    expect(graphSummary(input('en', { kind: 'pair', a: 'BE33', b: 'PL22' }))).toContain(
      'selected: collaborations between Prov. Liège and Śląskie.',
    );
  });
});

describe('mapSummary', () => {
  const regionCodes = ['BE33', 'DE11', 'FRK2', 'PL22'];
  const regionAt = Int32Array.from(compiled.dataset.organisations.map((o) => regionCodes.indexOf(o.nuts)));
  it('counts regions with organisations shown and names the most active', () => {
    expect(mapSummary({ ...input('en'), regionAt, regionCodes })).toBe(
      '3 regions with organisations shown; most active: Rhône-Alpes (2), Prov. Liège (1) and Śląskie (1).',
    );
  });
  it('says so when nothing is shown', () => {
    const none = {
      ...vis,
      orgVisible: new Uint8Array(5),
      orgDegree: new Int32Array(5),
      visibleOrgs: 0,
      visibleCollabs: 0,
      collabVisible: vis.collabVisible,
    };
    expect(mapSummary({ ...input('fr'), vis: none, regionAt, regionCodes })).toBe(
      'Aucune région n’a d’organisation affichée.',
    );
  });
});

describe('topK', () => {
  it('keeps the k largest positive values, ties in index order', () => {
    const v = [0, 5, 3, 5, 9, 1];
    expect(
      topK(
        v.length,
        3,
        (i) => v[i]!,
        () => true,
      ),
    ).toEqual([4, 1, 3]);
    expect(
      topK(
        v.length,
        3,
        (i) => v[i]!,
        (i) => i !== 4,
      ),
    ).toEqual([1, 3, 2]);
    expect(
      topK(
        v.length,
        2,
        () => 0,
        () => true,
      ),
    ).toEqual([]);
  });
});
