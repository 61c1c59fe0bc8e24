// Exported figures speak the interface language: captions (with Intl dates and numbers), legends, footer, attribution.
import { describe, expect, it } from 'vitest';
import { captionText, type CaptionInput } from '../../src/lib/export/caption';
import { figureWords } from '../../src/lib/export/figure-words';
import { graphSceneToSvg } from '../../src/lib/export/graph-svg';
import { mapSceneToSvg } from '../../src/lib/export/map-svg';
import { LOCALES, translate, type Lang } from '../../src/lib/i18n';
import { dayNumber } from '../../src/lib/model/dates';
import { miniMapInput, smallGraphScene, TEXT } from '../fixtures/export/scenes';
import { svgTexts, xmlProblems } from '../fixtures/export/xml-check';

const words = (lang: Lang, metric?: 'organisations' | 'collaborations') =>
  figureWords((key) => translate(lang, key), metric);

const base = (lang: Lang): CaptionInput => ({
  window: { from: dayNumber(2016, 1, 1), to: dayNumber(2021, 12, 31) },
  mode: 'active',
  precision: 'month',
  counts: { organisations: 1234, collaborations: 1 },
  locale: LOCALES[lang],
  messages: words(lang).caption,
});

describe('captions in each language', () => {
  it.each<[Lang, Partial<CaptionInput>, string]>([
    ['en', {}, 'Collaborations active from Jan 2016 to Dec 2021 · 1,234 organisations, 1 collaboration'],
    ['nl', {}, 'Samenwerkingen actief van jan 2016 tot dec 2021 · 1.234 organisaties, 1 samenwerking'],
    // fr-BE groups thousands with a narrow no-break space (U+202F).
    ['fr', {}, 'Collaborations actives de janv. 2016 à déc. 2021 · 1\u202f234 organisations, 1 collaboration'],
    [
      'nl',
      { mode: 'cumulative', filters: { kinds: ['project'], countries: ['België'] }, showUndated: true },
      'Samenwerkingen gestart tot en met dec 2021 · landen: België · soorten: project · ongedateerde inbegrepen · 1.234 organisaties, 1 samenwerking',
    ],
    [
      'fr',
      { window: { from: dayNumber(2017, 1, 1), to: dayNumber(2017, 12, 31) }, precision: undefined },
      'Collaborations actives en 2017 · 1\u202f234 organisations, 1 collaboration',
    ],
    [
      'fr',
      { window: null, counts: { organisations: 2, collaborations: 0 } },
      'Toutes les collaborations · 2 organisations, 0 collaboration',
    ],
  ])('%s: %j', (lang, input, expected) => {
    expect(captionText({ ...base(lang), ...input })).toBe(expected);
  });
});

describe('figure words', () => {
  it('differ per language and never fall back to English in nl or fr', () => {
    const en = words('en');
    for (const lang of ['nl', 'fr'] as const) {
      const w = words(lang);
      expect(w.caption.active).not.toBe(en.caption.active);
      expect(w.footer.data).not.toBe(en.footer.data);
      expect(w.mapLegend.metric).not.toBe(en.mapLegend.metric);
      expect(w.mapLegend.exact).not.toBe(en.mapLegend.exact);
      expect(w.graphLabel).not.toBe(en.graphLabel);
      expect(w.attribution).toContain('© EuroGeographics');
    }
  });

  it('name the map legend after the metric', () => {
    expect(words('nl', 'organisations').mapLegend.metric).toBe('Organisaties per regio');
    expect(words('nl', 'collaborations').mapLegend.metric).toBe('Samenwerkingen per regio');
  });
});

describe('figures in French', () => {
  const w = words('fr');
  const text = { ...TEXT, title: '', caption: 'Légende', footer: w.footer, attribution: w.attribution };

  it('the map figure has a French legend, footer and attribution, and is well-formed XML', () => {
    const svg = mapSceneToSvg(
      { ...miniMapInput(), legendWords: w.mapLegend, plotLabel: w.mapLabel, text },
      { background: 'white', width: 800 },
    );
    expect(xmlProblems(svg)).toEqual([]);
    const texts = svgTexts(svg).join('\n');
    expect(texts).toContain('Organisations par région');
    expect(texts).toContain('aucune');
    expect(texts).toContain('© EuroGeographics pour les limites administratives');
    expect(texts).toContain('Données:');
    expect(texts).not.toContain('Organisations per region');
    expect(svg).toContain('aria-label="Carte des régions NUTS"');
  });

  it('the graph figure names its plot and footer in French', () => {
    const svg = graphSceneToSvg(smallGraphScene({ text, plotLabel: w.graphLabel }), {
      background: 'white',
      framing: 'whole',
      width: 800,
    });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain(`aria-label="${w.graphLabel}"`);
    expect(svgTexts(svg).join('\n')).toContain('Date d’export:');
  });
});
