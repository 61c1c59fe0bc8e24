// Proves animated scene changes step the window from the old to the new one in whole days, ending exactly there.
import { describe, expect, it } from 'vitest';
import { easeInOut, windowFrames } from '../../src/lib/story/story-transition';

describe('windowFrames', () => {
  it.each([
    [{ from: 100, to: 465 }, { from: 465, to: 830 }, 12],
    [{ from: 5000, to: 5400 }, { from: 100, to: 130 }, 10],
    [{ from: 100, to: 100 }, { from: 101, to: 101 }, 12],
    [{ from: 0, to: 3000 }, { from: 1000, to: 1030 }, 1],
  ])('%j → %j in %i steps', (a, b, steps) => {
    const frames = windowFrames(a, b, steps);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThanOrEqual(steps);
    expect(frames.at(-1)).toEqual(b);
    let prev = a;
    for (const w of frames) {
      expect(Number.isInteger(w.from) && Number.isInteger(w.to)).toBe(true);
      expect(w.from).toBeLessThanOrEqual(w.to);
      expect(w).not.toEqual(prev);
      // Each bound moves monotonically toward its target.
      expect(Math.sign(w.from - prev.from) * Math.sign(b.from - a.from)).toBeGreaterThanOrEqual(0);
      prev = w;
    }
  });

  it('no change gives no frames', () => {
    expect(windowFrames({ from: 5, to: 9 }, { from: 5, to: 9 }, 12)).toEqual([]);
  });

  it('eases in and out inside [0, 1]', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
    expect(easeInOut(0.1)).toBeLessThan(0.1);
    expect(easeInOut(-3)).toBe(0);
  });
});
