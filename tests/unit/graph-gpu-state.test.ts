// State texels (drawn size, fade, gate) and the shader patches that read them, against sigma's own shader sources.
import { describe, expect, test } from 'vitest';
import { compiledToPairGraph, pairEdgeWidth, pairKey } from '../../src/lib/graph/build-graph';
import {
  rgbaOf,
  stateTexels,
  STATE_GLSL_CULL,
  STATE_GLSL_HEAD,
  STATE_TEXTURE_WIDTH,
  texelFlag,
  texelSize,
  writeAllEdgeTexels,
  writeAllNodeTexels,
  writeEdgeTexel,
  writeNodeTexel,
} from '../../src/lib/graph/gpu-state';
import { degreeInWindow } from '../../src/lib/graph/metrics';
import { emptyDisplayState, type GraphDisplayState } from '../../src/lib/graph/reducers';
import { attributeOffset, patchShader } from '../../src/lib/views/state-programs';
import { proto } from './graph-fixture';

const compiled = proto();
const all = new Uint8Array(compiled.collabCount).fill(1);
const base: GraphDisplayState = {
  ...emptyDisplayState(compiled.orgCount, compiled.collabCount),
  orgDegree: degreeInWindow(compiled, all, new Float32Array(8)),
  nodeSize: new Float32Array(8).fill(7),
};
const ones = (n: number, at: number[]): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (at.includes(i) ? 1 : 0));

/** A focus on organisations 1–4, the collaborations 0–4 and (merged) pairs 0–1. */
const focus = { orgs: ones(8, [1, 2, 3, 4]), collabs: ones(10, [0, 1, 2, 3, 4]), pairs: ones(20, [0, 1]) };
const inTexels = { ...base, focus, focusInTexels: true };

function node(state: GraphDisplayState, i: number): { size: number; faded: boolean } {
  const t = stateTexels(compiled.orgCount);
  writeNodeTexel(state, i, t.bytes);
  return { size: texelSize(t, i), faded: texelFlag(t, i) };
}

describe('node texels', () => {
  test.each([
    ['plain: the drawn size', base, 3, { size: 7, faded: false }],
    ['filtered out: not drawn', { ...base, orgVisible: ones(8, [0, 1, 2, 4, 5, 6, 7]) }, 3, { size: 0, faded: false }],
    ['isolated while hiding them', { ...base, hideIsolated: true }, 7, { size: 0, faded: false }],
    ['connected while hiding isolated ones', { ...base, hideIsolated: true }, 3, { size: 7, faded: false }],
    ['isolated, not hiding', base, 7, { size: 7, faded: false }],
    ['faded for inactivity', { ...base, orgFaded: ones(8, [4]) }, 4, { size: 7, faded: true }],
    ['faded but hovered', { ...base, orgFaded: ones(8, [4]), hovered: 4 }, 4, { size: 7, faded: false }],
    ['faded but selected', { ...base, orgFaded: ones(8, [4]), selected: new Set([4]) }, 4, { size: 7, faded: false }],
    [
      'faded but on the map',
      { ...base, orgFaded: ones(8, [4]), highlighted: ones(8, [4]) },
      4,
      { size: 7, faded: false },
    ],
    [
      'a fractional size rounds, at least 1 px',
      { ...base, nodeSize: new Float32Array(8).fill(0.2) },
      1,
      { size: 1, faded: false },
    ],
    ['a huge size saturates', { ...base, nodeSize: new Float32Array(8).fill(900) }, 1, { size: 255, faded: false }],
    ['out of a texel focus: faded', inTexels, 6, { size: 7, faded: true }],
    ['in a texel focus', inTexels, 2, { size: 7, faded: false }],
    ['out of a texel focus but selected', { ...inTexels, selected: new Set([6]) }, 6, { size: 7, faded: false }],
    ['out of a focus the reducers fade by', { ...inTexels, focusInTexels: false }, 6, { size: 7, faded: false }],
  ])('%s', (_name, state, org, expected) => {
    expect(node(state, org)).toEqual(expected);
  });

  test('writing them all bumps the version the programs upload by', () => {
    const t = stateTexels(compiled.orgCount);
    writeAllNodeTexels(base, compiled.orgCount, t);
    expect(t.version).toBe(1);
    expect(Array.from({ length: 8 }, (_, i) => texelSize(t, i))).toEqual(Array(8).fill(7));
  });
});

describe('edge texels', () => {
  const parallel = { source: compiled.collabSource, target: compiled.collabTarget, merged: false };
  const timedAll = Int32Array.from({ length: compiled.collabCount }, (_, j) =>
    compiled.collabSource[j] === compiled.collabTarget[j] ? -1 : j,
  );
  const timedState: GraphDisplayState = { ...base, timedCollab: timedAll };
  const edge = (state: GraphDisplayState, j: number) => {
    const t = stateTexels(compiled.collabCount);
    writeEdgeTexel(state, j, parallel, t.bytes);
    return texelSize(t, j);
  };
  test.each([
    ['timed, passing the filters: the window decides (shader)', timedState, 4, 1],
    ['timed, out of the window: still 1, the shader culls it', { ...timedState, collabVisible: ones(10, [0]) }, 4, 1],
    ['timed, filtered out', { ...timedState, collabFilterOk: ones(10, [0, 1, 2, 3]) }, 4, 0],
    ['timed, an end filtered out', { ...timedState, orgVisible: ones(8, [0, 1, 2, 3, 5, 6, 7]) }, 4, 0],
    ['a self-loop is never drawn', timedState, 7, 0],
  ])('%s', (_name, state, collab, expected) => {
    expect(compiled.collabSource[7]).toBe(compiled.collabTarget[7]);
    expect(edge(state, collab)).toBe(expected);
  });

  test('a drawn edge out of a texel focus is faded; in it, undrawn, or with the reducers fading, it is not', () => {
    const flag = (state: GraphDisplayState, j: number) => {
      const t = stateTexels(compiled.collabCount);
      writeEdgeTexel(state, j, parallel, t.bytes);
      return texelFlag(t, j);
    };
    const focused = { ...timedState, focus, focusInTexels: true };
    const outside = [5, 6, 8, 9].find((j) => compiled.collabSource[j] !== compiled.collabTarget[j])!;
    expect(flag(focused, outside)).toBe(true);
    expect(flag(focused, 2)).toBe(false);
    expect(flag({ ...focused, collabFilterOk: ones(10, [0, 1, 2, 3, 4]) }, outside)).toBe(false);
    expect(flag({ ...focused, focusInTexels: false }, outside)).toBe(false);
  });

  test('merged pairs of several: the visible count sets the width; 0, or a hidden end, hides them', () => {
    const pairs = compiledToPairGraph(compiled);
    const p = pairs.graph.getEdgeAttribute(pairKey(0, 1), 'pair') as number;
    const ix = { source: pairs.pairSource, target: pairs.pairTarget, merged: true };
    const counts = new Int32Array(pairs.pairCount).fill(1);
    const state = (over: Partial<GraphDisplayState>): GraphDisplayState => ({
      ...base,
      timedCollab: new Int32Array(pairs.pairCount).fill(-1),
      pairCount: counts,
      ...over,
    });
    const width = (s: GraphDisplayState) => {
      const t = stateTexels(pairs.pairCount);
      writeAllEdgeTexels(s, ix, t);
      return texelSize(t, p);
    };
    counts[p] = 4;
    expect(width(state({}))).toBe(pairEdgeWidth(4));
    counts[p] = 0;
    expect(width(state({}))).toBe(0);
    counts[p] = 2;
    expect(width(state({ orgVisible: ones(8, [1, 2, 3, 4, 5, 6, 7]) }))).toBe(0);
    expect(width(state({ hideIsolated: true, orgDegree: new Float32Array(8) }))).toBe(0);
    expect(width(state({}))).toBe(pairEdgeWidth(2));
    // Counts below 256 are looked up, larger ones computed: both give pairEdgeWidth, across the boundary.
    for (const count of [1, 2, 3, 127, 128, 255, 256, 257, 1000, 65_535, 2 ** 30]) {
      counts[p] = count;
      expect(width(state({}))).toBe(pairEdgeWidth(count));
    }
  });
});

describe('all texels at once', () => {
  test('writeAllEdgeTexels writes what writeEdgeTexel writes, edge by edge, in every state', () => {
    const pairs = compiledToPairGraph(compiled);
    const merged = { source: pairs.pairSource, target: pairs.pairTarget, merged: true };
    const parallel = { source: compiled.collabSource, target: compiled.collabTarget, merged: false };
    const counts = Int32Array.from({ length: pairs.pairCount }, (_, p) => p % 3);
    const pairTimed = Int32Array.from({ length: pairs.pairCount }, (_, p) => (p % 2 ? -1 : p % compiled.collabCount));
    const collabTimed = Int32Array.from({ length: compiled.collabCount }, (_, j) => (j === 7 ? -1 : j));
    const states: [GraphDisplayState, typeof merged][] = [];
    for (const hideIsolated of [false, true])
      for (const orgVisible of [ones(8, [0, 1, 2, 3, 4, 5, 6, 7]), ones(8, [0, 2, 3, 5])])
        for (const collabFilterOk of [all, ones(10, [1, 4, 6, 9])]) {
          const over = {
            hideIsolated,
            orgVisible,
            collabFilterOk,
            orgDegree: Float32Array.from([0, 2, 1, 0, 3, 1, 0, 0]),
          };
          for (const texelFocus of [{}, { focus, focusInTexels: true }, { focus: { ...focus, pairs: null } }]) {
            const merge = { ...over, ...texelFocus, pairCount: counts, timedCollab: pairTimed };
            states.push([{ ...base, ...merge, focusInTexels: 'focusInTexels' in texelFocus }, merged]);
            states.push([{ ...base, ...over, ...texelFocus, timedCollab: collabTimed }, parallel]);
          }
        }
    for (const [state, ix] of states) {
      const whole = stateTexels(ix.source.length);
      writeAllEdgeTexels(state, ix, whole);
      const one = stateTexels(ix.source.length);
      for (let e = 0; e < ix.source.length; e++) writeEdgeTexel(state, e, ix, one.bytes);
      expect([...whole.bytes]).toEqual([...one.bytes]);
    }
    const written = states.map(([s, ix]) => {
      const t = stateTexels(ix.source.length);
      writeAllEdgeTexels(s, ix, t);
      return t;
    });
    expect(written.some((t) => t.bytes.some((v) => v > 1))).toBe(true);
    // Some states fade edges by a texel focus, in both modes.
    expect(written.filter((t, k) => states[k]![1].merged && texelFlag(t, 0) !== texelFlag(t, 5))).not.toHaveLength(0);
    expect(written.some((t, k) => !states[k]![1].merged && t.bytes.some((v, at) => at % 4 === 1 && v > 0))).toBe(true);
  });

  test('with a recount, each pair counts its visible collaborations and is written as with those counts', () => {
    const pairs = compiledToPairGraph(compiled);
    const merged = { source: pairs.pairSource, target: pairs.pairTarget, merged: true };
    const untimed = new Int32Array(pairs.pairCount).fill(-1);
    let drawn = 0;
    for (const collabVisible of [all, ones(10, [1, 4, 6, 9]), ones(10, [])]) {
      const expected = new Int32Array(pairs.pairCount);
      pairs.pairIndexOfCollab.forEach((p, j) => {
        if (p >= 0 && collabVisible[j] === 1) expected[p]!++;
      });
      const state = { ...base, pairCount: new Int32Array(pairs.pairCount).fill(99), timedCollab: untimed };
      const recounted = stateTexels(pairs.pairCount);
      writeAllEdgeTexels(state, merged, recounted, { ...pairs, collabVisible });
      expect([...state.pairCount]).toEqual([...expected]);
      const given = stateTexels(pairs.pairCount);
      writeAllEdgeTexels({ ...state, pairCount: expected }, merged, given);
      expect([...recounted.bytes]).toEqual([...given.bytes]);
      drawn += recounted.bytes.filter((v) => v > 0).length;
    }
    expect(drawn).toBeGreaterThan(0);
  });
});

describe('all node texels at once', () => {
  test('writeAllNodeTexels writes what writeNodeTexel writes, organisation by organisation, in every state', () => {
    const states: GraphDisplayState[] = [];
    for (const hideIsolated of [false, true])
      for (const orgVisible of [ones(8, [0, 1, 2, 3, 4, 5, 6, 7]), ones(8, [0, 2, 3, 5])])
        for (const nodeSize of [null, Float32Array.from([0.2, 3, 7.6, 900, 12, 1, 4, 2])])
          for (const marks of [{}, { hovered: 2, selected: new Set([3]), searchMatches: new Set([5]) }])
            for (const texelFocus of [{}, { focus, focusInTexels: true }, { focus }])
              states.push({
                ...base,
                ...marks,
                ...texelFocus,
                hideIsolated,
                orgVisible,
                nodeSize,
                orgFaded: ones(8, [0, 2, 3, 5, 6]),
                highlighted: ones(8, [6]),
                orgDegree: Float32Array.from([0, 2, 1, 0, 3, 1, 0, 0]),
              });
    for (const state of states) {
      const whole = stateTexels(compiled.orgCount);
      // Stale bytes first: every texel must be written, hidden ones included.
      whole.bytes.fill(9);
      writeAllNodeTexels(state, compiled.orgCount, whole);
      const one = stateTexels(compiled.orgCount);
      for (let i = 0; i < compiled.orgCount; i++) writeNodeTexel(state, i, one.bytes);
      for (let i = 0; i < compiled.orgCount; i++) {
        expect([...whole.bytes.subarray(4 * i, 4 * i + 2)]).toEqual([...one.bytes.subarray(4 * i, 4 * i + 2)]);
      }
    }
    const flags = states.map((s) => {
      const t = stateTexels(compiled.orgCount);
      writeAllNodeTexels(s, compiled.orgCount, t);
      return Array.from({ length: 8 }, (_, i) => texelFlag(t, i));
    });
    // The states cover faded and unfaded, drawn and hidden organisations.
    expect(flags.some((f) => f.some(Boolean)) && flags.some((f) => f.some((x) => !x))).toBe(true);
  });
});

describe('texture shape and colours', () => {
  test.each([
    [1, 1, 1],
    [8, 8, 1],
    [STATE_TEXTURE_WIDTH + 1, STATE_TEXTURE_WIDTH, 2],
    [250_000, STATE_TEXTURE_WIDTH, Math.ceil(250_000 / STATE_TEXTURE_WIDTH)],
  ])('%i items: %i × %i texels', (count, width, height) => {
    const t = stateTexels(count);
    expect([t.width, t.height, t.bytes.length]).toEqual([width, height, 4 * width * height]);
  });

  test.each([
    ['#E4E4E4', [228 / 255, 228 / 255, 228 / 255, 1]],
    ['#3a3a3a', [58 / 255, 58 / 255, 58 / 255, 1]],
    ['#fff', [1, 1, 1, 1]],
    ['rgb(1,2,3)', [0, 0, 0, 1]],
  ])('%s as RGBA', (colour, rgba) => {
    expect(rgbaOf(colour)).toEqual(rgba);
  });
});

describe('shader patches', () => {
  // sigma's own shaders are patched and drawn for real in tests/browser/sigma-binding.test.ts.
  const shader =
    'attribute float a_size;\nvoid main() {\n  float size = a_size * 2.0;\n  gl_Position = vec4(size);\n}\n';
  test('declarations first, the read first in main, the replacements in main only, the cull last', () => {
    const read = '\n  float atlasValue = 1.0;\n';
    const patched = patchShader(shader, {
      head: STATE_GLSL_HEAD,
      read,
      tail: STATE_GLSL_CULL,
      replace: [['a_size', 'atlasValue']],
    });
    expect(patched.startsWith(STATE_GLSL_HEAD + 'attribute float a_size;')).toBe(true);
    const main = patched.slice(patched.indexOf('void main()'));
    expect(main).not.toContain('a_size');
    expect(main.indexOf(read)).toBeLessThan(main.indexOf('atlasValue * 2.0'));
    expect(main.trimEnd().endsWith(STATE_GLSL_CULL + '}')).toBe(true);
    expect(() => patchShader(shader, { head: '', read: '', tail: '', replace: [['a_missing', 'x']] })).toThrow(
      /a_missing/,
    );
    expect(() => patchShader('attribute float a;', { head: '', read: '', tail: '', replace: [] })).toThrow(/main/);
  });

  test('an attribute’s place counts a normalised byte vector as one float', () => {
    const attrs = [
      { name: 'a_position', size: 2, type: 0x1406 },
      { name: 'a_color', size: 4, type: 0x1401 },
      { name: 'a_span', size: 2, type: 0x1406 },
      { name: 'a_atlasIndex', size: 1, type: 0x1406 },
    ];
    expect(attributeOffset(attrs, 'a_span')).toBe(3);
    expect(attributeOffset(attrs, 'a_atlasIndex')).toBe(5);
    expect(() => attributeOffset(attrs, 'a_nope')).toThrow(/a_nope/);
  });
});
