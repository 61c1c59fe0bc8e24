// Sigma's label layer without overlaps: sigma hands over each label it would draw; after the render the labels are
// placed most important first, each right, left, below or above its node where it overlaps none (see label-placement).
// Marked nodes (hover, selection, search, region) come through sigma's hover hook too and are drawn on tags.
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import {
  baselineOf,
  discBox,
  grow,
  labelHalo,
  labelOptions,
  labelPriority,
  placeLabels,
  slidInside,
  tagFill,
  tagOptions,
  type LabelBox,
} from '../graph/label-placement';

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & {
  key?: string;
  /** The node's index when its drawn size comes from a state texel (see gpu-state.ts). */
  slot?: number;
};

/** A labelled node's drawn size in viewport px from sigma's `size` (its rank size scaled); 0 = not drawn or faded. */
export type DrawnSize = (slot: number, shownSize: number) => number;

/** Measured label widths kept at most; a bigger set is dropped and measured again. */
const MAX_CACHED_WIDTHS = 20_000;
/** Padding of a marked label's tag, px. */
const TAG_PADDING = 3;
/** Blur of a tag's drop shadow, px; covered parts of the view are kept this far from any label so no shadow reaches them. */
const TAG_SHADOW = 6;
/** Marked nodes farther than this outside the view are not labelled (a region can mark thousands). */
const OFFSCREEN_MARGIN = 100;

export interface LabelLayer {
  /**
   * For sigma's `defaultDrawNodeLabel` and `defaultDrawNodeHover`: records the label instead of drawing it. Sigma's
   * own hover drawing puts a box on every marked node with no collision test: a region's dozens of boxes pile up.
   */
  collect(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void;
  /** Before each render: forgets labels of a render that never finished. */
  reset(): void;
  /** After each render: draws the placed labels on sigma's label canvas. */
  draw(context: CanvasRenderingContext2D, covered?: readonly LabelBox[]): void;
  /**
   * Places and draws the last render's labels again on a cleared canvas (`width`×`height` px), e.g. when the covered
   * parts moved: a full render of a big graph costs seconds of software WebGL, this a few milliseconds.
   */
  redraw(context: CanvasRenderingContext2D, width: number, height: number, covered?: readonly LabelBox[]): void;
  /** Node keys whose label the last render drew, with the box it took (exports label the same nodes). */
  readonly shown: ReadonlyMap<string, LabelBox>;
}

/** `drawnSize`: sigma ranks labels by a steady size, the shaders draw another; labels of nodes not drawn are dropped. */
export function createLabelLayer(drawnSize?: DrawnSize): LabelLayer {
  let pending: LabelData[] = [];
  /** The labels the last draw placed from. */
  let drawn: LabelData[] = [];
  let settings: Settings | null = null;
  let shown = new Map<string, LabelBox>();
  const widths = new Map<string, number>();
  let widthsFont = '';
  return {
    collect(_context, data, s) {
      if (!data.label) return;
      if (drawnSize && typeof data.slot === 'number') {
        const size = drawnSize(data.slot, data.size);
        if (size <= 0) return;
        if (size !== data.size) data = { ...data, size };
      }
      pending.push(data);
      settings = s;
    },
    reset() {
      pending = [];
    },
    draw(context, covered = []) {
      const collected = pending;
      pending = [];
      drawn = collected;
      shown = new Map();
      if (!settings || collected.length === 0) return;
      const s = settings;
      const font = `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
      if (font !== widthsFont || widths.size > MAX_CACHED_WIDTHS) {
        widths.clear();
        widthsFont = font;
      }
      context.font = font;
      const area = { width: context.canvas.clientWidth, height: context.canvas.clientHeight };
      // A marked node that is also always-labelled arrives twice (label pass, hover pass): keep one.
      const seen = new Set<string>();
      const labels = collected.filter((d) => {
        if (d.key !== undefined) {
          if (seen.has(d.key)) return false;
          seen.add(d.key);
        }
        const m = OFFSCREEN_MARGIN;
        return d.x > -m && d.y > -m && d.x < area.width + m && d.y < area.height + m;
      });
      const candidates = labels.map((d) => {
        const text = d.label ?? '';
        let width = widths.get(text);
        if (width === undefined) {
          width = context.measureText(text).width;
          widths.set(text, width);
        }
        const marked = Boolean(d.highlighted);
        const priority = labelPriority(marked, Boolean(d.forceLabel), d.size);
        const options = slidInside(
          marked
            ? tagOptions(d.x, d.y, d.size, s.labelSize, width, TAG_PADDING)
            : labelOptions(d.x, d.y, d.size, s.labelSize, width),
          area.width,
        );
        return { options, priority, cutOk: marked };
      });
      // Sigma's disc label font and colour, with a halo as exports draw it, wherever the placement found room.
      const colour = s.labelColor.color ?? '#000';
      const halo = labelHalo(colour);
      const fill = tagFill(colour);
      context.lineWidth = 3;
      context.lineJoin = 'round';
      // Marked nodes are drawn above the labels (sigma's hover layer): no label may hide under one.
      const discs = labels.filter((d) => d.highlighted).map((d) => discBox(d.x, d.y, d.size));
      const clear = covered.map((b) => grow(b, TAG_SHADOW));
      for (const { index, box } of placeLabels(candidates, area, undefined, [...discs, ...clear])) {
        const d = labels[index]!;
        const text = d.label ?? '';
        if (d.highlighted) {
          context.save();
          context.shadowColor = 'rgba(0, 0, 0, 0.45)';
          context.shadowBlur = TAG_SHADOW;
          context.fillStyle = fill;
          context.beginPath();
          context.roundRect(box.left, box.top, box.width, box.height, 3);
          context.fill();
          context.restore();
          const at = baselineOf(grow(box, -TAG_PADDING));
          context.fillStyle = colour;
          context.fillText(text, at.x, at.y);
        } else {
          const at = baselineOf(box);
          context.strokeStyle = halo;
          context.fillStyle = colour;
          context.strokeText(text, at.x, at.y);
          context.fillText(text, at.x, at.y);
        }
        if (d.key !== undefined) shown.set(d.key, box);
      }
    },
    redraw(context, width, height, covered) {
      context.clearRect(0, 0, width, height);
      pending = drawn;
      this.draw(context, covered);
    },
    get shown() {
      return shown;
    },
  };
}
