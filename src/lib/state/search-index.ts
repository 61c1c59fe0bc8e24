// Type-ahead search over organisation names and aliases and over regions (name or NUTS code), diacritic-insensitive.
import type { CompiledDataset } from '../model/compiled';
import { normaliseName, type RegionIndex } from '../regions/region-index';

export type SearchHit =
  | { readonly kind: 'org'; readonly index: number; readonly label: string; readonly detail: string }
  | { readonly kind: 'region'; readonly code: string; readonly label: string; readonly detail: string };

export interface SearchIndex {
  /** Normalised names, one entry per name or alias, with the organisation index. */
  readonly orgKeys: readonly string[];
  readonly orgOf: Int32Array;
  readonly regionKeys: readonly { key: string; code: string; label: string; level: number }[];
}

export function makeSearchIndex(compiled: CompiledDataset, regions: RegionIndex): SearchIndex {
  const orgKeys: string[] = [];
  const owners: number[] = [];
  compiled.dataset.organisations.forEach((o, i) => {
    for (const name of [o.name, ...o.aliases, o.id]) {
      orgKeys.push(normaliseName(name));
      owners.push(i);
    }
  });
  const regionKeys: { key: string; code: string; label: string; level: number }[] = [];
  for (const level of [0, 1, 2] as const) {
    for (const r of regions.byLevel(level)) {
      const label = r.nameLatin;
      regionKeys.push({ key: normaliseName(label), code: r.code, label, level });
      regionKeys.push({ key: r.code.toLowerCase(), code: r.code, label, level });
    }
  }
  return { orgKeys, orgOf: Int32Array.from(owners), regionKeys };
}

/**
 * Organisations first (prefix matches before substring matches, each once), then regions.
 * Regions are listed only when the query has at least two characters, to keep the list short.
 */
export function searchAll(index: SearchIndex, compiled: CompiledDataset, query: string, limit = 12): SearchHit[] {
  const q = normaliseName(query);
  if (q === '') return [];
  const prefix: number[] = [];
  const inner: number[] = [];
  // A prefix match when any name starts with the query, not just the first name that contains it (an alias can).
  const isPrefix = new Map<number, boolean>();
  index.orgKeys.forEach((key, k) => {
    const at = key.indexOf(q);
    if (at === -1) return;
    const org = index.orgOf[k]!;
    isPrefix.set(org, isPrefix.get(org) === true || at === 0);
  });
  for (const [org, atStart] of isPrefix) (atStart ? prefix : inner).push(org);
  const orgs = compiled.dataset.organisations;
  const hits: SearchHit[] = [...prefix, ...inner].slice(0, limit).map((i) => ({
    kind: 'org',
    index: i,
    label: orgs[i]!.name,
    detail: [orgs[i]!.type, orgs[i]!.nuts || orgs[i]!.country].filter(Boolean).join(' · '),
  }));
  if (q.length >= 2) {
    const regionSeen = new Set<string>();
    for (const r of index.regionKeys) {
      if (hits.length >= limit) break;
      const matches = r.key === q || (q.length >= 3 ? r.key.includes(q) : r.key.startsWith(q));
      if (regionSeen.has(r.code) || !matches) continue;
      regionSeen.add(r.code);
      hits.push({ kind: 'region', code: r.code, label: r.label, detail: `NUTS ${r.level} · ${r.code}` });
    }
  }
  return hits;
}
