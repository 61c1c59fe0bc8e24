// Sigma's label layer without overlaps: sigma hands over each label it would draw; after the render the labels are
// placed most important first, each right, left, below or above its node where it overlaps none (see label-placement).
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import {
  baselineOf,
  labelHalo,
  labelOptions,
  labelPriority,
  placeLabels,
  type LabelBox,
} from '../graph/label-placement';

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string };

/** Measured label widths kept at most; a bigger set is dropped and measured again. */
const MAX_CACHED_WIDTHS = 20_000;

export interface LabelLayer {
  /** For sigma's `defaultDrawNodeLabel`: records the label instead of drawing it. */
  collect(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void;
  /** Before each render: forgets labels of a render that never finished. */
  reset(): void;
  /** After each render: draws the placed labels on sigma's label canvas. */
  draw(context: CanvasRenderingContext2D): void;
  /** Node keys whose label the last render drew, with the box it took (exports label the same nodes). */
  readonly shown: ReadonlyMap<string, LabelBox>;
}

export function createLabelLayer(): LabelLayer {
  let pending: LabelData[] = [];
  let settings: Settings | null = null;
  let shown = new Map<string, LabelBox>();
  const widths = new Map<string, number>();
  let widthsFont = '';
  return {
    collect(_context, data, s) {
      if (!data.label) return;
      pending.push(data);
      settings = s;
    },
    reset() {
      pending = [];
    },
    draw(context) {
      const labels = pending;
      pending = [];
      shown = new Map();
      if (!settings || labels.length === 0) return;
      const s = settings;
      const font = `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
      if (font !== widthsFont || widths.size > MAX_CACHED_WIDTHS) {
        widths.clear();
        widthsFont = font;
      }
      context.font = font;
      const candidates = labels.map((d) => {
        const text = d.label ?? '';
        let width = widths.get(text);
        if (width === undefined) {
          width = context.measureText(text).width;
          widths.set(text, width);
        }
        const priority = labelPriority(Boolean(d.highlighted), Boolean(d.forceLabel), d.size);
        return { options: labelOptions(d.x, d.y, d.size, s.labelSize, width), priority };
      });
      // Sigma's disc label font and colour, with a halo as exports draw it, wherever the placement found room.
      const colour = s.labelColor.color ?? '#000';
      context.fillStyle = colour;
      context.strokeStyle = labelHalo(colour);
      context.lineWidth = 3;
      context.lineJoin = 'round';
      const area = { width: context.canvas.clientWidth, height: context.canvas.clientHeight };
      for (const { index, box } of placeLabels(candidates, area)) {
        const d = labels[index]!;
        const at = baselineOf(box);
        context.strokeText(d.label ?? '', at.x, at.y);
        context.fillText(d.label ?? '', at.x, at.y);
        if (d.key !== undefined) shown.set(d.key, box);
      }
    },
    get shown() {
      return shown;
    },
  };
}
