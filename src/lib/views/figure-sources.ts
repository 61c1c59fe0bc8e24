// Where the export dialog gets what the graph and map views show now: each view registers a snapshot function.
import type { GraphFigureScene } from '../export/graph-svg';
import type { MapFigureInput } from '../export/map-svg';

/** A graph snapshot without the text and legend, which the export dialog adds from the state. */
export type GraphSnapshot = Omit<GraphFigureScene, 'text' | 'legend'> & {
  readonly legendKeys: GraphLegendKeys;
  /** Graph coordinates x0,y0,… by organisation index (for GEXF), as laid out now. */
  readonly positions: Float32Array;
};
export type MapSnapshot = Omit<MapFigureInput, 'text'>;

export interface GraphLegendKeys {
  readonly colour: readonly { readonly label: string; readonly colour: string }[];
  readonly edges: readonly { readonly label: string; readonly colour: string }[];
}

let graphSource: (() => GraphSnapshot | null) | null = null;
let mapSource: (() => MapSnapshot | null) | null = null;

/** Called by the graph view on mount; the returned function unregisters (safe twice). */
export function provideGraphSnapshot(source: () => GraphSnapshot | null): () => void {
  graphSource = source;
  return () => {
    if (graphSource === source) graphSource = null;
  };
}

export function provideMapSnapshot(source: () => MapSnapshot | null): () => void {
  mapSource = source;
  return () => {
    if (mapSource === source) mapSource = null;
  };
}

export function graphSnapshot(): GraphSnapshot | null {
  return graphSource?.() ?? null;
}

export function mapSnapshot(): MapSnapshot | null {
  return mapSource?.() ?? null;
}
