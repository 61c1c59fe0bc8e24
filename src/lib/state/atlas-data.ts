// Everything derived once per dataset that the views share: compiled arrays, region index, map placement, layout.
import { compileDataset, type CompiledColumns, type CompiledDataset } from '../model/compiled';
import type { Dataset } from '../model/types';
import type { RegionIndex } from '../regions/region-index';
import { placeOrganisations, type Placement, type RegionLookup } from '../map/placement';
import { withCoParticipation, type MapLinks } from '../map/co-participation';
import { makeTemporalIndex, type TemporalIndex } from '../timeline/temporal-index';

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
  /** The collaborations' periods sorted for window queries, over `compiled.collabFirst`/`collabLast` themselves. */
  readonly temporal: TemporalIndex;
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

/**
 * What a dataset's records imply, as typed arrays and small tables: the import worker builds it next to the parse
 * and transfers it, so the page's hand-off frame only indexes ids instead of compiling 250k collaborations.
 */
export interface AtlasDerived {
  readonly columns: CompiledColumns;
  readonly placement: Placement;
  /** The map's links, with their extended columns in place of a compiled dataset. */
  readonly links: Omit<MapLinks, 'compiled'> & { readonly columns: CompiledColumns };
  /** Built over `columns.collabFirst`/`collabLast` (the same arrays, which one structured clone keeps shared). */
  readonly temporal: TemporalIndex;
}

function columnsOf(c: CompiledDataset): CompiledColumns {
  return {
    orgCount: c.orgCount,
    collabCount: c.collabCount,
    collabSource: c.collabSource,
    collabTarget: c.collabTarget,
    collabFirst: c.collabFirst,
    collabLast: c.collabLast,
    collabKind: c.collabKind,
    orgType: c.orgType,
    firstDay: c.firstDay,
    lastDatedDay: c.lastDatedDay,
    undatedCount: c.undatedCount,
  };
}

/** Compiles, places and links a dataset (in the import worker, or on the page for the built-in one). */
export function deriveAtlas(dataset: Dataset, regions: RegionLookup): AtlasDerived {
  const compiled = compileDataset(dataset);
  const placement = placeOrganisations(compiled, regions);
  const { compiled: extended, ...links } = withCoParticipation(compiled, placement);
  return {
    columns: columnsOf(compiled),
    placement,
    links: { ...links, columns: columnsOf(extended) },
    temporal: makeTemporalIndex(compiled.collabFirst, compiled.collabLast),
  };
}

/** The buffers of `derived`, each once (a transfer list naming a buffer twice is refused). */
export function derivedBuffers(derived: AtlasDerived): ArrayBuffer[] {
  const arrays = (c: CompiledColumns) => [
    c.collabSource,
    c.collabTarget,
    c.collabFirst,
    c.collabLast,
    c.collabKind,
    c.orgType,
  ];
  const p = derived.placement;
  const l = derived.links;
  const t = derived.temporal;
  const all = [
    t.byFirst,
    t.firstSorted,
    t.byLast,
    t.lastSorted,
    t.undated,
    t.scratch.changed,
    t.scratch.stamp,
    ...arrays(derived.columns),
    ...arrays(l.columns),
    p.lon,
    p.lat,
    p.kind,
    ...p.regionAt,
    p.notOnMap,
    p.unknownNuts,
    l.viaA,
    l.viaB,
    l.hub,
    l.derivedStart,
    l.derivedList,
  ];
  return [...new Set(all.map((a) => a.buffer as ArrayBuffer))];
}

/** `derived`: built from this same dataset and region index (by the import worker); computed here when absent. */
export function makeAtlasData(
  dataset: Dataset,
  regions: RegionIndex,
  topology: unknown,
  layout: Readonly<Record<string, readonly [number, number]>> | null,
  derived: AtlasDerived = deriveAtlas(dataset, regions),
): AtlasData {
  const compiled = compileDataset(dataset, derived.columns);
  const { columns: linkColumns, ...links } = derived.links;
  return {
    compiled,
    regions,
    placement: derived.placement,
    mapLinks: {
      ...links,
      compiled: {
        ...linkColumns,
        dataset,
        get orgIndexById() {
          return compiled.orgIndexById;
        },
      },
    },
    topology,
    positions: layout ? positionsFromTable(compiled, layout) : null,
    temporal: derived.temporal,
  };
}
