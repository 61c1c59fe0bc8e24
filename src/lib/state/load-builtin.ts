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

let geography: Promise<Geography> | null = null;

/** Region tables, index and geometry; fetched once per page. */
export function loadGeography(): Promise<Geography> {
  geography ??= Promise.all([text(regionsUrl), text(recodesUrl), text(countriesUrl), text(topologyUrl)]).then(
    ([regions, recodes, countries, topo]) => {
      const texts = { regions, recodes, countries };
      return { texts, index: regionIndexFromCsv(texts), topology: JSON.parse(topo) as unknown };
    },
  );
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
