// Per-node and per-edge display bytes the shaders read from a texture: drawn size, fade and gate, set without sigma.
import { pairEdgeWidth } from './build-graph';
import { edgeInFocus, type Focus } from './adjacency';
import type { GraphDisplayState } from './reducers';

// Why a texture: a filter at 50k/250k changes the size of most nodes and the width or presence of most pair edges.
// Through sigma that is a full refresh (a reducer call and a buffer write per item: 0.3–0.5 s of main thread). Written
// here as bytes and uploaded as one texture, the same change costs a few milliseconds; the reducers keep what only a
// gesture changes (colour, focus fade, emphasis, labels), and their output no longer depends on the filters or window.
// On a large graph the focus fade is a texel flag too (`focusInTexels`): a selection there would otherwise be a full
// refresh of every node and edge (sigma's reducers and its reprocess, ~1 s at 50k/250k).

/** Texels per texture row (WebGL 2 guarantees 2048; 2048² items is far beyond any dataset we load). */
export const STATE_TEXTURE_WIDTH = 2048;
/** Byte values: channel R is a size or width in px (0 = not drawn), channel G a flag (255 = set: faded). */
const FLAG = 255;

/** The bytes of one texture (RGBA, one texel per item) and a version the programs compare to upload on change. */
export interface StateTexels {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
  version: number;
}

export function stateTexels(count: number): StateTexels {
  const width = Math.max(1, Math.min(STATE_TEXTURE_WIDTH, count));
  const height = Math.max(1, Math.ceil(count / width));
  return { bytes: new Uint8Array(4 * width * height), width, height, version: 0 };
}

/** Whether an organisation is drawn: it passes the filters and focus, and is not an isolated one being hidden. */
export function orgShown(s: GraphDisplayState, i: number): boolean {
  return s.orgVisible[i] === 1 && !(s.hideIsolated && s.orgDegree[i] === 0);
}

/** Marked organisations (hover, selection, search, map highlight) are never faded. */
function orgMarked(s: GraphDisplayState, i: number): boolean {
  return i === s.hovered || s.selected.has(i) || s.searchMatches.has(i) || s.highlighted[i] === 1;
}

/** The focus the texels fade by (`focusInTexels`), else null: the reducers fade by it. */
function texelFocus(s: GraphDisplayState): Focus | null {
  return s.focusInTexels ? s.focus : null;
}

/** Writes organisation `i`'s texel: R = drawn size (0 hidden), G = faded (for inactivity, or out of a texel focus). */
export function writeNodeTexel(s: GraphDisplayState, i: number, out: Uint8Array): void {
  const at = 4 * i;
  const shown = orgShown(s, i);
  const size = shown ? Math.min(255, Math.max(1, Math.round(s.nodeSize?.[i] ?? 1))) : 0;
  const focus = texelFocus(s);
  const faded = s.orgFaded[i] === 1 || (focus !== null && focus.orgs[i] !== 1);
  out[at] = size;
  out[at + 1] = shown && faded && !orgMarked(s, i) ? FLAG : 0;
}

/** The edge arrays a texel needs: endpoints by edge index, and whether edges are merged pairs. */
export interface EdgeIndexing {
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly merged: boolean;
}

/**
 * Writes edge `e`'s texel: R = width factor (0 = not drawn). A timed edge (one collaboration; the shader tests its
 * period against the window) is drawn when it passes the filters and both ends do; a merged pair of several is drawn
 * while it holds a visible collaboration and both ends are shown, as wide as that count (`pairEdgeWidth`). The
 * factor multiplies the width sigma has (1 for pairs; the edge's own for collaborations). Every collaboration edge
 * of the parallel graph is timed. G = faded: a drawn edge out of a texel focus (`focusInTexels`).
 */
export function writeEdgeTexel(s: GraphDisplayState, e: number, ix: EdgeIndexing, out: Uint8Array): void {
  const a = ix.source[e] ?? 0;
  const b = ix.target[e] ?? 0;
  const timed = s.timedCollab !== null ? (s.timedCollab[e] ?? -1) : -1;
  let factor: number;
  if (timed >= 0) {
    factor = s.collabFilterOk[timed] === 1 && s.orgVisible[a] === 1 && s.orgVisible[b] === 1 ? 1 : 0;
  } else if (ix.merged && s.pairCount) {
    const count = s.pairCount[e] ?? 0;
    factor = count > 0 && orgShown(s, a) && orgShown(s, b) ? Math.min(255, pairEdgeWidth(count)) : 0;
  } else factor = 0; // an untimed collaboration is a self-loop, which the graph leaves out
  out[4 * e] = factor;
  out[4 * e + 1] = factor > 0 && !edgeInFocus(texelFocus(s), e, a, b, ix.merged) ? FLAG : 0;
}

/**
 * Every organisation's texel, as `writeNodeTexel` writes it, in one loop over hoisted arrays (a filter rewrites all
 * 50k, often before the JIT has optimised anything). Unit tests hold the two to the same bytes.
 */
export function writeAllNodeTexels(s: GraphDisplayState, count: number, out: StateTexels): void {
  const bytes = out.bytes;
  const { orgVisible: visible, orgDegree: degree, orgFaded: faded, nodeSize: sizes, hideIsolated: hide } = s;
  const focus = texelFocus(s)?.orgs ?? null;
  out.version++; // before the loop: see writeAllEdgeTexels
  for (let i = 0; i < count; i++) {
    const at = 4 * i;
    if (visible[i] !== 1 || (hide && degree[i] === 0)) {
      bytes[at] = 0;
      bytes[at + 1] = 0;
      continue;
    }
    bytes[at] = sizes ? Math.min(255, Math.max(1, Math.round(sizes[i] ?? 1))) : 1;
    // Marks are looked up only for the faded (the Sets are small, but a lookup per organisation is not free).
    bytes[at + 1] = (faded[i] === 1 || (focus !== null && focus[i] !== 1)) && !orgMarked(s, i) ? FLAG : 0;
  }
}

/** Which pair each collaboration belongs to (-1: none, a self-loop) and which collaborations are visible. */
export interface PairRecount {
  readonly pairIndexOfCollab: Int32Array;
  readonly collabVisible: Uint8Array;
}

/**
 * `pairEdgeWidth` of counts below 256, looked up: a page's first filters run the texel loop before the JIT has
 * optimised it, where a call per drawn pair (and its Math calls) showed.
 */
const PAIR_WIDTH = Uint8Array.from({ length: 256 }, (_, count) => pairEdgeWidth(count));

/** Each pair's visible collaborations, in one flat pass over the collaborations (no loop nested per pair). */
function recountPairs(r: PairRecount, counts: Int32Array): void {
  counts.fill(0);
  const { pairIndexOfCollab: pairOf, collabVisible: visible } = r;
  for (let j = 0; j < pairOf.length; j++) {
    const p = pairOf[j]!;
    if (p >= 0 && visible[j] === 1) counts[p]!++;
  }
}

/**
 * Every edge's texel, as `writeEdgeTexel` writes it, in one loop over hoisted arrays: a filter at 50k rewrites 230k
 * pairs, and the first filter in a page runs this before the JIT has optimised it (a call per edge then cost ~50 ms).
 * Unit tests hold the two to the same bytes. With `recount` (merged pairs, after a filter), each pair's visible count
 * is recounted from the collaborations first.
 */
export function writeAllEdgeTexels(
  s: GraphDisplayState,
  ix: EdgeIndexing,
  out: StateTexels,
  recount?: PairRecount,
): void {
  const { source, target, merged } = ix;
  const bytes = out.bytes;
  const timed = s.timedCollab;
  const filterOk = s.collabFilterOk;
  const visible = s.orgVisible;
  const degree = s.orgDegree;
  const hide = s.hideIsolated;
  const counts = merged ? s.pairCount : null;
  const focus = texelFocus(s);
  if (counts !== null && recount) recountPairs(recount, counts);
  // Before the loop, not after: V8 compiles a long loop while it runs and deoptimises that code where it reaches
  // statements that have not run yet (seen with --trace-deopt), so nothing follows the loop.
  out.version++;
  for (let e = 0, n = source.length; e < n; e++) {
    const a = source[e]!;
    const b = target[e]!;
    const t = timed !== null ? timed[e]! : -1;
    let factor = 0;
    if (t >= 0) {
      if (filterOk[t] === 1 && visible[a] === 1 && visible[b] === 1) factor = 1;
    } else if (counts !== null) {
      const count = counts[e]!;
      const shown = visible[a] === 1 && visible[b] === 1 && !(hide && (degree[a] === 0 || degree[b] === 0));
      if (count > 0 && shown) factor = count < 256 ? PAIR_WIDTH[count]! : Math.min(255, pairEdgeWidth(count));
    }
    bytes[4 * e] = factor;
    bytes[4 * e + 1] = factor > 0 && focus !== null && !edgeInFocus(focus, e, a, b, merged) ? FLAG : 0;
  }
}

/** `#rrggbb` (or `#rgb`) as RGBA in 0–1 for a uniform; anything else is opaque black. */
export function rgbaOf(colour: string): [number, number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (!hex) return [0, 0, 0, 1];
  const full = hex.length === 3 ? [...hex].map((h) => h + h).join('') : hex;
  const channel = (k: number) => parseInt(full.slice(2 * k, 2 * k + 2), 16) / 255;
  return [channel(0), channel(1), channel(2), 1];
}

/** Reading the bytes back (exports, labels, the overlay): what the shaders draw. */
export function texelSize(t: StateTexels, i: number): number {
  return t.bytes[4 * i] ?? 0;
}

export function texelFlag(t: StateTexels, i: number): boolean {
  return (t.bytes[4 * i + 1] ?? 0) === FLAG;
}

/**
 * GLSL shared by the patched programs: the texture, its size, and each item's texel by `a_atlasIndex`, which is the
 * item's index + 1 — sigma zeroes the attributes of an item its reducer hides, and index 0 then means "not drawn".
 * GLSL ES 1.00 has no texelFetch: the texel centre is addressed by coordinates (indexes < 2^24 are exact in float).
 */
export const STATE_GLSL_HEAD = `
uniform sampler2D u_atlasState;
uniform vec2 u_atlasStateSize;
attribute float a_atlasIndex;
vec4 atlasStateAt(float index) {
  float row = floor((index + 0.5) / u_atlasStateSize.x);
  float col = index - row * u_atlasStateSize.x;
  return texture2D(u_atlasState, vec2((col + 0.5) / u_atlasStateSize.x, (row + 0.5) / u_atlasStateSize.y));
}
`;

/** Opening lines of `main`: the item's texel and its first channel in px (0 when sigma hid the item). */
export const STATE_GLSL_READ = `
  vec4 atlasTexel = atlasStateAt(a_atlasIndex - 1.0);
  float atlasValue = a_atlasIndex < 0.5 ? 0.0 : floor(atlasTexel.r * 255.0 + 0.5);
`;

/** Closing lines of `main`: an item not drawn is moved outside the clip volume (its triangles are culled). */
export const STATE_GLSL_CULL = `
  if (atlasValue < 0.5) gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
`;
