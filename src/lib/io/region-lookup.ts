// Places an imported organisation: NUTS code (2021 or renamed 2016), country code (ISO or Eurostat) or region name.
import type { RegionIndex } from '../regions/region-index';
import type { CellRef, ProblemLog } from './problems';

/** What a piece of region text resolved to. */
export type RegionLookup =
  | { readonly status: 'region'; readonly code: string; readonly country: string; readonly renamed?: string }
  /** A country outside NUTS (`US`, `Japan`), by its code. */
  | { readonly status: 'country'; readonly country: string }
  | { readonly status: 'ambiguous'; readonly candidates: readonly string[]; readonly renamed?: string }
  | { readonly status: 'not-found' };

/** Resolves region text; structural so io does not depend on how regions are stored. */
export interface RegionResolver {
  /** NUTS code lookup (the built-in data's contract). */
  resolveCode(code: string): { code: string; renamedFrom?: string } | undefined;
  /** Codes at any level, NUTS 2016 renames, ISO/Eurostat country codes and unambiguous names. */
  resolveText?(text: string): RegionLookup;
}

/** Adapts the region index to the importer. */
export function regionResolver(index: RegionIndex): RegionResolver {
  const resolveText = (text: string): RegionLookup => {
    const hit = index.resolve(text);
    switch (hit.status) {
      case 'found': {
        const renamed = hit.warning?.message;
        return {
          status: 'region',
          code: hit.region.code,
          country: hit.region.country,
          ...(renamed ? { renamed } : {}),
        };
      }
      case 'country':
        return { status: 'country', country: hit.country.code };
      case 'ambiguous': {
        const renamed = hit.warning?.message;
        return { status: 'ambiguous', candidates: hit.candidates.map((r) => r.code), ...(renamed ? { renamed } : {}) };
      }
      default:
        return { status: 'not-found' };
    }
  };
  return {
    resolveCode(text) {
      const hit = index.resolve(text);
      if (hit.status !== 'found') return undefined;
      return hit.warning ? { code: hit.region.code, renamedFrom: hit.warning.from } : { code: hit.region.code };
    },
    resolveText,
  };
}

/** Caches lookups by text: an import resolves the same few hundred codes for thousands of rows. */
export function memoResolver(resolver: RegionResolver): RegionResolver {
  const cache = new Map<string, RegionLookup>();
  return {
    resolveCode: (code) => resolver.resolveCode(code),
    resolveText(text) {
      let hit = cache.get(text);
      if (hit === undefined) {
        hit = lookup(resolver, text);
        cache.set(text, hit);
      }
      return hit;
    },
  };
}

function lookup(resolver: RegionResolver, text: string): RegionLookup {
  if (resolver.resolveText) return resolver.resolveText(text);
  const hit = resolver.resolveCode(text);
  if (!hit) return { status: 'not-found' };
  const renamed = hit.renamedFrom
    ? `NUTS 2016 code ${hit.renamedFrom} is ${hit.code} in NUTS 2021; use the new code.`
    : '';
  return { status: 'region', code: hit.code, country: hit.code.slice(0, 2), ...(renamed ? { renamed } : {}) };
}

/** Longest code prefix shared by all candidates, at least a country (`DE`), else ''. */
function commonCountry(codes: readonly string[]): string {
  const first = codes[0]?.slice(0, 2) ?? '';
  return codes.every((c) => c.slice(0, 2) === first) ? first : '';
}

/**
 * Region and country of an organisation from its `nuts` and `country` cells. Problems are warnings:
 * an unplaced organisation still appears in the graph.
 */
export function locate(
  nutsText: string,
  countryText: string,
  ref: (field: 'nuts' | 'country') => CellRef,
  log: ProblemLog,
  resolver: RegionResolver | undefined,
): { nuts: string; country: string } {
  let nuts = '';
  let country = '';
  if (nutsText !== '') {
    if (!resolver) nuts = nutsText.toUpperCase();
    else {
      const hit = lookup(resolver, nutsText);
      if (hit.status === 'region') {
        nuts = hit.code;
        country = hit.country;
        if (hit.renamed) log.report('warning', 'renamed-region', ref('nuts'), nutsText, hit.renamed);
      } else if (hit.status === 'country') country = hit.country;
      else if (hit.status === 'ambiguous') {
        country = commonCountry(hit.candidates);
        const list = hit.candidates.slice(0, 6).join(', ');
        log.report(
          'warning',
          'ambiguous-region',
          ref('nuts'),
          nutsText,
          `${hit.renamed ? `${hit.renamed} ` : ''}This matches several regions (${list}); write the NUTS code of the one you mean.`,
        );
      } else
        log.report(
          'warning',
          'unknown-region',
          ref('nuts'),
          nutsText,
          'Not a NUTS 2021 code, country code or region name we know; the organisation is placed by its coordinates or country only.',
        );
    }
  }
  if (countryText !== '') {
    const hit = resolver ? lookup(resolver, countryText) : undefined;
    if (hit?.status === 'region') country = hit.country;
    else if (hit?.status === 'country') country = hit.country;
    else {
      country = /^[A-Za-z]{2}$/.test(countryText) ? countryText.toUpperCase() : country;
      if (resolver)
        log.report(
          'warning',
          'unknown-region',
          ref('country'),
          countryText,
          'Unknown country; write its two-letter code (BE, DE, EL or GR).',
        );
    }
  }
  return { nuts, country };
}
