// Micro-benchmark of the timeline core at 250,000 collaborations: index build, full query, window steps, histogram.
import { bench, describe } from 'vitest';
import { COLLABORATION_KINDS } from '../../src/lib/model/types';
import { OPEN_END, UNDATED } from '../../src/lib/model/compiled';
import { dayNumber } from '../../src/lib/model/dates';
import { binCollaborations, chooseGranularity } from '../../src/lib/timeline/bins';
import { makeTemporalIndex, queryWindow, stepWindow, type TimeWindow } from '../../src/lib/timeline/temporal-index';
import { addMonths, shiftWindow } from '../../src/lib/timeline/window-input';

const N = 250_000;

/** mulberry32, seeded so every run measures the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 1995–2025 starts; 40 % open-ended, 5 % undated, 15 % one-day events, the rest up to ten years long.
const rand = prng(2025);
const first = new Int32Array(N);
const last = new Int32Array(N);
const kind = new Uint8Array(N);
const origin = dayNumber(1995, 1, 1);
const span = dayNumber(2025, 12, 31) - origin;
for (let j = 0; j < N; j++) {
  const r = rand();
  const start = origin + Math.floor(rand() * span);
  kind[j] = Math.floor(rand() * COLLABORATION_KINDS.length);
  if (r < 0.05) [first[j], last[j]] = [UNDATED, UNDATED];
  else if (r < 0.45) [first[j], last[j]] = [start, OPEN_END];
  else if (r < 0.6) [first[j], last[j]] = [start, start];
  else [first[j], last[j]] = [start, start + Math.floor(rand() * 3650)];
}

const index = makeTemporalIndex(first, last);
const mask = new Uint8Array(N);
const start: TimeWindow = { from: dayNumber(2005, 1, 1), to: addMonths(dayNumber(2005, 1, 1), 24) - 1 };
const windows = [start];
for (let i = 1; i <= 100; i++) windows.push(shiftWindow(windows[i - 1]!, 'month', 1));
queryWindow(index, start, 'active', true, mask);

let changedPerStep = 0;
for (let i = 1; i <= 100; i++) {
  const diff = stepWindow(index, windows[i - 1]!, windows[i]!, 'active', true, mask);
  changedPerStep += (diff.enteringCount + diff.leavingCount) / 100;
}
for (let i = 100; i > 0; i--) stepWindow(index, windows[i]!, windows[i - 1]!, 'active', true, mask);
console.log(`timeline bench: ${N} collaborations, ${changedPerStep.toFixed(0)} enter or leave per one-month step`);

describe(`timeline core, ${N.toLocaleString('en')} collaborations`, () => {
  bench('makeTemporalIndex', () => {
    makeTemporalIndex(first, last);
  });

  bench('queryWindow (full O(n) pass)', () => {
    queryWindow(index, start, 'active', true, mask);
  });

  // Forward on even runs and back on odd ones, so the mask always matches the window it is stepped from.
  let forward = true;
  bench('100 × stepWindow (2-year window, one month per step)', () => {
    if (forward) for (let i = 1; i <= 100; i++) stepWindow(index, windows[i - 1]!, windows[i]!, 'active', true, mask);
    else for (let i = 100; i > 0; i--) stepWindow(index, windows[i]!, windows[i - 1]!, 'active', true, mask);
    forward = !forward;
  });

  const granularity = chooseGranularity(origin, origin + span);
  bench(`binCollaborations (1995–2025, ${granularity})`, () => {
    binCollaborations(first, kind, COLLABORATION_KINDS.length, origin, origin + span, granularity);
  });
});
