// Fetches the built-in dataset, region tables, geometry and baked layout that Vite ships as assets.
import sourcesUrl from '../../../data/sources.csv?url';
import organisationsUrl from '../../../data/organisations.csv?url';
import collaborationsUrl from '../../../data/collaborations.csv?url';
import regionsUrl from '../../../data/regions/nuts2021.csv?url';
import recodesUrl from '../../../data/regions/nuts2016-2021.csv?url';
import countriesUrl from '../../../data/regions/countries.csv?url';
import topologyUrl from '../../../data/regions/nuts2021.topo.json?url';
import layoutUrl from '../../../data/layout.json?url';
import { parseBuiltin } from '../io/builtin';
import { macrotask } from '../io/steps';
import { formatProblem } from '../model/errors';
import { todayDay } from '../model/dates';
import { regionIndexFromCsv, type RegionIndex } from '../regions/region-index';
import { makeAtlasData, type AtlasData } from './atlas-data';

/** The three region tables as CSV text (the import worker builds its own index from them). */
export interface RegionTexts {
  readonly regions: string;
  readonly recodes: string;
  readonly countries: string;
}

export interface Geography {
  readonly texts: RegionTexts;
  readonly index: RegionIndex;
  readonly topology: unknown;
}

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

let texts: Promise<{ readonly tables: RegionTexts; readonly topology: string }> | null = null;
let geography: Promise<Geography> | null = null;

function loadTexts(): NonNullable<typeof texts> {
  texts ??= Promise.all([text(regionsUrl), text(recodesUrl), text(countriesUrl), text(topologyUrl)]).then(
    ([regions, recodes, countries, topology]) => ({ tables: { regions, recodes, countries }, topology }),
  );
  return texts;
}

/** The region tables as text, all the import worker needs (it builds its own index); fetched once per page. */
export async function loadRegionTexts(): Promise<RegionTexts> {
  return (await loadTexts()).tables;
}

/**
 * Region tables, index and geometry; built once per page. The index and the geometry are parsed in tasks of their
 * own: in one, they held a frame of 60–140 ms on a page whose import worker was starting.
 */
export function loadGeography(): Promise<Geography> {
  geography ??= loadTexts().then(async ({ tables, topology }) => {
    const index = regionIndexFromCsv(tables);
    await macrotask();
    return { texts: tables, index, topology: JSON.parse(topology) as unknown };
  });
  return geography;
}

/** Loads and validates the built-in dataset; rejects with every validation problem listed. */
export async function loadBuiltin(): Promise<AtlasData> {
  const [sources, organisations, collaborations, layout, geo] = await Promise.all([
    text(sourcesUrl),
    text(organisationsUrl),
    text(collaborationsUrl),
    text(layoutUrl).then((t) => JSON.parse(t) as { positions: Record<string, [number, number]> }),
    loadGeography(),
  ]);
  performance.mark('atlas:data-fetched');
  const result = parseBuiltin({ sources, organisations, collaborations }, geo.index, todayDay());
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'));
  performance.mark('atlas:data-parsed');
  return makeAtlasData(result.dataset, geo.index, geo.topology, layout.positions);
}
