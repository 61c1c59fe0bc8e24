// Proves collaborations are binned by start date into whole months or quarters, stacked by kind in a chosen order.
import { describe, expect, it } from 'vitest';
import { OPEN_END, UNDATED } from '../../src/lib/model/compiled';
import { dayNumber } from '../../src/lib/model/dates';
import { binCollaborations, binIndexOf, chooseGranularity, stackedBins } from '../../src/lib/timeline/bins';

/** Day number of an ISO date written in full. */
function d(iso: string): number {
  const [y, m, day] = iso.split('-').map(Number);
  return dayNumber(y!, m!, day!);
}

// Starts on the first and last day of bins, one before and one after the range, one undated; kinds 0–2.
const starts: [string | null, number][] = [
  ['2016-01-01', 0],
  ['2016-01-31', 1],
  ['2016-02-01', 0],
  ['2016-03-31', 2],
  ['2015-12-31', 0],
  ['2016-04-01', 1],
  [null, 0],
];
const first = Int32Array.from(starts.map(([s]) => (s === null ? UNDATED : d(s))));
const kind = Uint8Array.from(starts.map(([, k]) => k));

describe('binCollaborations', () => {
  it('counts by start month and kind, widening the range to whole months', () => {
    const hist = binCollaborations(first, kind, 3, d('2016-01-15'), d('2016-03-10'), 'month');
    expect([...hist.binStart]).toEqual(['2016-01-01', '2016-02-01', '2016-03-01', '2016-04-01'].map(d));
    expect(hist.binCount).toBe(3);
    expect([...hist.counts]).toEqual([1, 1, 0, 1, 0, 0, 0, 0, 1]);
    expect([...hist.totals]).toEqual([2, 1, 1]);
    expect([hist.max, hist.undated, hist.outside]).toEqual([2, 1, 2]);
  });

  it('aligns quarters on January, April, July and October', () => {
    const hist = binCollaborations(first, kind, 3, d('2016-02-10'), d('2016-11-01'), 'quarter');
    expect([...hist.binStart]).toEqual(['2016-01-01', '2016-04-01', '2016-07-01', '2016-10-01', '2017-01-01'].map(d));
    expect([...hist.totals]).toEqual([4, 1, 0, 0]);
    expect([hist.max, hist.undated, hist.outside]).toEqual([4, 1, 1]);
  });

  it('aligns quarters before 1970 too', () => {
    const hist = binCollaborations(
      new Int32Array(0),
      new Uint8Array(0),
      1,
      d('1969-11-15'),
      d('1970-02-01'),
      'quarter',
    );
    expect([...hist.binStart]).toEqual(['1969-10-01', '1970-01-01', '1970-04-01'].map(d));
    expect(hist.max).toBe(0);
  });

  it('bins by start only: open-ended and long periods count once, in their first bin', () => {
    const hist = binCollaborations(
      Int32Array.from([d('2016-02-10')]),
      Uint8Array.of(0),
      1,
      d('2016-01-01'),
      d('2016-12-31'),
      'month',
    );
    expect([...hist.totals]).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(OPEN_END).toBeGreaterThan(hist.binStart.at(-1)!);
  });

  it('bins spans too long for a day table (thousands of years) by binary search, with the same result', () => {
    const days = ['1000-01-01', '1000-03-31', '2016-02-10', '4000-12-31', '4001-01-01'].map(d);
    const hist = binCollaborations(
      Int32Array.from(days),
      new Uint8Array(5),
      1,
      d('1000-01-01'),
      d('4000-12-31'),
      'quarter',
    );
    expect(hist.binCount).toBe(3001 * 4);
    expect(hist.totals[0]).toBe(2);
    expect(hist.totals[binIndexOf(hist, d('2016-02-10'))]).toBe(1);
    expect(hist.totals[hist.binCount - 1]).toBe(1);
    expect(hist.outside).toBe(1);
  });

  it('rejects a kind beyond kindCount instead of spilling into the next bin', () => {
    expect(() => binCollaborations(first, kind, 2, d('2016-01-01'), d('2016-12-31'), 'month')).toThrow(RangeError);
  });

  it('agrees with a naive count on random data', () => {
    let seed = 12345;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let round = 0; round < 20; round++) {
      const n = 500;
      const f = Int32Array.from({ length: n }, () =>
        rand() < 0.1 ? UNDATED : d('2005-01-01') + Math.floor(rand() * 8000),
      );
      const k = Uint8Array.from({ length: n }, () => Math.floor(rand() * 4));
      const from = d('2008-01-01') + Math.floor(rand() * 800);
      const to = from + Math.floor(rand() * 4000);
      const hist = binCollaborations(f, k, 4, from, to, round % 2 ? 'month' : 'quarter');
      const naive = new Uint32Array(hist.binCount * 4);
      f.forEach((day, j) => {
        for (let b = 0; b < hist.binCount; b++) {
          if (day >= hist.binStart[b]! && day < hist.binStart[b + 1]!) naive[b * 4 + k[j]!]!++;
        }
      });
      expect(hist.counts).toEqual(naive);
      const binned = hist.totals.reduce((a, b) => a + b, 0);
      expect(binned + hist.undated + hist.outside).toBe(n);
    }
  });
});

describe('binIndexOf', () => {
  const hist = binCollaborations(first, kind, 3, d('2016-01-01'), d('2016-03-31'), 'month');
  it.each([
    ['2015-12-31', -1],
    ['2016-01-01', 0],
    ['2016-01-31', 0],
    ['2016-02-01', 1],
    ['2016-02-29', 1],
    ['2016-03-31', 2],
    ['2016-04-01', -1],
  ])('%s → bin %i', (day, expected) => {
    expect(binIndexOf(hist, d(day))).toBe(expected);
  });
});

describe('chooseGranularity', () => {
  it.each([
    ['2016-01-01', '2016-01-01', 'month'],
    ['2016-01-01', '2021-12-31', 'month'],
    ['2016-01-31', '2021-12-01', 'month'],
    ['2016-01-01', '2022-01-01', 'quarter'],
    ['1990-01-01', '2025-12-31', 'quarter'],
  ])('%s – %s → %s', (from, to, expected) => {
    expect(chooseGranularity(d(from), d(to))).toBe(expected);
  });
});

describe('stackedBins', () => {
  const hist = binCollaborations(first, kind, 3, d('2016-01-15'), d('2016-03-10'), 'month');
  it('stacks the listed kinds bottom to top, series-major, leaving out the others', () => {
    const stack = stackedBins(hist, [2, 0]);
    expect(stack.kinds).toEqual([2, 0]);
    expect([...stack.y0]).toEqual([0, 0, 0, 0, 0, 1]);
    expect([...stack.y1]).toEqual([0, 0, 1, 1, 1, 1]);
    expect(stack.max).toBe(1);
  });

  it('tops out at the totals when every kind is listed', () => {
    const stack = stackedBins(hist, [0, 1, 2]);
    const tops = [...stack.y1.subarray(2 * stack.binCount)];
    expect(tops).toEqual([...hist.totals]);
    expect(stack.max).toBe(hist.max);
  });
});
