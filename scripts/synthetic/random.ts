// Seeded random helpers for the synthetic dataset: named streams, weighted picks and O(1) alias sampling.
import seedrandom from 'seedrandom';

/** Uniform in [0, 1). */
export type Rng = () => number;

/**
 * One independent stream per purpose, so that adding a column to organisations never shifts the
 * collaborations drawn for the same seed.
 */
export function makeRng(seed: string, stream: string): Rng {
  const prng = seedrandom(`${seed}\u0000${stream}`);
  return () => prng.quick();
}

/** Integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[randomInt(rng, items.length)];
  if (item === undefined) throw new Error('synthetic/random: pick from an empty list');
  return item;
}

/** Standard normal by Box–Muller; 1 − u keeps log away from 0. */
export function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Picks from a small table of `[value, weight]`; linear scan, fine for the short tables used here. */
export function pickWeighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let r = rng() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  const last = table[table.length - 1];
  if (last === undefined) throw new Error('synthetic/random: pickWeighted from an empty table');
  return last[0];
}

/** Walker's alias table: 250,000 weighted draws over 50,000 organisations must not cost a search each. */
export interface AliasTable {
  readonly size: number;
  readonly prob: Float64Array;
  readonly alias: Int32Array;
}

export function makeAliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i] ?? 0;
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = ((weights[i] ?? 0) * n) / total;
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) ((scaled[i] ?? 0) < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    ((scaled[l] ?? 0) < 1 ? small : large).push(l);
  }
  // Leftovers are 1 up to rounding error.
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return { size: n, prob, alias };
}

/** Index drawn in proportion to the table's weights. */
export function sampleAlias(table: AliasTable, rng: Rng): number {
  const i = randomInt(rng, table.size);
  return rng() < table.prob[i]! ? i : table.alias[i]!;
}
