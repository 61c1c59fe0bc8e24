// What the map figure draws besides regions: arc and marker inputs, the marker look and the map legend.
import { ARC_COLOURS } from '../map/arcs';
import { classLabels } from '../map/class-breaks';
import { makeRegionStyles, markerStyle, type MapTheme } from '../map/styles';
import type { LegendGroup, LegendItem } from './figure';

/** An arc as the map view draws it (structurally a `leaflet-binding` ArcSpec): endpoints are the first/last latlng. */
export interface MapArc {
  readonly latlngs: readonly (readonly [lat: number, lon: number])[];
  readonly colour: string;
  readonly weight: number;
  readonly opacity: number;
  /** Stroke dash pattern as on screen (domestic arcs); undefined is solid. */
  readonly dash?: string | undefined;
  /** Bend as in `arcPoints`; the map view uses 0.2. */
  readonly curvature?: number;
}

/** A marker group as the map view draws it (structurally a `leaflet-binding` MarkerSpec). */
export interface MapMarker {
  readonly lat: number;
  readonly lon: number;
  readonly orgs: ArrayLike<number>;
  /** Placed at a region centroid: drawn hollow and dashed. */
  readonly approximate: boolean;
  readonly emphasised: boolean;
}

/** Legend words, supplied by the app's i18n catalogue. */
export interface MapLegendWords {
  /** Title of the class legend, e.g. "Organisations per region". */
  readonly metric: string;
  readonly none: string;
  readonly arcs: string;
  readonly crossBorder: string;
  readonly domestic: string;
  readonly markers: string;
  readonly exact: string;
  readonly approximate: string;
}

/** English legend words, the default when the app passes none. */
export const ENGLISH_MAP_LEGEND: MapLegendWords = {
  metric: 'Organisations per region',
  none: 'none',
  arcs: 'Collaborations between regions',
  crossBorder: 'cross-border',
  domestic: 'domestic',
  markers: 'Organisations',
  exact: 'at their address',
  approximate: 'at the region centre',
};

/** Marker look: the map view's (`map/styles.ts`). */
export { markerStyle };

/** Legend of the map: the classes with `classLabels`, then arc colours and marker kinds when there are any. */
export function mapLegend(
  input: {
    breaks: readonly number[];
    arcs: readonly unknown[];
    markers: readonly unknown[];
    legendWords?: MapLegendWords;
    formatCount?: (n: number) => string;
  },
  theme: MapTheme,
): LegendGroup[] {
  const words = input.legendWords ?? ENGLISH_MAP_LEGEND;
  const styles = makeRegionStyles(Math.max(1, input.breaks.length), theme);
  const labels = classLabels(input.breaks, input.formatCount);
  const classes: LegendItem[] = [{ label: words.none, colour: styles.get(0, 0).fillColor, shape: 'square' }];
  labels.forEach((label, i) => classes.push({ label, colour: styles.get(i + 1, 0).fillColor, shape: 'square' }));
  const groups: LegendGroup[] = [{ title: words.metric, items: classes }];
  if (input.arcs.length > 0) {
    const c = ARC_COLOURS[theme];
    groups.push({
      title: words.arcs,
      items: [
        { label: words.crossBorder, colour: c.crossBorder, shape: 'line', width: 3 },
        { label: words.domestic, colour: c.domestic, shape: 'line', width: 3, dashed: true },
      ],
    });
  }
  if (input.markers.length > 0) {
    groups.push({
      title: words.markers,
      items: [
        { label: words.exact, colour: '#333333', shape: 'circle' },
        { label: words.approximate, colour: '#333333', shape: 'hollow-circle', dashed: true },
      ],
    });
  }
  return groups;
}
