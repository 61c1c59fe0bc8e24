// Choropleth class breaks: readable with a dominating region and with ties, deterministic, zero in its own class.
import { describe, expect, it } from 'vitest';
import { classBreaks, classLabels, classOf } from '../../src/lib/map/class-breaks';

const repeat = (value: number, times: number): number[] => Array.from({ length: times }, () => value);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Number of distinct classes the values fall into, zero excluded. */
const usedClasses = (values: number[], breaks: readonly number[]): number =>
  new Set(values.filter((v) => v > 0).map((v) => classOf(v, breaks))).size;

describe('classBreaks', () => {
  const cases: [what: string, values: number[], classes: number, breaks: number[]][] = [
    ['no data', [], 5, []],
    ['only zeros', [0, 0, 0], 5, []],
    ['few distinct values each get a class', [0, 7, 1, 3, 1, 3], 5, [1, 3, 7]],
    ['quantiles over spread values', range(1, 100), 4, [1, 26, 51, 76]],
    ['zeros do not count towards quantiles', [...repeat(0, 500), ...range(1, 100)], 4, [1, 26, 51, 76]],
    // 300 regions with 1 and 100 with 2 collapse the quantiles to [1, 2]; a geometric series snapped to the data
    // gives 17 and 10000 (the dominating region alone), and the widest remaining class (2–16) is split at 9.
    [
      'ties fall back to a geometric tail',
      [...repeat(1, 300), ...repeat(2, 100), ...range(3, 22), 10000],
      5,
      [1, 2, 9, 17, 10000],
    ],
    // Every geometric step snaps to the outlier 1000, so the classes left are split by distinct values.
    ['a sparse tail splits the widest class', [...repeat(1, 90), 2, 3, 4, 5, 1000], 4, [1, 3, 4, 1000]],
    ['one class', range(1, 10), 1, [1]],
    ['fractional values are rounded up', [0.2, 1.5, 2, 2.5], 5, [1, 2, 3]],
  ];
  it.each(cases)('%s', (_what, values, classes, breaks) => {
    expect(classBreaks(values, classes)).toEqual(breaks);
  });

  it('keeps several classes when one region dominates (equal intervals would give one)', () => {
    // Forty regions with 1–40 collaborations and Île-de-France-like outlier with 5,000.
    const values = [...range(1, 40), 5000];
    const breaks = classBreaks(values, 5);
    expect(breaks).toHaveLength(5);
    expect(usedClasses(values, breaks)).toBe(5);
    expect(usedClasses(range(1, 40), breaks)).toBeGreaterThanOrEqual(4);
    expect(classOf(5000, breaks)).toBe(5);
    const equalWidth = [1, 1001, 2001, 3001, 4001];
    expect(usedClasses(range(1, 40), equalWidth)).toBe(1);
  });

  it('keeps several classes when ties and an outlier combine', () => {
    const values = [...repeat(1, 300), ...repeat(2, 100), ...range(3, 22), 10000];
    expect(usedClasses(values, classBreaks(values, 5))).toBe(5);
  });

  it('is deterministic and order-independent', () => {
    const values = [...range(1, 60), 900, 3, 3, 7];
    const shuffled = [...values].reverse();
    expect(classBreaks(Float64Array.from(shuffled), 6)).toEqual(classBreaks(values, 6));
  });

  it('gives unique ascending positive integer breaks', () => {
    for (const values of [range(1, 1000).map((v) => v * v), [...repeat(5, 50), 6, 7, 8, 9, 10, 11, 900]]) {
      const breaks = classBreaks(values, 7);
      expect(breaks.every((b, i) => Number.isInteger(b) && b > 0 && (i === 0 || b > breaks[i - 1]!))).toBe(true);
    }
  });
});

describe('classOf', () => {
  const breaks = [1, 2, 4, 10];
  it.each([
    [0, 0],
    [-3, 0],
    [NaN, 0],
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [9, 3],
    [10, 4],
    [1e9, 4],
    [0.5, 1],
  ])('%d → class %i', (value, cls) => {
    expect(classOf(value, breaks)).toBe(cls);
  });

  it('puts everything in "none" without breaks', () => {
    expect(classOf(5, [])).toBe(0);
  });
});

describe('classLabels', () => {
  it.each([
    [
      [1, 2, 4, 10],
      ['1', '2–3', '4–9', '10+'],
    ],
    [[1], ['1+']],
    [
      [1, 3, 7],
      ['1–2', '3–6', '7+'],
    ],
    [[], []],
  ])('%j', (breaks, labels) => {
    expect(classLabels(breaks)).toEqual(labels);
  });

  it('takes a number format', () => {
    expect(classLabels([1, 1000, 20000], (n) => n.toLocaleString('en-GB'))).toEqual([
      '1–999',
      '1,000–19,999',
      '20,000+',
    ]);
  });
});
