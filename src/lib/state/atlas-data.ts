// Everything derived once per dataset that the views share: compiled arrays, region index, map placement, layout.
import { compileDataset, type CompiledDataset } from '../model/compiled';
import type { Dataset } from '../model/types';
import type { RegionIndex } from '../regions/region-index';
import { placeOrganisations, type Placement } from '../map/placement';
import { withCoParticipation, type MapLinks } from '../map/co-participation';

export interface AtlasData {
  readonly compiled: CompiledDataset;
  readonly regions: RegionIndex;
  readonly placement: Placement;
  /** What the map counts: real collaborations plus co-participation links through unplaced projects. */
  readonly mapLinks: MapLinks;
  /** NUTS TopoJSON (objects nuts0, nuts1, nuts2); parsed JSON, never mutated. */
  readonly topology: unknown;
  /** Graph positions x0,y0,x1,y1… by organisation index, or null when a layout must be computed. */
  readonly positions: Float32Array | null;
}

/** Positions from a `{ id: [x, y] }` table, or null when any organisation is missing from it. */
export function positionsFromTable(
  compiled: CompiledDataset,
  table: Readonly<Record<string, readonly [number, number]>>,
): Float32Array | null {
  const out = new Float32Array(compiled.orgCount * 2);
  const orgs = compiled.dataset.organisations;
  for (let i = 0; i < orgs.length; i++) {
    const p = Object.hasOwn(table, orgs[i]!.id) ? table[orgs[i]!.id] : undefined;
    if (!p) return null;
    out[2 * i] = p[0];
    out[2 * i + 1] = p[1];
  }
  return out;
}

export function makeAtlasData(
  dataset: Dataset,
  regions: RegionIndex,
  topology: unknown,
  layout: Readonly<Record<string, readonly [number, number]>> | null,
): AtlasData {
  const compiled = compileDataset(dataset);
  const placement = placeOrganisations(compiled, regions);
  return {
    compiled,
    regions,
    placement,
    mapLinks: withCoParticipation(compiled, placement),
    topology,
    positions: layout ? positionsFromTable(compiled, layout) : null,
  };
}
