// Region fill and outline styles, shared by the Leaflet binding and the SVG export so both look the same.
import type { PathOptions } from 'leaflet';

export type MapTheme = 'light' | 'dark';

/** A Leaflet-compatible path style with every field the map sets spelled out. */
export interface RegionStyle {
  readonly fillColor: string;
  readonly fillOpacity: number;
  readonly color: string;
  readonly weight: number;
  readonly opacity: number;
  readonly dashArray?: string;
}
// Compile-time proof that a RegionStyle can be passed to `setStyle` as it is.
const _pathOptionsCompatible = (s: RegionStyle): PathOptions => s;
void _pathOptionsCompatible;

/** Interaction flags of a region, combined with `|`. Selection and hover win over highlight and fading. */
export const REGION_SELECTED = 1;
/** A partner region of the selection, or the region containing the hovered organisation. */
export const REGION_HIGHLIGHTED = 2;
export const REGION_HOVERED = 4;
/** Outside the current focus (e.g. not a partner of the selection). */
export const REGION_FADED = 8;
const FLAG_COUNT = 16;

/**
 * ColorBrewer "Blues" (sequential, single hue, colour-blind safe, prints in grey), per class count.
 * The dark theme reverses it: on a dark background the largest counts must be the brightest.
 */
const BLUES: Readonly<Record<number, readonly string[]>> = {
  // The palest Blues step is left out: next to the grey of class 0 it reads as "nothing".
  1: ['#6baed6'],
  2: ['#9ecae1', '#3182bd'],
  3: ['#c6dbef', '#6baed6', '#2171b5'],
  4: ['#c6dbef', '#9ecae1', '#4292c6', '#08519c'],
  5: ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  6: ['#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
  7: ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
};
export const MAX_CLASSES = 7;

const THEME = {
  light: { none: '#f2f2f2', border: '#9e9e9e', selected: '#000000', hovered: '#252525', highlighted: '#d95f02' },
  dark: { none: '#2b2b2b', border: '#5c5c5c', selected: '#ffffff', hovered: '#e0e0e0', highlighted: '#fdae6b' },
} as const;

/** Fill colours of classes 1…`classes` (1–7) for the legend and the styles. */
export function rampColours(classes: number, theme: MapTheme = 'light'): readonly string[] {
  const k = Math.max(1, Math.min(MAX_CLASSES, Math.floor(classes)));
  const ramp = BLUES[k] ?? [];
  return theme === 'dark' ? [...ramp].reverse() : ramp;
}

/** Fill colour of class 0 (no organisations or collaborations in the window). */
export function noneColour(theme: MapTheme = 'light'): string {
  return THEME[theme].none;
}

/**
 * Style of a region in class `cls` (0 = none, 1…`classes`) with interaction `flags`.
 * Outlines change weight and dash as well as colour, so states stay apparent without colour vision.
 */
export function regionStyle(cls: number, flags: number, classes: number, theme: MapTheme = 'light'): RegionStyle {
  const t = THEME[theme];
  const ramp = rampColours(classes, theme);
  const c = Math.max(0, Math.min(ramp.length, Math.floor(cls)));
  const fillColor = c === 0 ? t.none : (ramp[c - 1] ?? t.none);
  const faded = (flags & REGION_FADED) !== 0 && (flags & (REGION_SELECTED | REGION_HOVERED | REGION_HIGHLIGHTED)) === 0;
  const fillOpacity = faded ? 0.25 : c === 0 ? 0.6 : 0.85;
  if (flags & REGION_SELECTED) return { fillColor, fillOpacity, color: t.selected, weight: 3, opacity: 1 };
  if (flags & REGION_HOVERED) return { fillColor, fillOpacity, color: t.hovered, weight: 2, opacity: 1 };
  if (flags & REGION_HIGHLIGHTED) {
    return { fillColor, fillOpacity, color: t.highlighted, weight: 2, opacity: 1, dashArray: '4 3' };
  }
  return { fillColor, fillOpacity, color: t.border, weight: 0.5, opacity: faded ? 0.4 : 0.8 };
}

/** Text key of a style: equal keys mean `setStyle` can be skipped. */
export function styleKey(style: RegionStyle): string {
  const { fillColor, fillOpacity, color, weight, opacity, dashArray } = style;
  return `${fillColor}|${fillOpacity}|${color}|${weight}|${opacity}|${dashArray ?? ''}`;
}

/** Every style of one legend, precomputed: lookups return the same object, so `===` detects "unchanged". */
export interface RegionStyles {
  readonly classes: number;
  readonly theme: MapTheme;
  /** Same result as {@link regionStyle}, without allocating. */
  get(cls: number, flags: number): RegionStyle;
}

/** Precomputes the (classes + 1) × 16 styles of a legend; restyling thousands of regions then allocates nothing. */
export function makeRegionStyles(classes: number, theme: MapTheme = 'light'): RegionStyles {
  const k = rampColours(classes, theme).length;
  const table: RegionStyle[] = [];
  for (let c = 0; c <= k; c++) {
    for (let f = 0; f < FLAG_COUNT; f++) table.push(Object.freeze(regionStyle(c, f, k, theme)));
  }
  return {
    classes: k,
    theme,
    get(cls, flags) {
      const c = Math.max(0, Math.min(k, Math.floor(cls)));
      return table[c * FLAG_COUNT + (flags & (FLAG_COUNT - 1))] as RegionStyle;
    },
  };
}

/** Marker colours per theme: dark discs on the light map, light discs on the dark one. */
const MARKER = {
  light: { ink: '#333333', emphasis: '#111111', hollow: '#ffffff' },
  dark: { ink: '#d4d4d8', emphasis: '#ffffff', hollow: '#18181b' },
} as const;

/** The look of an organisation marker (the map view and its export draw the same). */
export interface MarkerStyle {
  readonly radius: number;
  readonly weight: number;
  readonly colour: string;
  readonly fill: string;
  readonly fillOpacity: number;
  readonly dash: string | undefined;
}

/** Marker look for a group of `count` organisations: hollow and dashed when placed at a region centre. */
export function markerStyle(
  m: { readonly orgs: ArrayLike<number>; readonly approximate: boolean; readonly emphasised: boolean },
  theme: MapTheme = 'light',
): MarkerStyle {
  const c = MARKER[theme];
  return {
    radius: 3 + Math.sqrt(m.orgs.length) * 2,
    weight: m.emphasised ? 2.5 : 1.2,
    colour: m.emphasised ? c.emphasis : c.ink,
    fill: m.approximate ? c.hollow : c.ink,
    fillOpacity: m.approximate ? 0.6 : 0.75,
    dash: m.approximate ? '2 2' : undefined,
  };
}
