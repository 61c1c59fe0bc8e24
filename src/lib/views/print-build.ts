// Content of the printable page: figures as SVG text, key numbers, caption and cited sources, all in the language.
import type { AtlasState } from '../state/atlas-state.svelte';
import { countryName, translate, LOCALES, formatNumber } from '../i18n';
import { graphSceneToSvg } from '../export/graph-svg';
import { mapSceneToSvg } from '../export/map-svg';
import { citedSources, formatSourceDate, regionCount } from '../export/print-facts';
import { formatWindowCaption, windowPrecision } from '../timeline/window-input';
import { currentCaption, exportDate, exportWords, figureText, graphLegend, type ExportOptions } from './export-build';
import { graphSnapshot, mapSnapshot } from './figure-sources';

/**
 * Figure width for paper, px: on an A4 column (182 mm) the legend's 12 px text prints at about 8 pt, still readable;
 * the report width (1,200 px) would shrink it to 5 pt.
 */
export const PRINT_FIGURE_WIDTH = 760;
/** The map is taller than wide and is scaled down to fit the page height: a narrower figure keeps its legend legible. */
export const PRINT_MAP_WIDTH = 520;

export interface PrintSource {
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  readonly url: string;
}

/** Everything the print view shows; plain text and two self-contained SVG documents. */
export interface PrintContent {
  readonly lang: string;
  readonly title: string;
  readonly datasetName: string;
  readonly numbers: readonly { readonly label: string; readonly value: string; readonly key: string }[];
  readonly caption: string;
  readonly graphSvg: string;
  readonly mapSvg: string;
  readonly graphLabel: string;
  readonly mapLabel: string;
  readonly sources: readonly PrintSource[];
  readonly link: string;
  readonly made: string;
}

function filtersText(atlas: AtlasState): string {
  const t = (k: Parameters<typeof translate>[1]) => translate(atlas.lang, k);
  const f = atlas.filters;
  const parts = [
    f.types.length ? `${t('type')}: ${f.types.join(', ')}` : '',
    f.countries.length ? `${t('country')}: ${f.countries.map((c) => countryName(atlas.lang, c)).join(', ')}` : '',
    f.kinds.length ? `${t('kind')}: ${f.kinds.join(', ')}` : '',
  ].filter((p) => p !== '');
  return parts.length ? parts.join(' · ') : t('printNoFilter');
}

function windowText(atlas: AtlasState): string {
  const locale = LOCALES[atlas.lang];
  const w = atlas.window;
  const text = formatWindowCaption(w, windowPrecision(w), locale);
  return atlas.isFullSpan ? translate(atlas.lang, 'printWholeSpan', { period: text }) : text;
}

/** Builds the page from the state and the views' snapshots; `link` is the view's address (shown as text). */
export function printContent(atlas: AtlasState, options: ExportOptions, link: string): PrintContent {
  const data = atlas.data;
  const vis = atlas.visibility;
  const graph = graphSnapshot();
  const map = mapSnapshot();
  if (!data || !vis || !graph || !map) throw new Error('atlas: the graph and the map must be on screen to print');
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(atlas.lang, k, p);
  const words = exportWords(atlas);
  const locale = LOCALES[atlas.lang];
  const dataset = data.compiled.dataset;
  // The page prints title, caption, sources and date itself: the figures carry only plot, legend and attribution.
  const quiet = {
    ...figureText(atlas, { ...options, caption: false, sources: false }),
    title: '',
    datasetName: '',
    exportDate: '',
  };
  const graphSvg = graphSceneToSvg(
    { ...graph, legend: options.legend ? graphLegend(atlas, graph) : [], text: quiet, plotLabel: words.graphLabel },
    { background: 'white', framing: options.framing, width: PRINT_FIGURE_WIDTH },
  );
  const mapSvg = mapSceneToSvg(
    {
      ...map,
      legendWords: words.mapLegend,
      plotLabel: words.mapLabel,
      text: { ...quiet, attribution: words.attribution },
    },
    { background: 'white', width: PRINT_MAP_WIDTH },
  );
  const regions = regionCount(dataset.organisations, vis.orgVisible, atlas.level);
  const levelName = t(atlas.level === 0 ? 'level0' : atlas.level === 1 ? 'level1' : 'level2');
  return {
    lang: atlas.lang,
    title: options.title || dataset.name,
    datasetName: dataset.name,
    numbers: [
      { key: 'organisations', label: t('organisations'), value: formatNumber(atlas.lang, atlas.visibleOrganisations) },
      {
        key: 'collaborations',
        label: t('collaborations'),
        value: formatNumber(atlas.lang, atlas.visibleCollaborations),
      },
      { key: 'regions', label: `${t('printRegions')} (${levelName})`, value: formatNumber(atlas.lang, regions) },
      { key: 'window', label: t('printWindow'), value: windowText(atlas) },
      { key: 'mode', label: t('printMode'), value: t(atlas.mode === 'active' ? 'modeActive' : 'modeCumulative') },
      { key: 'filters', label: t('filters'), value: filtersText(atlas) },
    ],
    caption: currentCaption(atlas),
    graphSvg,
    mapSvg,
    graphLabel: words.graphLabel,
    mapLabel: words.mapLabel,
    sources: citedSources(dataset, vis.orgVisible, vis.collabVisible).map((s) => ({
      title: s.title,
      publisher: s.publisher,
      date: s.published ? t('printPublished', { date: formatSourceDate(s.published, locale) }) : t('printUndated'),
      url: s.url,
    })),
    link,
    made: t('printMade', { date: exportDate(atlas) }),
  };
}
