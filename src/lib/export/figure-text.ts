// Text blocks of a figure: approximate widths, word wrap, title and footer (caption, sources, attribution).
import type { FigureText } from './figure';
import { el, fragment, type Markup, type SvgChild } from './svg-text';

/** Words of the footer, so the app's i18n catalogue can supply them. */
export interface FooterWords {
  readonly data: string;
  readonly sources: string;
  readonly exported: string;
}

/** English footer words, the default when the app passes none. */
export const ENGLISH_FOOTER: FooterWords = { data: 'Data', sources: 'Sources', exported: 'Exported' };

const TITLE_SIZE = 18;
const CAPTION_SIZE = 13;
const SMALL_SIZE = 10;
const LINE = 1.3;
/** Average glyph width as a share of the font size; no font metrics exist outside a browser. */
export const CHAR_WIDTH = 0.6;

/** Approximate rendered width of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * CHAR_WIDTH * fontSize;
}

/** Greedy word wrap to `maxWidth` by the approximate glyph width; over-long words are cut. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const perLine = Math.max(8, Math.floor(maxWidth / (CHAR_WIDTH * fontSize)));
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      let rest = [...word];
      while (rest.length > perLine) {
        if (line !== '') lines.push(line);
        lines.push(rest.slice(0, perLine).join(''));
        rest = rest.slice(perLine);
        line = '';
      }
      const w = rest.join('');
      if (w === '') continue;
      const candidate = line === '' ? w : `${line} ${w}`;
      if ([...candidate].length > perLine) {
        lines.push(line);
        line = w;
      } else line = candidate;
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

/** Wrapped text lines starting at `y` (top); returns the markup and the height used. */
export function textBlock(
  text: string,
  x: number,
  y: number,
  maxWidth: number,
  fontSize: number,
  attrs: Readonly<Record<string, string>> = {},
): { markup: Markup; height: number } {
  const lines = wrapText(text, maxWidth, fontSize);
  const step = fontSize * LINE;
  const markup = fragment(
    lines.map((line, i) => el('text', { x, y: y + fontSize + i * step, 'font-size': fontSize, ...attrs }, [line])),
  );
  return { markup, height: lines.length * step };
}

/** Caption, then "Data · Sources · Exported", then the attribution; returns the markup and the height used. */
export function footerBlock(
  text: FigureText,
  x: number,
  y0: number,
  maxWidth: number,
): { markup: Markup; height: number } {
  const words = text.footer ?? ENGLISH_FOOTER;
  const out: SvgChild[] = [];
  let y = y0;
  const add = (value: string, size: number, attrs: Record<string, string> = {}): void => {
    if (value.trim() === '') return;
    const block = textBlock(value, x, y, maxWidth, size, attrs);
    out.push(block.markup);
    y += block.height + 4;
  };
  add(text.caption, CAPTION_SIZE);
  const meta = [
    text.datasetName === '' ? '' : `${words.data}: ${text.datasetName}`,
    text.sources.length === 0 ? '' : `${words.sources}: ${text.sources.join('; ')}`,
    text.exportDate === '' ? '' : `${words.exported}: ${text.exportDate}`,
  ].filter((s) => s !== '');
  add(meta.join(' · '), SMALL_SIZE, { fill: '#555555' });
  if (text.attribution) add(text.attribution, SMALL_SIZE, { fill: '#333333' });
  return { markup: fragment(out), height: y - y0 };
}

/** Title block at the top; returns the markup and the height used. */
export function titleBlock(title: string, x: number, y: number, maxWidth: number): { markup: Markup; height: number } {
  const block = textBlock(title, x, y, maxWidth, TITLE_SIZE, { 'font-weight': 'bold' });
  return { markup: block.markup, height: block.height === 0 ? 0 : block.height + 6 };
}
