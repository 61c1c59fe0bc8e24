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
import { regionIndexFromCsv } from '../regions/region-index';
import { makeAtlasData, type AtlasData } from './atlas-data';

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

/** Loads and validates the built-in dataset; rejects with every validation problem listed. */
export async function loadBuiltin(): Promise<AtlasData> {
  const [sources, organisations, collaborations, regionsCsv, recodes, countries, topology, layout] = await Promise.all([
    text(sourcesUrl),
    text(organisationsUrl),
    text(collaborationsUrl),
    text(regionsUrl),
    text(recodesUrl),
    text(countriesUrl),
    text(topologyUrl).then((t) => JSON.parse(t) as unknown),
    text(layoutUrl).then((t) => JSON.parse(t) as { positions: Record<string, [number, number]> }),
  ]);
  performance.mark('atlas:data-fetched');
  const regions = regionIndexFromCsv({ regions: regionsCsv, recodes, countries });
  const result = parseBuiltin({ sources, organisations, collaborations }, regions, todayDay());
  if (!result.ok) throw new Error(result.errors.map(formatProblem).join('\n'));
  performance.mark('atlas:data-parsed');
  return makeAtlasData(result.dataset, regions, topology, layout.positions);
}
