// Layout shared by the graph, map and report figures: title, plot, legend, caption, sources and attribution.
import { footerBlock, titleBlock, type FooterWords } from './figure-text';
import { legendBlock } from './figure-legend';
import { el, formatNum, svgDocument, type Markup, type SvgChild } from './svg-text';

export { ENGLISH_FOOTER, textWidth, wrapText, type FooterWords } from './figure-text';

/** A rectangle in figure or plot units. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Legend swatch: node dot, region-placed marker, edge or arc line, choropleth class. */
export type LegendShape = 'circle' | 'hollow-circle' | 'line' | 'square';

/** One legend row; `label` is display text (already translated). */
export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  readonly shape: LegendShape;
  /** Stroke width for `line`, in px. */
  readonly width?: number;
  readonly dashed?: boolean;
}

export interface LegendGroup {
  readonly title: string;
  readonly items: readonly LegendItem[];
}

/** Text around a plot. Everything is plain text; it is escaped when written. */
export interface FigureText {
  readonly title: string;
  readonly caption: string;
  readonly datasetName: string;
  readonly sources: readonly string[];
  /** Export date as the app formats it (an input: the export never reads the clock). */
  readonly exportDate: string;
  /** Burned into the figure when set (the GISCO attribution of every map). */
  readonly attribution?: string;
  readonly footer?: FooterWords;
}

/** What a figure module computes: the plot in its own units, its legend and its text. */
export interface FigureParts {
  readonly plot: { readonly viewBox: Box; readonly body: Markup; readonly label: string };
  readonly legend: readonly LegendGroup[];
  readonly text: FigureText;
}

export interface FigureOptions {
  /** Width of the whole figure in px. */
  readonly width: number;
  /** Height of the plot area in px; by default the plot keeps its viewBox aspect ratio. */
  readonly plotHeight?: number;
  readonly background: 'white' | 'transparent';
  readonly fontFamily?: string;
}

/** sigma's label font first (DejaVu Sans), then fonts every print shop and Inkscape install has. */
export const FONT_FAMILY = "'DejaVu Sans', Arial, Helvetica, sans-serif";
/** Space around every figure, px. */
export const MARGIN = 16;

/** The plot as a nested `<svg>` with its own viewBox, so it clips to its frame and scales as a unit. */
export function plotElement(parts: FigureParts['plot'], box: Box): Markup {
  const vb = parts.viewBox;
  return el(
    'svg',
    {
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      viewBox: [vb.x, vb.y, vb.width, vb.height].map((v) => formatNum(v)).join(' '),
      preserveAspectRatio: 'xMidYMid meet',
      overflow: 'hidden',
      role: 'img',
      'aria-label': parts.label,
    },
    [parts.body],
  );
}

/** Root attributes and background shared by every figure. */
export function figureDocument(
  width: number,
  height: number,
  options: Pick<FigureOptions, 'background' | 'fontFamily'>,
  title: string,
  children: readonly SvgChild[],
): string {
  const h = Math.ceil(height);
  const root = {
    width,
    height: h,
    viewBox: `0 0 ${formatNum(width)} ${h}`,
    'font-family': options.fontFamily ?? FONT_FAMILY,
  };
  return svgDocument(root, [
    title === '' ? null : el('title', {}, [title]),
    options.background === 'white' ? el('rect', { x: 0, y: 0, width, height: h, fill: '#ffffff' }) : null,
    el('g', { fill: '#111111' }, children),
  ]);
}

/** A single figure: title, plot, legend, footer, stacked. */
export function figureToSvg(parts: FigureParts, options: FigureOptions): string {
  const inner = options.width - 2 * MARGIN;
  const vb = parts.plot.viewBox;
  let y = MARGIN;
  const title = titleBlock(parts.text.title, MARGIN, y, inner);
  y += title.height;
  const plotHeight = options.plotHeight ?? (vb.width > 0 ? (inner * vb.height) / vb.width : inner * 0.75);
  const plot = plotElement(parts.plot, { x: MARGIN, y, width: inner, height: plotHeight });
  y += plotHeight + 10;
  const legend = legendBlock(parts.legend, MARGIN, y, inner);
  y += legend.height;
  const footer = footerBlock(parts.text, MARGIN, y, inner);
  y += footer.height + MARGIN;
  return figureDocument(options.width, y, options, parts.text.title, [
    title.markup,
    plot,
    legend.markup,
    footer.markup,
  ]);
}
