// Layout cache: fingerprints follow the network, positions round-trip exactly, bad or refused storage is survivable.
import { describe, expect, it } from 'vitest';
import { layoutFingerprint, loadLayout, saveLayout, type KeyValueStore } from '../../src/lib/graph/layout-cache';

const pairs = (list: [number, number][]) => ({
  pairCount: list.length,
  pairSource: Int32Array.from(list.map((p) => p[0])),
  pairTarget: Int32Array.from(list.map((p) => p[1])),
});

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('layoutFingerprint', () => {
  it.each([
    ['same network, same key', ['a', 'b', 'c'], [[0, 1]], ['a', 'b', 'c'], [[0, 1]], true],
    ['renamed node', ['a', 'b', 'c'], [[0, 1]], ['a', 'b', 'd'], [[0, 1]], false],
    [
      'extra pair',
      ['a', 'b', 'c'],
      [[0, 1]],
      ['a', 'b', 'c'],
      [
        [0, 1],
        [1, 2],
      ],
      false,
    ],
    ['ids do not run together', ['ab', 'c'], [], ['a', 'bc'], [], false],
  ] as const)('%s', (_, idsA, pairsA, idsB, pairsB, same) => {
    const a = layoutFingerprint(idsA, pairs(pairsA.map((p) => [...p] as [number, number])));
    const b = layoutFingerprint(idsB, pairs(pairsB.map((p) => [...p] as [number, number])));
    expect(a === b).toBe(same);
  });
});

describe('loadLayout / saveLayout', () => {
  it('round-trips positions bit for bit', () => {
    const store = memoryStore();
    const positions = Float32Array.from([0.1, -2.5, 1e6, Number.MIN_VALUE, -0, 3.14159]);
    expect(saveLayout(store, 'k', positions)).toBe(true);
    expect(Array.from(loadLayout(store, 'k', 3)!)).toEqual(Array.from(positions));
  });

  it('ignores an entry of the wrong size or garbage', () => {
    const store = memoryStore();
    saveLayout(store, 'k', new Float32Array(4));
    expect(loadLayout(store, 'k', 3)).toBeNull();
    store.map.set('cluster-atlas:layout:v1:x', '%%% not base64');
    expect(loadLayout(store, 'x', 1)).toBeNull();
    expect(loadLayout(store, 'missing', 1)).toBeNull();
  });

  it('reports a refused write instead of throwing', () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(saveLayout(full, 'k', new Float32Array(2))).toBe(false);
  });
});
