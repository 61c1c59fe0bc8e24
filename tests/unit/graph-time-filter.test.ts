// The shader's window test (in plain code) agrees with the temporal index's membership rule at every bound.
import { describe, expect, it } from 'vitest';
import {
  ALWAYS_SPAN,
  collabSpan,
  edgeSpan,
  pairSpans,
  SHOW_ALL,
  spanShown,
  SPAN_GLSL_HEAD,
  SPAN_GLSL_TAIL,
  timeUniform,
  UNDATED_BELOW,
  UNDATED_SPAN,
} from '../../src/lib/graph/time-filter';
import { isVisible, type TimeMode } from '../../src/lib/timeline/temporal-index';
import { OPEN_END, UNDATED } from '../../src/lib/model/compiled';
import { dayNumber } from '../../src/lib/model/dates';

const d = (iso: string) => {
  const [y, m, dd] = iso.split('-').map(Number);
  return dayNumber(y!, m!, dd!);
};
// Periods at year, month and day precision, an open end, an undated one, and one ending before it starts.
const periods: [number, number][] = [
  [d('2016-01-01'), d('2016-12-31')],
  [d('2018-03-01'), d('2018-03-31')],
  [d('2019-06-15'), d('2019-06-15')],
  [d('2020-01-01'), OPEN_END],
  [UNDATED, UNDATED],
  [d('2021-05-10'), d('2021-05-01')],
];
const bounds = [
  '2015-12-31',
  '2016-01-01',
  '2016-12-31',
  '2017-01-01',
  '2018-02-28',
  '2018-03-01',
  '2018-03-31',
  '2018-04-01',
  '2019-06-14',
  '2019-06-15',
  '2019-06-16',
  '2020-01-01',
  '2021-05-05',
  '2026-11-23',
].map(d);

describe('time filter uniform', () => {
  it('matches isVisible for every period, window bound pair, mode and undated setting', () => {
    let checked = 0;
    for (const [first, last] of periods) {
      const [t0, t1] = collabSpan(first, last);
      for (const from of bounds) {
        for (const to of bounds) {
          if (to < from) continue;
          for (const mode of ['active', 'cumulative'] as TimeMode[]) {
            for (const undated of [false, true]) {
              const u = timeUniform({ from, to }, mode, undated);
              // Float32 is what the GPU compares: day numbers must survive the conversion.
              const f = Math.fround;
              const gpu = spanShown(f(t0), f(t1), { from: f(u.from), to: f(u.to), undated: u.undated });
              expect(gpu, `${first}–${last} in ${from}–${to} ${mode} ${undated}`).toBe(
                isVisible(first, last, { from, to }, mode, undated),
              );
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('shows an ungated edge in any window and an undated one only with undated shown', () => {
    const u = timeUniform({ from: d('2017-01-01'), to: d('2017-12-31') }, 'active', false);
    expect(spanShown(ALWAYS_SPAN[0], ALWAYS_SPAN[1], u)).toBe(true);
    expect(spanShown(UNDATED_SPAN[0], UNDATED_SPAN[1], u)).toBe(false);
    expect(spanShown(UNDATED_SPAN[0], UNDATED_SPAN[1], { ...u, undated: 1 })).toBe(true);
    expect(spanShown(d('2016-01-01'), d('2016-12-31'), u)).toBe(false);
    expect(spanShown(d('2016-01-01'), d('2016-12-31'), SHOW_ALL)).toBe(true);
  });

  it('the GLSL uses the same undated threshold as the plain test', () => {
    expect(UNDATED_BELOW).toBe(-1e37);
    expect(SPAN_GLSL_TAIL).toContain('a_span.y < -1.0e37');
    expect(Math.fround(UNDATED_SPAN[1])).toBeLessThan(UNDATED_BELOW);
    expect(Number.isFinite(Math.fround(ALWAYS_SPAN[1]))).toBe(true);
  });
});

describe('pair periods for merged edges', () => {
  // Pair 0: one dated collaboration; pair 1: two; pair 2: one undated.
  const pairs = {
    pairCount: 3,
    pairOffsets: Int32Array.from([0, 1, 3, 4]),
    pairCollabs: Int32Array.from([2, 0, 1, 3]),
  };
  const first = Int32Array.from([100, 200, 300, UNDATED]);
  const last = Int32Array.from([150, 250, 350, UNDATED]);
  const spans = pairSpans(pairs, first, last);

  it('a single collaboration gives its period, several give ALWAYS_SPAN, undated the undated marker', () => {
    expect([...spans]).toEqual([300, 350, ...ALWAYS_SPAN.map(Math.fround), ...UNDATED_SPAN.map(Math.fround)]);
  });

  it('edgeSpan prefers the edge’s own period, then its pair’s row, then ALWAYS_SPAN', () => {
    const out = new Float32Array(2);
    expect([...edgeSpan({ t0: 5, t1: 9, pair: 0 }, spans, out)]).toEqual([5, 9]);
    expect([...edgeSpan({ pair: 0 }, spans, out)]).toEqual([300, 350]);
    expect([...edgeSpan({ pair: 7 }, spans, out)]).toEqual(ALWAYS_SPAN.map(Math.fround));
    expect([...edgeSpan({ pair: 0 }, null, out)]).toEqual(ALWAYS_SPAN.map(Math.fround));
  });
});

describe('patchVertexShader', () => {
  it('declares the span inputs first and runs the window test at the end of main', async () => {
    const { patchVertexShader } = await import('../../src/lib/views/time-filter-program');
    const source = 'attribute vec2 a_position;\nvoid main() {\n  gl_Position = vec4(a_position, 0.0, 1.0);\n}\n';
    const patched = patchVertexShader(source);
    expect(patched.startsWith(SPAN_GLSL_HEAD)).toBe(true);
    const tail = patched.indexOf(SPAN_GLSL_TAIL);
    expect(tail).toBeGreaterThan(patched.indexOf('gl_Position = vec4(a_position'));
    expect(patched.slice(tail + SPAN_GLSL_TAIL.length).trim()).toBe('}');
    expect(() => patchVertexShader('void main()')).toThrow(/main/);
  });
});
