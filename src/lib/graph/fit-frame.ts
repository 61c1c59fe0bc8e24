// Where "fit" frames the graph when parts of the view are covered (the legend): the largest free strip, and the move.

/** A rectangle in viewport pixels. */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Pixels kept between the framed graph and a covered part. */
export const FIT_MARGIN = 8;

function meets(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** How much `content` must shrink (≤ 1) to fit in `rect`. */
function scaleInto(content: Rect, rect: Rect): number {
  if (rect.width <= 0 || rect.height <= 0) return 0;
  return Math.min(1, rect.width / Math.max(content.width, 1e-9), rect.height / Math.max(content.height, 1e-9));
}

/**
 * The part of a `width`×`height` view to frame `content` in: the whole view when nothing covered meets the content,
 * otherwise the strip above, below, left or right of a covered box (less `FIT_MARGIN`) that overlaps no covered box
 * and lets the content keep the largest scale. Covered boxes outside the view are ignored.
 */
export function freeRect(width: number, height: number, covered: readonly Rect[], content: Rect): Rect {
  const view = { left: 0, top: 0, width, height };
  const boxes = covered.filter((c) => c.width > 0 && c.height > 0 && meets(c, view));
  if (!boxes.some((c) => meets(c, content))) return view;
  const m = FIT_MARGIN;
  const strips: Rect[] = [];
  for (const c of boxes) {
    const right = c.left + c.width;
    const bottom = c.top + c.height;
    strips.push(
      { left: 0, top: 0, width, height: c.top - m },
      { left: 0, top: bottom + m, width, height: height - bottom - m },
      { left: 0, top: 0, width: c.left - m, height },
      { left: right + m, top: 0, width: width - right - m, height },
    );
  }
  let best: Rect = view;
  let bestScale = -1;
  for (const s of strips) {
    if (s.width <= 0 || s.height <= 0 || boxes.some((c) => meets(c, s))) continue;
    const k = scaleInto(content, s);
    if (k > bestScale) {
      best = s;
      bestScale = k;
    }
  }
  return best;
}

/** The move that puts `content` in `rect`: shrunk by `scale` (never enlarged) about its centre, which goes to `to`. */
export interface FitMove {
  readonly scale: number;
  readonly from: { readonly x: number; readonly y: number };
  readonly to: { readonly x: number; readonly y: number };
}

/**
 * Shrinks `content` only as much as `rect` needs and moves it in by the least distance: on an axis where it already
 * lies inside the strip it stays put, so the usual composition changes only where the covered part forces it.
 */
export function fitMove(content: Rect, rect: Rect): FitMove {
  const scale = scaleInto(content, rect);
  const cx = content.left + content.width / 2;
  const cy = content.top + content.height / 2;
  const place = (c: number, size: number, start: number, span: number) => {
    const half = (size * scale) / 2;
    // Stay put when already inside; otherwise the nearest position inside the strip.
    return Math.min(Math.max(c, start + half), start + span - half);
  };
  return {
    scale,
    from: { x: cx, y: cy },
    to: { x: place(cx, content.width, rect.left, rect.width), y: place(cy, content.height, rect.top, rect.height) },
  };
}
