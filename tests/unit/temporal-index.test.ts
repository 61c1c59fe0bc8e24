// Proves the time rule (inclusive windows at year, month and day precision) and that stepping equals a fresh query.
import { describe, expect, it } from 'vitest';
import { OPEN_END, UNDATED } from '../../src/lib/model/compiled';
import { dayNumber, firstDay, lastDay, parseIsoPartialDate } from '../../src/lib/model/dates';
import {
  isVisible,
  makeTemporalIndex,
  queryWindow,
  stepWindow,
  type TimeMode,
  type TimeWindow,
} from '../../src/lib/timeline/temporal-index';

/** Day number of an ISO date written in full. */
function d(iso: string): number {
  const [y, m, day] = iso.split('-').map(Number);
  return dayNumber(y!, m!, day!);
}
const w = (from: string, to: string): TimeWindow => ({ from: d(from), to: d(to) });

/** mulberry32: a tiny seeded PRNG so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A period as the data files write it: empty start = undated, empty end = open-ended (docs/data-format.md). */
function period(start: string, end: string): [number, number] {
  const s = parseIsoPartialDate(start);
  const e = parseIsoPartialDate(end);
  if (s === null) return [UNDATED, UNDATED];
  return [firstDay(s), e === null ? OPEN_END : lastDay(e)];
}

describe('isVisible: the time rule', () => {
  // [start, end, window "from/to", mode, undated shown, expected]
  const cases: [string, string, string, TimeMode, boolean, boolean][] = [
    // Year precision: 2017 covers 1 Jan–31 Dec 2017.
    ['2017', '2017', '2016-01-01/2017-06-30', 'active', false, true],
    ['2017', '2017', '2017-12-31/2018-03-01', 'active', false, true],
    ['2017', '2017', '2015-01-01/2016-12-31', 'active', false, false],
    ['2017', '2017', '2018-01-01/2019-12-31', 'active', false, false],
    // Month precision: 2017-09 covers 1–30 Sep 2017.
    ['2017-09', '2017-09', '2017-01-01/2017-09-01', 'active', false, true],
    ['2017-09', '2017-09', '2017-01-01/2017-08-31', 'active', false, false],
    ['2017-09', '2017-09', '2017-09-30/2018-01-01', 'active', false, true],
    ['2017-09', '2017-09', '2017-10-01/2018-01-01', 'active', false, false],
    ['2016-02', '2016-02', '2016-02-29/2016-03-31', 'active', false, true],
    // Day precision. The Palladio-style off-by-one drops the window's last day: inclusive ends must keep it.
    ['2019-05-31', '2019-05-31', '2019-01-01/2019-05-31', 'active', false, true],
    ['2019-01-01', '2019-01-01', '2019-01-01/2019-05-31', 'active', false, true],
    ['2019-06-01', '2019-06-01', '2019-01-01/2019-05-31', 'active', false, false],
    ['2018-12-31', '2018-12-31', '2019-01-01/2019-05-31', 'active', false, false],
    ['2019-06-01', '2019-06-01', '2019-06-01/2019-06-01', 'active', false, true],
    // Cumulative: started on or before the window's last day, however long ago it ended.
    ['2001', '2001', '2019-01-01/2019-12-31', 'cumulative', false, true],
    ['2019-12-31', '2020-01', '2019-01-01/2019-12-31', 'cumulative', false, true],
    ['2020-01-01', '2020-01', '2019-01-01/2019-12-31', 'cumulative', false, false],
    // Open-ended: still running, so shown from its start on.
    ['2010-03', '', '2019-01-01/2019-12-31', 'active', false, true],
    ['2019-12-31', '', '2019-01-01/2019-12-31', 'active', false, true],
    ['2020-03', '', '2019-01-01/2019-12-31', 'active', false, false],
    ['2020-03', '', '2019-01-01/2019-12-31', 'cumulative', false, false],
    // Undated: the toggle decides, whatever the window and mode; it never shows dated collaborations.
    ['', '', '2019-01-01/2019-12-31', 'active', true, true],
    ['', '', '2019-01-01/2019-12-31', 'active', false, false],
    ['', '', '2019-01-01/2019-12-31', 'cumulative', true, true],
    ['', '', '2019-01-01/2019-12-31', 'cumulative', false, false],
    ['2017', '2017', '2019-01-01/2019-12-31', 'active', true, false],
  ];
  it.each(cases)('%j–%j in %s (%s, undated shown: %s) → %s', (start, end, window, mode, undated, expected) => {
    const [from, to] = window.split('/');
    expect(isVisible(...period(start, end), w(from!, to!), mode, undated)).toBe(expected);
  });
});

describe('makeTemporalIndex', () => {
  it('sorts dated collaborations by first and last day, negative days first, and keeps undated apart', () => {
    const first = Int32Array.from([d('2017-01-01'), UNDATED, d('1960-05-01'), d('2017-01-01'), d('1999-12-31')]);
    const last = Int32Array.from([OPEN_END, UNDATED, d('1961-01-01'), d('2017-01-01'), d('2030-01-01')]);
    const index = makeTemporalIndex(first, last);
    expect([...index.byFirst]).toEqual([2, 4, 0, 3]);
    expect([...index.firstSorted]).toEqual([2, 4, 0, 3].map((j) => first[j]));
    expect([...index.byLast]).toEqual([2, 3, 4, 0]);
    expect([...index.lastSorted]).toEqual([2, 3, 4, 0].map((j) => last[j]));
    expect([...index.undated]).toEqual([1]);
    expect(index.ordered).toBe(true);
  });

  it('rejects arrays of different lengths, and masks that do not fit', () => {
    expect(() => makeTemporalIndex(new Int32Array(2), new Int32Array(3))).toThrow(/timeline:/);
    const index = makeTemporalIndex(new Int32Array(3), new Int32Array(3));
    expect(() => queryWindow(index, { from: 0, to: 1 }, 'active', false, new Uint8Array(2))).toThrow(RangeError);
    const window = { from: 0, to: 1 };
    expect(() => stepWindow(index, window, window, 'active', false, new Uint8Array(4))).toThrow(RangeError);
  });
});

describe('queryWindow', () => {
  it('fills the mask and counts the visible collaborations', () => {
    const periods = [period('2017', '2017'), period('', ''), period('2019-05-31', '2019-05-31'), period('2010-03', '')];
    const first = Int32Array.from(periods.map(([f]) => f));
    const last = Int32Array.from(periods.map(([, l]) => l));
    const index = makeTemporalIndex(first, last);
    const mask = new Uint8Array(4);
    expect(queryWindow(index, w('2017-06-01', '2019-05-31'), 'active', false, mask)).toBe(3);
    expect([...mask]).toEqual([1, 0, 1, 1]);
    expect(queryWindow(index, w('2018-01-01', '2019-05-30'), 'active', true, mask)).toBe(2);
    expect([...mask]).toEqual([0, 1, 0, 1]);
    expect(queryWindow(index, w('2018-01-01', '2019-05-30'), 'cumulative', false, mask)).toBe(2);
    expect([...mask]).toEqual([1, 0, 0, 1]);
  });
});

/** A random dataset over a narrow day range, so ties, point periods and bound hits are common. */
function randomPeriods(rand: () => number, n: number, allowInverted: boolean): [Int32Array, Int32Array] {
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const r = rand();
    const start = Math.floor(rand() * 400) - 100;
    if (r < 0.1) [first[j], last[j]] = [UNDATED, UNDATED];
    else if (r < 0.35) [first[j], last[j]] = [start, OPEN_END];
    else if (r < 0.55) [first[j], last[j]] = [start, start];
    else if (allowInverted && r < 0.6) [first[j], last[j]] = [start, start - 1 - Math.floor(rand() * 30)];
    else [first[j], last[j]] = [start, start + Math.floor(rand() * 120)];
  }
  return [first, last];
}

function randomWindow(rand: () => number, prev: TimeWindow): TimeWindow {
  const r = rand();
  const delta = () => Math.floor(rand() * 60) - 30;
  if (r < 0.2) return { from: prev.from + delta(), to: prev.to + delta() }; // nudge both ends
  if (r < 0.35) return { from: prev.from - Math.abs(delta()), to: prev.to + Math.abs(delta()) }; // grow
  if (r < 0.5) return { from: prev.from + (Math.abs(delta()) >> 1), to: prev.to - (Math.abs(delta()) >> 1) }; // shrink
  if (r < 0.6) return { from: prev.to, to: prev.from }; // reverse
  if (r < 0.65) return prev; // no move
  const from = Math.floor(rand() * 600) - 200; // jump anywhere, including empty and all-covering windows
  return { from, to: from + Math.floor(rand() * 300) };
}

describe('stepWindow equals a fresh queryWindow', () => {
  const configs: [TimeMode, boolean, boolean][] = [
    ['active', false, false],
    ['active', true, false],
    ['cumulative', false, false],
    ['cumulative', true, false],
    ['active', true, true],
    ['active', false, true],
  ];
  it.each(configs)('mode %s, undated shown %s, inverted periods %s', (mode, undated, inverted) => {
    const rand = prng(0xc1a5 + configs.findIndex((c) => c[0] === mode && c[1] === undated && c[2] === inverted));
    for (let dataset = 0; dataset < 60; dataset++) {
      const n = Math.floor(rand() * 250);
      const [first, last] = randomPeriods(rand, n, inverted);
      const index = makeTemporalIndex(first, last);
      const mask = new Uint8Array(n);
      const fresh = new Uint8Array(n);
      let prev: TimeWindow = { from: 0, to: 100 };
      queryWindow(index, prev, mode, undated, mask);
      for (let step = 0; step < 40; step++) {
        const next = randomWindow(rand, prev);
        const before = mask.slice();
        const diff = stepWindow(index, prev, next, mode, undated, mask);
        const expectedCount = queryWindow(index, next, mode, undated, fresh);
        expect(mask).toEqual(fresh);
        expect(diff.visibleCount).toBe(expectedCount);
        const entering = [...diff.entering].sort((a, b) => a - b);
        const leaving = [...diff.leaving].sort((a, b) => a - b);
        expect(entering).toEqual([...before.keys()].filter((j) => before[j] === 0 && fresh[j] === 1));
        expect(leaving).toEqual([...before.keys()].filter((j) => before[j] === 1 && fresh[j] === 0));
        expect([diff.enteringCount, diff.leavingCount]).toEqual([entering.length, leaving.length]);
        prev = next;
      }
    }
  });

  it('keeps deduplicating when the generation stamp wraps around', () => {
    const [first, last] = randomPeriods(prng(7), 200, false);
    const index = makeTemporalIndex(first, last);
    const mask = new Uint8Array(200);
    const fresh = new Uint8Array(200);
    index.scratch.generation = 0xffffffff - 2;
    let prev: TimeWindow = { from: 0, to: 100 };
    queryWindow(index, prev, 'active', false, mask);
    for (let step = 0; step < 6; step++) {
      const next = { from: prev.from + 17, to: prev.to + 23 };
      const diff = stepWindow(index, prev, next, 'active', false, mask);
      expect(new Set(diff.entering).size + new Set(diff.leaving).size).toBe(diff.enteringCount + diff.leavingCount);
      queryWindow(index, next, 'active', false, fresh);
      expect(mask).toEqual(fresh);
      prev = next;
    }
    expect(index.scratch.generation).toBeLessThan(10);
  });

  it('returns views of one reused buffer, valid until the next call', () => {
    const index = makeTemporalIndex(Int32Array.from([10, 20, 30]), Int32Array.from([10, 20, 30]));
    const mask = new Uint8Array(3);
    queryWindow(index, { from: 0, to: 15 }, 'active', false, mask);
    const a = stepWindow(index, { from: 0, to: 15 }, { from: 15, to: 25 }, 'active', false, mask);
    expect([[...a.entering], [...a.leaving], a.visibleCount]).toEqual([[1], [0], 1]);
    const b = stepWindow(index, { from: 15, to: 25 }, { from: 25, to: 35 }, 'active', false, mask);
    expect(b.entering.buffer).toBe(a.entering.buffer);
    expect([[...b.entering], [...b.leaving], b.visibleCount]).toEqual([[2], [1], 1]);
  });
});
