// The time window as the edge shaders test it: each edge carries its collaboration's period, the window is a uniform.
import { UNDATED } from '../model/compiled';

// Why a shader test: at 50k/250k a monthly step flips ~1,600 single-collaboration edges, and sigma re-adds each one
// (reducer, defaults, buffer write: ~10 µs a key). Written once with its period, such an edge needs no refresh when
// the window moves; only the uniform changes. Day numbers stay below 2^24, so float32 compares them exactly.

/** Far beyond any day number, still a finite float32. */
const FAR = 1e38;
/** Period of an edge the window does not gate (its reducer decides): always inside. */
export const ALWAYS_SPAN: readonly [number, number] = [-FAR, FAR];
/** Period of an undated collaboration: shown only when undated ones are. */
export const UNDATED_SPAN: readonly [number, number] = [FAR, -FAR];
/** A span whose last day is below this is the undated marker (a dated last day is at least DAY_MIN ≈ -2.1e9). */
export const UNDATED_BELOW = -1e37;

/** The window as `u_window` (from, to, undated 0/1); cumulative mode opens the start. */
export interface TimeUniform {
  readonly from: number;
  readonly to: number;
  readonly undated: 0 | 1;
}

/** Shows every edge (no window yet). */
export const SHOW_ALL: TimeUniform = { from: -FAR, to: FAR, undated: 1 };

/** Span attributes (`t0`, `t1`) of a collaboration's edge from its compiled first and last day. */
export function collabSpan(first: number, last: number): readonly [number, number] {
  return first === UNDATED ? UNDATED_SPAN : [first, last];
}

/** The uniform for an inclusive window of day numbers; `cumulative` shows everything started by `window.to`. */
export function timeUniform(
  window: { readonly from: number; readonly to: number },
  mode: 'active' | 'cumulative',
  includeUndated: boolean,
): TimeUniform {
  return { from: mode === 'cumulative' ? -FAR : window.from, to: window.to, undated: includeUndated ? 1 : 0 };
}

/** The shader's test (SPAN_GLSL_TAIL) in plain code, for exports; agrees with `isVisible` for every collaboration. */
export function spanShown(t0: number, t1: number, u: TimeUniform): boolean {
  if (t1 < UNDATED_BELOW) return u.undated === 1;
  return t0 <= u.to && t1 >= u.from;
}

/** GLSL spliced into an edge program's vertex shader: declarations, and the test run after its `main` placed the vertex. */
export const SPAN_GLSL_HEAD = 'attribute vec2 a_span;\nuniform vec3 u_window;\n';
export const SPAN_GLSL_TAIL = `
  bool undatedSpan = a_span.y < -1.0e37; // UNDATED_BELOW
  bool inWindow = undatedSpan ? u_window.z > 0.5 : (a_span.x <= u_window.y && a_span.y >= u_window.x);
  // Outside the clip volume: the edge's triangles are culled before any fragment runs.
  if (!inWindow) gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
`;

/** Per pair (t0, t1): the period of a pair's single collaboration, ALWAYS_SPAN for pairs of several. */
export function pairSpans(
  pairs: { readonly pairCount: number; readonly pairOffsets: Int32Array; readonly pairCollabs: Int32Array },
  first: Int32Array,
  last: Int32Array,
): Float32Array {
  const out = new Float32Array(2 * pairs.pairCount);
  for (let p = 0; p < pairs.pairCount; p++) {
    const from = pairs.pairOffsets[p]!;
    const j = pairs.pairCollabs[from]!;
    const [t0, t1] = pairs.pairOffsets[p + 1]! - from === 1 ? collabSpan(first[j]!, last[j]!) : ALWAYS_SPAN;
    out[2 * p] = t0;
    out[2 * p + 1] = t1;
  }
  return out;
}

/**
 * An edge's period as the shader gets it: its own `t0`/`t1` (collaboration edges), else its pair's row in
 * `spans` (merged edges carry only `pair`), else ALWAYS_SPAN. Writes into `out` (no allocation per edge).
 */
export function edgeSpan(
  data: { readonly t0?: unknown; readonly t1?: unknown; readonly pair?: unknown },
  spans: Float32Array | null,
  out: Float32Array,
): Float32Array {
  if (typeof data.t0 === 'number' && typeof data.t1 === 'number') {
    out[0] = data.t0;
    out[1] = data.t1;
  } else if (spans !== null && typeof data.pair === 'number' && 2 * data.pair + 1 < spans.length) {
    out[0] = spans[2 * data.pair]!;
    out[1] = spans[2 * data.pair + 1]!;
  } else {
    out[0] = ALWAYS_SPAN[0];
    out[1] = ALWAYS_SPAN[1];
  }
  return out;
}
