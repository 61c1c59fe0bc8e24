// The legend-aware fit: which free strip frames the graph and how far it moves.
import { describe, expect, it } from 'vitest';
import { FIT_MARGIN, fitMove, freeRect, type Rect } from '../../src/lib/graph/fit-frame';

const meets = (a: Rect, b: Rect) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/** Where `content` lands after `fitMove`. */
function moved(content: Rect, rect: Rect): Rect {
  const m = fitMove(content, rect);
  const w = content.width * m.scale;
  const h = content.height * m.scale;
  return { left: m.to.x - w / 2, top: m.to.y - h / 2, width: w, height: h };
}

describe('freeRect', () => {
  const legend = { left: 8, top: 360, width: 380, height: 110 }; // bottom-left of a 546×480 view

  it('is the whole view when nothing covered meets the content', () => {
    const content = { left: 60, top: 60, width: 420, height: 250 };
    expect(freeRect(546, 480, [legend], content)).toEqual({ left: 0, top: 0, width: 546, height: 480 });
    expect(freeRect(546, 480, [], content)).toEqual({ left: 0, top: 0, width: 546, height: 480 });
  });

  it('is the strip above a bottom-left legend for a wide graph, beside it for a tall one', () => {
    const wide = { left: 20, top: 60, width: 500, height: 360 };
    expect(freeRect(546, 480, [legend], wide)).toEqual({ left: 0, top: 0, width: 546, height: 360 - FIT_MARGIN });
    const tall = { left: 200, top: 10, width: 120, height: 460 };
    const beside = freeRect(546, 480, [legend], tall);
    expect(beside).toEqual({ left: 388 + FIT_MARGIN, top: 0, width: 546 - 388 - FIT_MARGIN, height: 480 });
  });

  it('never returns a strip that meets a covered box, with several boxes', () => {
    const boxes = [legend, { left: 440, top: 0, width: 106, height: 80 }];
    const content = { left: 10, top: 10, width: 520, height: 460 };
    const r = freeRect(546, 480, boxes, content);
    for (const b of boxes) expect(meets(r, b)).toBe(false);
    expect(r.width * r.height).toBeGreaterThan(0);
  });

  it('ignores covered boxes outside the view and empty ones', () => {
    const content = { left: 0, top: 0, width: 546, height: 480 };
    const off = { left: 600, top: 0, width: 50, height: 50 };
    const empty = { left: 10, top: 10, width: 0, height: 40 };
    expect(freeRect(546, 480, [off, empty], content)).toEqual({ left: 0, top: 0, width: 546, height: 480 });
  });
});

describe('fitMove', () => {
  it('keeps content that already fits where it is', () => {
    const rect = { left: 0, top: 0, width: 546, height: 352 };
    const content = { left: 100, top: 40, width: 300, height: 200 };
    const m = fitMove(content, rect);
    expect(m.scale).toBe(1);
    expect(m.to).toEqual(m.from);
  });

  it('moves content that fits but sticks out by the least distance, without shrinking it', () => {
    const rect = { left: 0, top: 0, width: 546, height: 352 };
    const content = { left: 100, top: 200, width: 300, height: 200 };
    const m = fitMove(content, rect);
    expect(m.scale).toBe(1);
    expect(m.to.x).toBe(m.from.x);
    expect(moved(content, rect)).toEqual({ left: 100, top: 152, width: 300, height: 200 });
  });

  it('shrinks content larger than the strip just enough, and lands it inside', () => {
    const rect = { left: 0, top: 0, width: 546, height: 352 };
    const content = { left: 20, top: 30, width: 500, height: 430 };
    const m = fitMove(content, rect);
    expect(m.scale).toBeCloseTo(352 / 430, 9);
    const out = moved(content, rect);
    expect(out.top).toBeCloseTo(0, 9);
    expect(out.top + out.height).toBeCloseTo(352, 9);
    expect(out.left).toBeGreaterThanOrEqual(0);
    expect(out.left + out.width).toBeLessThanOrEqual(546);
  });
});
