// The values the filter menus offer: what the dataset holds, each with how many records carry it.
import type { CompiledDataset } from '../model/compiled';
import { COLLABORATION_KINDS, ORGANISATION_TYPES } from '../model/types';

export interface FilterOption {
  readonly value: string;
  readonly count: number;
}

export interface FilterOptions {
  readonly types: readonly FilterOption[];
  readonly countries: readonly FilterOption[];
  readonly kinds: readonly FilterOption[];
}

function ranked(counts: Iterable<[string, number]>): FilterOption[] {
  return [...counts]
    .filter(([value, count]) => value !== '' && count > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function countCodes(codes: Uint8Array, names: readonly string[]): [string, number][] {
  const counts = new Int32Array(names.length);
  for (let i = 0; i < codes.length; i++) counts[codes[i]!]!++;
  return names.map((name, k) => [name, counts[k]!]);
}

/**
 * Types, countries and kinds present, most frequent first. Types and kinds are counted from the compiled codes:
 * mapping 250k records to strings here cost ~40 ms of the frame that hands an import to the page.
 */
export function filterOptions(compiled: CompiledDataset): FilterOptions {
  const countries = new Map<string, number>();
  for (const o of compiled.dataset.organisations) countries.set(o.country, (countries.get(o.country) ?? 0) + 1);
  return {
    types: ranked(countCodes(compiled.orgType, ORGANISATION_TYPES)),
    countries: ranked(countries),
    kinds: ranked(countCodes(compiled.collabKind, COLLABORATION_KINDS)),
  };
}
