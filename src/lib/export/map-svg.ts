// The map as a vector figure: NUTS regions styled as on screen, arcs, markers, legend and the GISCO attribution.
import { geoMercator, geoPath, geoTransform } from 'd3-geo';
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { arcSvgPath } from '../map/arcs';
import type { MapLevel } from '../map/placement';
import { makeRegionStyles, REGION_HIGHLIGHTED, REGION_HOVERED, REGION_SELECTED, type MapTheme } from '../map/styles';
import { GISCO_ATTRIBUTION } from '../regions/attribution';
import { figureToSvg, type FigureParts, type FigureText } from './figure';
import { mapLegend, markerStyle, type MapArc, type MapLegendWords, type MapMarker } from './map-marks';

export {
  ENGLISH_MAP_LEGEND,
  mapLegend,
  markerStyle,
  type MapArc,
  type MapLegendWords,
  type MapMarker,
} from './map-marks';
import { el, formatNum, fragment, safeColour, type Markup } from './svg-text';

type PerRegion = ArrayLike<number> | ((region: number) => number);

export interface MapFigureInput {
  /** The regions TopoJSON (objects `nuts0`/`nuts1`/`nuts2`, feature id = NUTS code). */
  readonly topology: Topology;
  readonly level: MapLevel;
  /** Region index → NUTS code (`placement.regions[level]`); features not listed are not drawn, as on screen. */
  readonly regionCodes: readonly string[];
  /** Choropleth class (0 = none) and interaction flags per region index. */
  readonly regionClass: PerRegion;
  readonly regionFlags?: PerRegion;
  /** Class breaks on screen; the styles are `makeRegionStyles(max(1, breaks.length), theme)` as in the map view. */
  readonly breaks: readonly number[];
  readonly arcs: readonly MapArc[];
  readonly markers: readonly MapMarker[];
  /** Visible extent as Leaflet gives it: [[south, west], [north, east]]. */
  readonly extent: readonly [readonly [number, number], readonly [number, number]];
  /** Size of the map view on screen, px. */
  readonly viewport: { readonly width: number; readonly height: number };
  readonly theme?: MapTheme;
  readonly legendWords?: MapLegendWords;
  readonly formatCount?: (n: number) => string;
  readonly text: FigureText;
  /** Name of the plot (report heading, accessible name), translated by the app; else the title names it. */
  readonly plotLabel?: string;
}

export interface MapSvgOptions {
  /** Figure width in px; defaults to the viewport width. */
  readonly width?: number;
  readonly background: 'white' | 'transparent';
}

const valueAt = (source: PerRegion | undefined, r: number): number =>
  source === undefined ? 0 : typeof source === 'function' ? source(r) : (source[r] ?? 0);

// Flagged regions last, so their outlines are not covered by a neighbour's border.
const FLAG_RANK = (flags: number): number =>
  flags & REGION_SELECTED ? 3 : flags & REGION_HOVERED ? 2 : flags & REGION_HIGHLIGHTED ? 1 : 0;

/** Projection fitting the extent into the viewport, as Web Mercator like Leaflet's. */
export function mapProjection(
  input: Pick<MapFigureInput, 'extent' | 'viewport'>,
): (lon: number, lat: number) => [number, number] {
  const [[south, west], [north, east]] = input.extent;
  const corners = {
    type: 'MultiPoint' as const,
    coordinates: [
      [west, south],
      [east, north],
    ],
  };
  const projection = geoMercator().fitExtent(
    [
      [0, 0],
      [input.viewport.width, input.viewport.height],
    ],
    corners,
  );
  return (lon, lat) => projection([lon, lat]) ?? [NaN, NaN];
}

/**
 * Region outlines as SVG path data. The rings are projected point by point and drawn as planar shapes: d3's spherical
 * path reads a ring's winding as "inside", and one GISCO ring (DE50 Bremen) would then fill the whole globe.
 */
export function regionPaths(input: MapFigureInput): { code: string; region: number; d: string }[] {
  const project = mapProjection(input);
  const planar = geoTransform({
    point(x: number, y: number) {
      const [px, py] = project(x, y);
      this.stream.point(px, py);
    },
  });
  const path = geoPath(planar).digits(1);
  const object = input.topology.objects[`nuts${input.level}`] as GeometryCollection | undefined;
  if (!object) return [];
  const fc = feature(input.topology, object) as unknown as { features: Feature<Geometry, GeoJsonProperties>[] };
  const indexOf = new Map(input.regionCodes.map((code, i) => [code, i]));
  const { width, height } = input.viewport;
  const out: { code: string; region: number; d: string }[] = [];
  for (const f of fc.features) {
    const code = String(f.id ?? '');
    const region = indexOf.get(code);
    if (region === undefined) continue;
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    // Regions entirely off the frame (overseas regions, the rest of Europe when zoomed in) would only add bytes.
    if (!(x1 >= 0 && y1 >= 0 && x0 <= width && y0 <= height)) continue;
    const d = path(f);
    if (d) out.push({ code, region, d });
  }
  return out;
}

/** Computes the map plot, legend and text (with the GISCO attribution); {@link mapSceneToSvg} lays them out. */
export function mapFigureParts(input: MapFigureInput): FigureParts {
  const theme = input.theme ?? 'light';
  const styles = makeRegionStyles(Math.max(1, input.breaks.length), theme);
  const regions = regionPaths(input)
    .map((p) => ({ ...p, flags: valueAt(input.regionFlags, p.region) }))
    .sort((a, b) => FLAG_RANK(a.flags) - FLAG_RANK(b.flags) || a.code.localeCompare(b.code));
  const regionMarks = regions.map((p) => {
    const s = styles.get(valueAt(input.regionClass, p.region), p.flags);
    return el('path', {
      d: p.d,
      fill: s.fillColor,
      'fill-opacity': s.fillOpacity,
      stroke: s.color,
      'stroke-width': s.weight,
      'stroke-opacity': s.opacity,
      'stroke-dasharray': s.dashArray,
    });
  });
  const project = mapProjection(input);
  const arcMarks: Markup[] = [];
  for (const a of input.arcs) {
    const from = a.latlngs[0];
    const to = a.latlngs[a.latlngs.length - 1];
    if (!from || !to) continue;
    const [x0, y0] = project(from[1], from[0]);
    const [x1, y1] = project(to[1], to[0]);
    if (![x0, y0, x1, y1].every(Number.isFinite)) continue;
    const d = arcSvgPath(x0, y0, x1, y1, a.curvature ?? 0.2, 1);
    arcMarks.push(
      el('path', {
        d,
        stroke: safeColour(a.colour),
        'stroke-width': a.weight,
        'stroke-opacity': a.opacity,
        'stroke-dasharray': a.dash && /^[\d. ]+$/.test(a.dash) ? a.dash : undefined,
      }),
    );
  }
  const markerMarks: Markup[] = [];
  for (const m of input.markers) {
    const [cx, cy] = project(m.lon, m.lat);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    const s = markerStyle(m, theme);
    markerMarks.push(
      el('circle', {
        cx: formatNum(cx, 1),
        cy: formatNum(cy, 1),
        r: formatNum(s.radius, 2),
        fill: s.fill,
        'fill-opacity': s.fillOpacity,
        stroke: s.colour,
        'stroke-width': s.weight,
        'stroke-dasharray': s.dash,
      }),
    );
  }
  const body = fragment([
    el(
      'g',
      { class: 'regions', 'fill-rule': 'evenodd', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' },
      regionMarks,
    ),
    el('g', { class: 'arcs', fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }, arcMarks),
    el('g', { class: 'markers' }, markerMarks),
  ]);
  const given = input.text.attribution ?? '';
  // GISCO requires its attribution on every publication: a translated one is kept, anything else replaced.
  const attribution = given.includes('© EuroGeographics') ? given : GISCO_ATTRIBUTION;
  const { width, height } = input.viewport;
  return {
    plot: {
      viewBox: { x: 0, y: 0, width, height },
      body,
      label: input.plotLabel || input.text.title || 'Map of NUTS regions',
    },
    legend: mapLegend(input, theme),
    text: { ...input.text, attribution },
  };
}

/** The map view as a standalone SVG document. */
export function mapSceneToSvg(input: MapFigureInput, options: MapSvgOptions): string {
  return figureToSvg(mapFigureParts(input), {
    width: options.width ?? input.viewport.width,
    background: options.background,
  });
}
