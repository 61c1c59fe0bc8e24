// Geometry and look of region-to-region arcs: sampled Bézier curves for Leaflet, SVG paths for exports.

/** Latitude limit of Web Mercator; beyond it the projection diverges. */
const MAX_LAT = 85.0511287798;
const DEG = Math.PI / 180;

/** A point as Leaflet wants it: [lat, lon]. */
export type LatLonTuple = [lat: number, lon: number];

/**
 * Control point of a quadratic Bézier from (x0, y0) to (x1, y1), offset from the chord's midpoint by
 * `curvature` × chord length. The offset is to the left of the direction of travel in a y-up plane,
 * so A→B and B→A bend to opposite sides and never overlap; `yDown` keeps the same visual side on
 * screens and in SVG, where y grows downwards.
 */
export function arcControl(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  curvature: number,
  yDown = false,
): [cx: number, cy: number] {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const s = yDown ? -curvature : curvature;
  return [(x0 + x1) / 2 - dy * s, (y0 + y1) / 2 + dx * s];
}

/**
 * An arc between two lon/lat points sampled into `segments + 1` [lat, lon] pairs for a polyline.
 * The curve is built in Web Mercator (the plane Leaflet draws in), so it looks like a smooth
 * parabola at any zoom. Identical endpoints give a two-point degenerate line.
 */
export function arcPoints(
  lonA: number,
  latA: number,
  lonB: number,
  latB: number,
  curvature = 0.2,
  segments = 16,
): LatLonTuple[] {
  const x0 = lonA;
  const y0 = mercatorY(latA);
  const x1 = lonB;
  const y1 = mercatorY(latB);
  if (x0 === x1 && y0 === y1) {
    return [
      [latA, lonA],
      [latB, lonB],
    ];
  }
  const [cx, cy] = arcControl(x0, y0, x1, y1, curvature);
  const n = Math.max(1, Math.floor(segments));
  const out: LatLonTuple[] = new Array<LatLonTuple>(n + 1);
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    const x = u * u * x0 + 2 * u * t * cx + t * t * x1;
    const y = u * u * y0 + 2 * u * t * cy + t * t * y1;
    out[i] = [latitudeOf(y), x];
  }
  // Exact endpoints, so arcs meet region centroids without rounding drift.
  out[0] = [latA, lonA];
  out[n] = [latB, lonB];
  return out;
}

/** Stroke width in px for a pair's count: square-root scale from 1 px (count → 0) to 10 px (count = max). */
export function arcWidth(count: number, maxCount: number): number {
  if (!(count > 0) || !(maxCount > 0)) return 1;
  const t = Math.min(1, count / maxCount);
  // Rounded to 0.1 px so style keys stay stable across recomputations.
  return Math.round((1 + 9 * Math.sqrt(t)) * 10) / 10;
}

/** Arc stroke colours; orange vs grey stays distinct under the common colour-vision deficiencies. */
export const ARC_COLOURS = {
  light: { crossBorder: '#d95f02', domestic: '#525252' },
  dark: { crossBorder: '#fdae6b', domestic: '#bdbdbd' },
} as const;

/** Colour of an arc: cross-border links (the two regions are in different countries) stand out. */
export function arcColour(crossBorder: boolean, theme: 'light' | 'dark' = 'light'): string {
  const c = ARC_COLOURS[theme];
  return crossBorder ? c.crossBorder : c.domestic;
}

/** Domestic arcs are dashed as well as grey, so the two kinds differ without colour vision too. */
export const DOMESTIC_ARC_DASH = '6 5';

/** Dash pattern of an arc (undefined = solid), in px as Leaflet and SVG take it. */
export function arcDash(crossBorder: boolean): string | undefined {
  return crossBorder ? undefined : DOMESTIC_ARC_DASH;
}

/**
 * SVG path `M x0 y0 Q cx cy x1 y1` for an arc between projected screen points (y down), bending to
 * the same visual side as {@link arcPoints}. Numbers keep at most `precision` decimals with trailing
 * zeros removed, so exported files are byte-stable for snapshot tests.
 */
export function arcSvgPath(x0: number, y0: number, x1: number, y1: number, curvature = 0.2, precision = 2): string {
  const f = (v: number): string => formatNumber(v, precision);
  if (x0 === x1 && y0 === y1) return `M${f(x0)} ${f(y0)}L${f(x1)} ${f(y1)}`;
  const [cx, cy] = arcControl(x0, y0, x1, y1, curvature, true);
  return `M${f(x0)} ${f(y0)}Q${f(cx)} ${f(cy)} ${f(x1)} ${f(y1)}`;
}

/** Fixed precision without trailing zeros and without `-0`. */
export function formatNumber(v: number, precision: number): string {
  const text = v.toFixed(precision);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Web Mercator y in degree units, so x (longitude) and y share a scale. */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  return Math.log(Math.tan(Math.PI / 4 + (clamped * DEG) / 2)) / DEG;
}

/** Inverse of {@link mercatorY}. */
export function latitudeOf(y: number): number {
  return (2 * Math.atan(Math.exp(y * DEG)) - Math.PI / 2) / DEG;
}
