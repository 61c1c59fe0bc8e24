// Remembers computed layouts per dataset (by a fingerprint of its nodes and pairs), so a reopened import draws at once.
import type { PairTable } from './pairs';

/** FNV-1a over the organisation ids and pair endpoints: the same network gives the same key, any edit a new one. */
export function layoutFingerprint(
  ids: readonly string[],
  pairs: Pick<PairTable, 'pairCount' | 'pairSource' | 'pairTarget'>,
): string {
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    h ^= n;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) mix(id.charCodeAt(i));
    mix(0);
  }
  for (let p = 0; p < pairs.pairCount; p++) {
    mix(pairs.pairSource[p]!);
    mix(pairs.pairTarget[p]!);
  }
  return `${ids.length}-${pairs.pairCount}-${h.toString(36)}`;
}

/** Minimal storage interface (window.localStorage in the app, a Map-backed stub in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const PREFIX = 'cluster-atlas:layout:v1:';

export function loadLayout(store: KeyValueStore, key: string, nodes: number): Float32Array | null {
  try {
    const text = store.getItem(PREFIX + key);
    if (!text) return null;
    const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    if (bytes.length !== nodes * 8) return null;
    return new Float32Array(bytes.buffer);
  } catch {
    return null;
  }
}

/** Saves positions; returns false when storage refused (quota, private mode) — the layout is then recomputed next time. */
export function saveLayout(store: KeyValueStore, key: string, positions: Float32Array): boolean {
  try {
    const bytes = new Uint8Array(positions.buffer, positions.byteOffset, positions.byteLength);
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    store.setItem(PREFIX + key, btoa(text));
    return true;
  } catch {
    return false;
  }
}
