// The intermediate time windows of an animated scene change: both bounds ease from the old window to the new.
import type { TimeWindow } from '../timeline/temporal-index';

/** Smooth start and stop (cubic in-out) for t in [0, 1]. */
export function easeInOut(t: number): number {
  const u = Math.max(0, Math.min(1, t));
  return u < 0.5 ? 4 * u * u * u : 1 - (-2 * u + 2) ** 3 / 2;
}

/**
 * `steps` windows from `from` (excluded) to `to` (included, exactly): whole days, never reversed, repeats
 * dropped. Each step is one visibility diff, so a dozen steps cost a dozen small refreshes.
 */
export function windowFrames(from: TimeWindow, to: TimeWindow, steps: number): TimeWindow[] {
  const n = Math.max(1, Math.floor(steps));
  const out: TimeWindow[] = [];
  let last = from;
  for (let k = 1; k <= n; k++) {
    const e = k === n ? 1 : easeInOut(k / n);
    let a = Math.round(from.from + (to.from - from.from) * e);
    let b = Math.round(from.to + (to.to - from.to) * e);
    if (a > b) [a, b] = [b, a];
    const w = k === n ? to : { from: a, to: b };
    if (w.from !== last.from || w.to !== last.to) out.push(w);
    last = w;
  }
  return out;
}
