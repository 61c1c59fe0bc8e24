// Browser-test fixture: the built-in dataset and region tables loaded through Vite, as the app loads them.
import sources from '../../data/sources.csv?raw';
import organisations from '../../data/organisations.csv?raw';
import collaborations from '../../data/collaborations.csv?raw';
import regionsCsv from '../../data/regions/nuts2021.csv?raw';
import recodes from '../../data/regions/nuts2016-2021.csv?raw';
import countries from '../../data/regions/countries.csv?raw';
import topology from '../../data/regions/nuts2021.topo.json';
import layout from '../../data/layout.json';
import { parseBuiltin } from '../../src/lib/io/builtin';
import { regionIndexFromCsv } from '../../src/lib/regions/region-index';
import { makeAtlasData, type AtlasData } from '../../src/lib/state/atlas-data';
import { todayDay } from '../../src/lib/model/dates';

/** The built-in AtlasData, or throws when the dataset does not validate. */
export function builtinAtlasData(): AtlasData {
  const regions = regionIndexFromCsv({ regions: regionsCsv, recodes, countries });
  const result = parseBuiltin({ sources, organisations, collaborations }, regions, todayDay());
  if (!result.ok) throw new Error(`built-in dataset invalid: ${result.errors.length} errors`);
  return makeAtlasData(
    result.dataset,
    regions,
    topology,
    layout.positions as unknown as Record<string, [number, number]>,
  );
}

/** A sized, attached container; removed by the returned cleanup. */
export function makeContainer(width = 800, height = 600): { el: HTMLDivElement; remove: () => void } {
  const el = document.createElement('div');
  el.style.width = `${width}px`;
  el.style.height = `${height}px`;
  el.style.position = 'relative';
  document.body.append(el);
  return { el, remove: () => el.remove() };
}
