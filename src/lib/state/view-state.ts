// The serialisable view: everything a link, a reload or a story scene must restore.
import type { TimeMode } from '../timeline/temporal-index';

/** The values each choice of the view accepts: the link and the story file both validate against these lists. */
export const VIEW_CHOICES = {
  mode: ['active', 'cumulative'],
  colourBy: ['type', 'country', 'community'],
  sizeBy: ['degree', 'members', 'betweenness'],
  edges: ['parallel', 'merged'],
  layout: ['force', 'geo'],
  level: [0, 1, 2],
  metric: ['organisations', 'collaborations'],
  lang: ['en', 'nl', 'fr'],
  inactive: ['fade', 'hide'],
  focus: [0, 1, 2],
} as const satisfies Record<string, readonly (string | number)[]>;

export type ColourBy = (typeof VIEW_CHOICES.colourBy)[number];
export type SizeBy = (typeof VIEW_CHOICES.sizeBy)[number];
export type EdgeMode = (typeof VIEW_CHOICES.edges)[number];
export type LayoutMode = (typeof VIEW_CHOICES.layout)[number];
export type MapLevel = (typeof VIEW_CHOICES.level)[number];
export type Language = (typeof VIEW_CHOICES.lang)[number];
export type InactiveMode = (typeof VIEW_CHOICES.inactive)[number];
export type ChoroplethMetric = (typeof VIEW_CHOICES.metric)[number];

/** What is selected: an organisation (by id), a region (by NUTS code), or a region pair. */
export type Selection =
  | { readonly kind: 'none' }
  | { readonly kind: 'org'; readonly id: string }
  | { readonly kind: 'region'; readonly code: string }
  | { readonly kind: 'pair'; readonly a: string; readonly b: string };

export const NO_SELECTION: Selection = { kind: 'none' };

/** A sigma camera (normalised graph coordinates; ratio > 1 zooms out). */
export interface GraphCamera {
  readonly x: number;
  readonly y: number;
  readonly ratio: number;
}

/** A map extent in degrees: south, west, north, east. */
export interface MapExtent {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

export interface ViewState {
  /** Inclusive window as day numbers; null means "the dataset's full span". */
  readonly from: number | null;
  readonly to: number | null;
  readonly mode: TimeMode;
  readonly undated: boolean;
  readonly selection: Selection;
  readonly types: readonly string[];
  readonly countries: readonly string[];
  readonly kinds: readonly string[];
  readonly colourBy: ColourBy;
  readonly sizeBy: SizeBy;
  readonly edges: EdgeMode;
  readonly layout: LayoutMode;
  readonly level: MapLevel;
  readonly metric: ChoroplethMetric;
  readonly lang: Language;
  readonly labels: number;
  readonly inactive: InactiveMode;
  readonly focus: 0 | 1 | 2;
  /** The graph camera to show; null means "the whole graph" (sigma's reset camera). */
  readonly camera: GraphCamera | null;
  /** The map extent to show; null means the dataset's initial extent. */
  readonly extent: MapExtent | null;
}

export const DEFAULT_VIEW: ViewState = {
  from: null,
  to: null,
  mode: 'active',
  undated: true,
  selection: NO_SELECTION,
  types: [],
  countries: [],
  kinds: [],
  colourBy: 'type',
  sizeBy: 'degree',
  edges: 'parallel',
  layout: 'force',
  level: 2,
  metric: 'organisations',
  lang: 'en',
  labels: 0.5,
  inactive: 'fade',
  focus: 0,
  camera: null,
  extent: null,
};

export function sameSelection(a: Selection, b: Selection): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'none':
      return true;
    case 'org':
      return a.id === (b as typeof a).id;
    case 'region':
      return a.code === (b as typeof a).code;
    case 'pair':
      return a.a === (b as typeof a).a && a.b === (b as typeof a).b;
  }
}

/** Cameras are kept to 4 decimals: finer differences are invisible and would only churn the link. */
export function roundCamera(c: GraphCamera): GraphCamera | null {
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  const out = { x: r(c.x), y: r(c.y), ratio: r(c.ratio) };
  // sigma's reset camera is the default and is left out of links and scenes.
  return out.x === 0.5 && out.y === 0.5 && out.ratio === 1 ? null : out;
}

/** Extents are kept to 3 decimals of a degree (about 100 m). */
export function roundExtent(e: MapExtent): MapExtent {
  const r = (v: number) => Math.round(v * 1e3) / 1e3;
  return { south: r(e.south), west: r(e.west), north: r(e.north), east: r(e.east) };
}

export function sameCamera(a: GraphCamera | null, b: GraphCamera | null): boolean {
  if (a === null || b === null) return a === b;
  return a.x === b.x && a.y === b.y && a.ratio === b.ratio;
}

export function sameExtent(a: MapExtent | null, b: MapExtent | null): boolean {
  if (a === null || b === null) return a === b;
  return a.south === b.south && a.west === b.west && a.north === b.north && a.east === b.east;
}

/** Whether a camera is usable: finite coordinates, ratio inside sigma's zoom limits. */
export function isValidCamera(c: GraphCamera): boolean {
  return (
    [c.x, c.y, c.ratio].every(Number.isFinite) &&
    Math.abs(c.x) <= 1e3 &&
    Math.abs(c.y) <= 1e3 &&
    c.ratio >= 0.001 &&
    c.ratio <= 100
  );
}

/** Whether an extent is usable: inside the globe, south below north, west of east. */
export function isValidExtent(e: MapExtent): boolean {
  return (
    [e.south, e.west, e.north, e.east].every(Number.isFinite) &&
    e.south >= -90 &&
    e.north <= 90 &&
    e.west >= -180 &&
    e.east <= 180 &&
    e.south < e.north &&
    e.west < e.east
  );
}
