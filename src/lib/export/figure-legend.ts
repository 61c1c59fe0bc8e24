// Legend block of a figure: swatches (dot, hollow dot, line, square) and labels flowing in rows.
import type { LegendGroup, LegendItem } from './figure';
import { textWidth } from './figure-text';
import { el, type Markup, type SvgChild } from './svg-text';

const LEGEND_SIZE = 12;

function swatch(item: LegendItem, x: number, cy: number): Markup {
  const dash = item.dashed ? (item.shape === 'line' ? '4 3' : '2 2') : undefined;
  switch (item.shape) {
    case 'circle':
      return el('circle', { cx: x + 6, cy, r: 5, fill: item.colour });
    case 'hollow-circle':
      return el('circle', {
        cx: x + 6,
        cy,
        r: 5,
        fill: '#ffffff',
        stroke: item.colour,
        'stroke-width': 1.2,
        'stroke-dasharray': dash,
      });
    case 'line':
      return el('path', {
        d: `M${x} ${cy}H${x + 16}`,
        stroke: item.colour,
        'stroke-width': item.width ?? 2,
        'stroke-dasharray': dash,
        'stroke-linecap': 'round',
        fill: 'none',
      });
    case 'square':
      return el('rect', { x, y: cy - 6, width: 12, height: 12, fill: item.colour, stroke: '#9e9e9e' });
  }
}

/** Legend groups flowing left to right inside `maxWidth`; returns the markup and the height used. */
export function legendBlock(
  groups: readonly LegendGroup[],
  x0: number,
  y0: number,
  maxWidth: number,
): { markup: Markup; height: number } {
  const rows: SvgChild[] = [];
  const step = LEGEND_SIZE * 1.6;
  let y = y0;
  for (const group of groups) {
    if (group.items.length === 0) continue;
    if (group.title !== '') {
      rows.push(el('text', { x: x0, y: y + LEGEND_SIZE, 'font-weight': 'bold' }, [group.title]));
      y += step;
    }
    let x = x0;
    for (const item of group.items) {
      const w = 22 + textWidth(item.label, LEGEND_SIZE);
      if (x > x0 && x + w > x0 + maxWidth) {
        x = x0;
        y += step;
      }
      const cy = y + LEGEND_SIZE * 0.6;
      rows.push(swatch(item, x, cy), el('text', { x: x + 20, y: y + LEGEND_SIZE }, [item.label]));
      x += w + 14;
    }
    y += step + 4;
  }
  const markup = el('g', { class: 'legend', 'font-size': LEGEND_SIZE, fill: '#222222' }, rows);
  return { markup, height: y - y0 };
}
