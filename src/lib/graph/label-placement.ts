// Which node labels to draw so that none overlap: sigma draws always-labelled nodes without its collision grid.

/** Pixels kept clear around every label, so neighbouring words do not touch. */
export const LABEL_GAP = 2;

/** Priority of a label: marked nodes (hover, selection, search, region) first, then always-labelled, then size. */
export function labelPriority(marked: boolean, forced: boolean, size: number): number {
  return (marked ? 2e6 : 0) + (forced ? 1e6 : 0) + Math.min(Math.max(size, 0), 999_999);
}

/** A label's text box in viewport pixels. */
export interface LabelBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** A label and the spots it may take, in order of preference. */
export interface LabelCandidate {
  readonly options: readonly LabelBox[];
  /** Higher wins a contested spot; equal priorities keep the input order. */
  readonly priority: number;
  /**
   * May take a spot the area's edge cuts when no spot inside is free (a marked node's tag: a cut tag beats a missing
   * one). Other labels are left out instead: a clipped word reads as a different word.
   */
  readonly cutOk?: boolean;
}

/** Where a placed label's text starts: left end of its baseline (the box spans ascent 0.8 and descent 0.2 em). */
export function baselineOf(box: LabelBox): { x: number; y: number } {
  return { x: box.left, y: box.top + 0.8 * box.height };
}

/**
 * Spots around a disc node of radius `r` at (x, y): right (where sigma draws labels: 3 px past the rim, baseline a
 * third of the font size below the centre), then left, below and above, centred; then the four diagonals, a corner of
 * the text just off the disc (a node by the view's edge or in a crowd often has a free diagonal only).
 */
export function labelOptions(x: number, y: number, r: number, fontSize: number, textWidth: number): LabelBox[] {
  const h = fontSize;
  const sideTop = y + fontSize / 3 - 0.8 * fontSize;
  const centred = x - textWidth / 2;
  // The disc's 45° point is 0.71 r from the centre on each axis: a corner 2 px past it stays clear of the disc.
  const d = 0.71 * r + 2;
  return [
    { left: x + r + 3, top: sideTop, width: textWidth, height: h },
    { left: x - r - 3 - textWidth, top: sideTop, width: textWidth, height: h },
    { left: centred, top: y + r + 2, width: textWidth, height: h },
    { left: centred, top: y - r - 2 - h, width: textWidth, height: h },
    { left: x + d, top: y + d, width: textWidth, height: h },
    { left: x - d - textWidth, top: y + d, width: textWidth, height: h },
    { left: x + d, top: y - d - h, width: textWidth, height: h },
    { left: x - d - textWidth, top: y - d - h, width: textWidth, height: h },
  ];
}

/**
 * `options` (from `labelOptions` or `tagOptions`) plus their below and above spots slid sideways into a view `width`
 * wide when they stick out of it: text under or over its node stays clear of the disc wherever it slides, while a side
 * spot slid inwards would cover its own node. A node by the view's edge keeps its whole label instead of a cut one.
 */
export function slidInside(options: readonly LabelBox[], width: number): LabelBox[] {
  const out = [...options];
  for (const b of options.slice(2, 4)) {
    if (b.width > width || (b.left >= 0 && b.left + b.width <= width)) continue;
    out.push({ ...b, left: Math.min(Math.max(b.left, 0), width - b.width) });
  }
  return out;
}

/** The square around a disc node of radius `r` at (x, y). */
export function discBox(x: number, y: number, r: number): LabelBox {
  return { left: x - r, top: y - r, width: 2 * r, height: 2 * r };
}

/** `box` grown by `pad` on every side (negative shrinks). */
export function grow(box: LabelBox, pad: number): LabelBox {
  return { left: box.left - pad, top: box.top - pad, width: box.width + 2 * pad, height: box.height + 2 * pad };
}

/**
 * Spots for a label drawn on a tag (a filled box `pad` wider than the text on every side): the same eight spots, each
 * moved `pad` further from the node so the tag keeps the plain label's gap, given as the tag's box.
 */
export function tagOptions(
  x: number,
  y: number,
  r: number,
  fontSize: number,
  textWidth: number,
  pad: number,
): LabelBox[] {
  return labelOptions(x, y, r + pad, fontSize, textWidth).map((b) => grow(b, pad));
}

function overlaps(a: LabelBox, b: LabelBox, gap: number): boolean {
  return (
    a.left < b.left + b.width + gap &&
    b.left < a.left + a.width + gap &&
    a.top < b.top + b.height + gap &&
    b.top < a.top + a.height + gap
  );
}

/** A label kept: its candidate's index and the box it takes. */
export interface PlacedLabel {
  readonly index: number;
  readonly box: LabelBox;
}

/** The drawing area labels should stay inside, in the same pixels as the boxes. */
export interface LabelArea {
  readonly width: number;
  readonly height: number;
}

function inside(b: LabelBox, area: LabelArea): boolean {
  return b.left >= 0 && b.top >= 0 && b.left + b.width <= area.width && b.top + b.height <= area.height;
}

/**
 * Labels to draw, highest priority first: each takes its first spot that overlaps no label already placed, or is left
 * out. Only spots inside `area` are taken, or for a `cutOk` candidate, a cut spot when no inside one is free. No label covers an
 * `obstacle` (e.g. a marked node, drawn above the labels). At most a few hundred labels reach a frame (sigma's grid
 * culls the rest), so pairwise checks stay well under a millisecond.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  area: LabelArea | null = null,
  gap = LABEL_GAP,
  obstacles: readonly LabelBox[] = [],
): PlacedLabel[] {
  const order = candidates.map((_, i) => i);
  order.sort((a, b) => candidates[b]!.priority - candidates[a]!.priority || a - b);
  const placed: PlacedLabel[] = [];
  const free = (o: LabelBox) =>
    placed.every((p) => !overlaps(p.box, o, gap)) && obstacles.every((b) => !overlaps(b, o, gap));
  for (const index of order) {
    const options = candidates[index]!.options;
    const box =
      area === null
        ? options.find(free)
        : (options.find((o) => inside(o, area) && free(o)) ??
          (candidates[index]!.cutOk ? options.find((o) => !inside(o, area) && free(o)) : undefined));
    if (box) placed.push({ index, box });
  }
  return placed;
}

/** Whether `colour` (`#rgb`, `#rrggbb` or `rgb(…)`) is light, or null when it cannot be read. */
function isLight(colour: string): boolean | null {
  const c = colour.trim();
  let rgb: number[] | null = null;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((h) => h + h).join('') : hex;
    rgb = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  } else {
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/i.exec(c);
    if (m) rgb = [m[1]!, m[2]!, m[3]!].map(Number);
  }
  if (!rgb) return null;
  const [r, g, b] = rgb as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b > 140;
}

/**
 * A halo for label text in `colour`: light text (dark theme) gets a dark halo, dark text a white one, so labels stay
 * legible where they cross edges and nodes.
 */
export function labelHalo(colour: string): string {
  return isLight(colour) === true ? 'rgba(24, 24, 27, 0.85)' : 'rgba(255, 255, 255, 0.85)';
}

/** The opaque fill of a tag behind text in `colour`: dark behind light text, white behind dark text. */
export function tagFill(colour: string): string {
  return isLight(colour) === true ? '#27272a' : '#ffffff';
}
