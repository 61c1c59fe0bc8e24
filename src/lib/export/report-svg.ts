// One report figure: the graph and the map side by side, each legend under its plot, one caption and attribution.
import { legendBlock } from './figure-legend';
import { footerBlock, textBlock, titleBlock } from './figure-text';
import { figureDocument, MARGIN, plotElement, type FigureParts, type FigureText } from './figure';
import { GISCO_ATTRIBUTION } from '../regions/attribution';

export interface ReportSvgOptions {
  /** Width of the whole report in px. */
  readonly width: number;
  readonly background: 'white' | 'transparent';
  /** Space between the two columns, px. */
  readonly gap?: number;
}

const HEADING_SIZE = 13;

/**
 * Composes the parts computed by `graphFigureParts` and `mapFigureParts`. Each plot stays a nested `<svg>` with its
 * own viewBox (no `<image>`, nothing external), scaled to its column. The map's attribution is always kept.
 */
export function reportSvg(graph: FigureParts, map: FigureParts, text: FigureText, options: ReportSvgOptions): string {
  const gap = options.gap ?? 24;
  const inner = options.width - 2 * MARGIN;
  const column = (inner - gap) / 2;
  const columns = [
    { parts: graph, x: MARGIN },
    { parts: map, x: MARGIN + column + gap },
  ];
  let y = MARGIN;
  const title = titleBlock(text.title, MARGIN, y, inner);
  y += title.height;
  const headings = columns.map((c) =>
    textBlock(c.parts.plot.label, c.x, y, column, HEADING_SIZE, { 'font-weight': 'bold' }),
  );
  y += Math.max(...headings.map((h) => h.height)) + 4;
  // Both plots get the taller of the two heights; `meet` centres the other one in its box.
  const heights = columns.map(({ parts }) => {
    const vb = parts.plot.viewBox;
    return vb.width > 0 ? (column * vb.height) / vb.width : column * 0.75;
  });
  const plotHeight = Math.max(...heights);
  const plots = columns.map((c) => plotElement(c.parts.plot, { x: c.x, y, width: column, height: plotHeight }));
  y += plotHeight + 10;
  const legends = columns.map((c) => legendBlock(c.parts.legend, c.x, y, column));
  y += Math.max(...legends.map((l) => l.height));
  const given = text.attribution ?? map.text.attribution ?? '';
  const attribution = given.includes('© EuroGeographics') ? given : GISCO_ATTRIBUTION;
  const footer = footerBlock({ ...text, attribution }, MARGIN, y, inner);
  y += footer.height + MARGIN;
  return figureDocument(options.width, y, options, text.title, [
    title.markup,
    ...headings.map((h) => h.markup),
    ...plots,
    ...legends.map((l) => l.markup),
    footer.markup,
  ]);
}
