// Reads a dataset's CSVs in Node to pick what the interaction cells use: busy NUTS 2 regions and a searchable name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

export interface DatasetFacts {
  readonly organisations: number;
  readonly collaborations: number;
  /** NUTS 2 codes with the most organisations, busiest first. */
  readonly regions: readonly string[];
  /** A well-connected organisation whose name is in no other name or alias, so the search's first hit is it. */
  readonly searchName: string;
}

function rows(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

export function datasetFacts(dir: string): DatasetFacts {
  const orgs = rows(join(dir, 'organisations.csv'));
  const collabs = rows(join(dir, 'collaborations.csv'));
  const perRegion = new Map<string, number>();
  const nameCount = new Map<string, number>();
  for (const o of orgs) {
    const nuts = (o.nuts ?? '').trim();
    if (nuts.length >= 4) perRegion.set(nuts.slice(0, 4), (perRegion.get(nuts.slice(0, 4)) ?? 0) + 1);
    const name = (o.name ?? '').trim();
    nameCount.set(name, (nameCount.get(name) ?? 0) + 1);
  }
  const degree = new Map<string, number>();
  for (const c of collabs) {
    for (const end of [c.source, c.target]) if (end) degree.set(end, (degree.get(end) ?? 0) + 1);
  }
  const candidates = orgs
    .filter((o) => (o.name ?? '').trim().length >= 6 && nameCount.get((o.name ?? '').trim()) === 1)
    .sort((a, b) => (degree.get(b.id ?? '') ?? 0) - (degree.get(a.id ?? '') ?? 0))
    .slice(0, 30);
  // The search lists prefix matches in data order, so the name must not occur inside any other name or alias.
  const keys = orgs.map((o) => [o.name ?? '', ...(o.aliases ?? '').split('|')].map((k) => k.trim().toLowerCase()));
  const unique = candidates.find((c) => {
    const q = (c.name ?? '').trim().toLowerCase();
    let hits = 0;
    for (const list of keys) if (list.some((k) => k.includes(q))) hits++;
    return hits === 1;
  });
  return {
    organisations: orgs.length,
    collaborations: collabs.length,
    regions: [...perRegion.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([code]) => code),
    searchName: (unique?.name ?? candidates[0]?.name ?? '').trim(),
  };
}
