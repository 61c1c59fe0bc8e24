// The serialisable view: everything a link, a reload or a story scene must restore.
import type { TimeMode } from '../timeline/temporal-index';

export type ColourBy = 'type' | 'country' | 'community';
export type SizeBy = 'degree' | 'members' | 'betweenness';
export type EdgeMode = 'parallel' | 'merged';
export type LayoutMode = 'force' | 'geo';
export type MapLevel = 0 | 1 | 2;
export type Language = 'en' | 'nl' | 'fr';
export type InactiveMode = 'fade' | 'hide';
export type ChoroplethMetric = 'organisations' | 'collaborations';

/** What is selected: an organisation (by id), a region (by NUTS code), or a region pair. */
export type Selection =
  | { readonly kind: 'none' }
  | { readonly kind: 'org'; readonly id: string }
  | { readonly kind: 'region'; readonly code: string }
  | { readonly kind: 'pair'; readonly a: string; readonly b: string };

export const NO_SELECTION: Selection = { kind: 'none' };

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
