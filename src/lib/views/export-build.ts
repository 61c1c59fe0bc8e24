// Builds every export artifact from the state and the views' snapshots (pure apart from reading the clock once).
import type { AtlasState } from '../state/atlas-state.svelte';
import { countryName, translate, valueName, LOCALES } from '../i18n';
import { dayToIso, todayDay } from '../model/dates';
import { captionText } from '../export/caption';
import { graphFigureParts, graphSceneToSvg } from '../export/graph-svg';
import { mapFigureParts } from '../export/map-svg';
import { reportSvg } from '../export/report-svg';
import { datasetToCsv } from '../export/csv-export';
import { datasetToGexf } from '../export/gexf-export';
import { exportFileName, type ExportKind } from '../export/file-names';
import { figureToSvg, type FigureParts, type FigureText, type LegendGroup } from '../export/figure';
import { figureWords, type FigureWords } from '../export/figure-words';
import { formatSourceDate } from '../export/print-facts';
import { graphSnapshot, mapSnapshot, type GraphSnapshot } from './figure-sources';

export interface ExportOptions {
  readonly title: string;
  readonly legend: boolean;
  readonly caption: boolean;
  readonly sources: boolean;
  readonly background: 'white' | 'transparent';
  readonly framing: 'camera' | 'whole';
}

/** Figure width in CSS px: print-sized, so a 4× PNG is 4,800 px wide whatever the window size. */
export const FIGURE_WIDTH = 1200;

export interface Artifact {
  readonly fileName: string;
  readonly text: string;
  readonly type: string;
}

function fileName(atlas: AtlasState, kind: ExportKind, ext: string): string {
  return exportFileName(kind, ext, atlas.isFullSpan ? null : atlas.window, Date.now());
}

/** The figures' words in the interface language. */
export function exportWords(atlas: AtlasState): FigureWords {
  return figureWords((key) => translate(atlas.lang, key), atlas.metric);
}

/** The caption of what is shown now, in the interface language (countries by name, types and kinds translated). */
export function currentCaption(atlas: AtlasState): string {
  const f = atlas.filters;
  return captionText({
    window: atlas.window,
    mode: atlas.mode,
    filters: {
      types: f.types.map((v) => valueName(atlas.lang, 'type', v)),
      countries: f.countries.map((c) => countryName(atlas.lang, c)),
      kinds: f.kinds.map((v) => valueName(atlas.lang, 'kind', v)),
    },
    counts: { organisations: atlas.visibleOrganisations, collaborations: atlas.visibleCollaborations },
    showUndated: atlas.includeUndated,
    locale: LOCALES[atlas.lang],
    messages: exportWords(atlas).caption,
  });
}

/** Export date in the interface language. */
export function exportDate(atlas: AtlasState): string {
  return new Intl.DateTimeFormat(LOCALES[atlas.lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    todayDay() * 86_400_000,
  );
}

/** Title, caption, dataset name, sources and date, honouring the dialog's switches. */
export function figureText(atlas: AtlasState, options: ExportOptions): FigureText {
  const data = atlas.data;
  // Title, publisher and date as a reader cites them; the seed article's file name means nothing on paper.
  const sources = (data?.compiled.dataset.sources ?? []).map((s) =>
    [
      s.title,
      s.publisher,
      s.published ? formatSourceDate(s.published, LOCALES[atlas.lang]) : '',
      /^https?:\/\//i.test(s.url) ? s.url : '',
    ]
      .filter((part) => part !== '')
      .join(', '),
  );
  return {
    title: options.title,
    caption: options.caption ? currentCaption(atlas) : '',
    datasetName: data?.compiled.dataset.name ?? '',
    sources: options.sources ? sources : [],
    exportDate: exportDate(atlas),
    footer: exportWords(atlas).footer,
  };
}

export function graphLegend(atlas: AtlasState, snap: GraphSnapshot): LegendGroup[] {
  const colourTitle = {
    type: translate(atlas.lang, 'byType'),
    country: translate(atlas.lang, 'byCountry'),
    community: translate(atlas.lang, 'byCommunity'),
  }[atlas.colourBy];
  // The catalogue's words are lower-case menu options ("type"); a legend heading starts with a capital.
  const heading = colourTitle.charAt(0).toLocaleUpperCase(LOCALES[atlas.lang]) + colourTitle.slice(1);
  return [
    { title: heading, items: snap.legendKeys.colour.map((e) => ({ ...e, shape: 'circle' as const })) },
    {
      title: translate(atlas.lang, 'kind'),
      items: snap.legendKeys.edges.map((e) => ({ ...e, shape: 'line' as const, width: 2 })),
    },
  ];
}

function graphScene(atlas: AtlasState, options: ExportOptions) {
  const snap = graphSnapshot();
  if (!snap) throw new Error('atlas: the graph is not on screen');
  return {
    ...snap,
    legend: options.legend ? graphLegend(atlas, snap) : [],
    text: figureText(atlas, options),
    plotLabel: exportWords(atlas).graphLabel,
  };
}

function mapInput(atlas: AtlasState, options: ExportOptions) {
  const snap = mapSnapshot();
  if (!snap) throw new Error('atlas: the map is not on screen');
  const words = exportWords(atlas);
  return {
    ...snap,
    legendWords: words.mapLegend,
    plotLabel: words.mapLabel,
    text: { ...figureText(atlas, options), attribution: words.attribution },
  };
}

export function graphSvg(atlas: AtlasState, options: ExportOptions): Artifact {
  const scene = graphScene(atlas, options);
  const text = graphSceneToSvg(scene, {
    background: options.background,
    framing: options.framing,
    width: FIGURE_WIDTH,
  });
  return { fileName: fileName(atlas, 'graph', 'svg'), text, type: 'image/svg+xml' };
}

/** The map's plot, legend (unless switched off) and text. */
function mapParts(atlas: AtlasState, options: ExportOptions): FigureParts {
  const parts = mapFigureParts(mapInput(atlas, options));
  return options.legend ? parts : { ...parts, legend: [] };
}

export function mapSvg(atlas: AtlasState, options: ExportOptions): Artifact {
  const text = figureToSvg(mapParts(atlas, options), { background: options.background, width: FIGURE_WIDTH });
  return { fileName: fileName(atlas, 'map', 'svg'), text, type: 'image/svg+xml' };
}

export function report(atlas: AtlasState, options: ExportOptions): Artifact {
  const scene = graphScene(atlas, options);
  const graph = graphFigureParts(scene, { background: options.background, framing: options.framing });
  const map = mapParts(atlas, options);
  const text = reportSvg(
    graph,
    map,
    { ...figureText(atlas, options), attribution: exportWords(atlas).attribution },
    {
      width: 1600,
      background: options.background,
    },
  );
  return { fileName: fileName(atlas, 'report', 'svg'), text, type: 'image/svg+xml' };
}

/** organisations.csv, collaborations.csv and sources.csv of what is visible, in the importer's own format. */
export function csvFiles(atlas: AtlasState): Artifact[] {
  const data = atlas.data;
  const vis = atlas.visibility;
  if (!data || !vis) return [];
  const csv = datasetToCsv(data.compiled.dataset, { orgVisible: vis.orgVisible, collabVisible: vis.collabVisible });
  return (['organisations', 'collaborations', 'sources'] as const).map((kind) => ({
    fileName: fileName(atlas, kind, 'csv'),
    text: csv[kind],
    type: 'text/csv',
  }));
}

export function gexfFile(atlas: AtlasState): Artifact | null {
  const data = atlas.data;
  const vis = atlas.visibility;
  const snap = graphSnapshot();
  if (!data || !vis || !snap) return null;
  const text = datasetToGexf({
    dataset: data.compiled.dataset,
    positions: snap.positions,
    orgVisible: vis.orgVisible,
    collabVisible: vis.collabVisible,
    exportDate: dayToIso(todayDay()),
    description: data.compiled.dataset.name,
  });
  return { fileName: fileName(atlas, 'gexf', 'gexf'), text, type: 'application/gexf+xml' };
}
