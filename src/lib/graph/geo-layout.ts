// Geographic layout: nodes at their (Web Mercator) coordinates, co-located nodes spread on a small sunflower.
import { LAYOUT_EXTENT } from './initial-layout';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const DEG = Math.PI / 180;

function mercatorY(lat: number): number {
  const clamped = Math.max(-85, Math.min(85, lat));
  return Math.log(Math.tan(Math.PI / 4 + (clamped * DEG) / 2)) / DEG;
}

/**
 * Positions x0,y0,… for organisations at `lon`/`lat` (NaN = unknown). Nodes sharing a point are spread
 * around it by `spread` (in layout units) so they do not overlap; unplaced nodes line up under the map.
 * The result is scaled like the force layout (±LAYOUT_EXTENT) so cameras and node sizes stay comparable.
 */
export function geoPositions(lon: ArrayLike<number>, lat: ArrayLike<number>, spread = 14): Float32Array {
  const n = lon.length;
  const out = new Float32Array(2 * n);
  // Raw coordinates in double precision: rounded to Float32 before centring, a single place (span ~0, scale ~1e12)
  // landed millions of units away instead of at the origin.
  const raw = new Float64Array(2 * n);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const placed: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const my = mercatorY(y);
    raw[2 * i] = x;
    raw[2 * i + 1] = my;
    placed.push(i);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (my < minY) minY = my;
    if (my > maxY) maxY = my;
  }
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const scale = (2 * LAYOUT_EXTENT) / span;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const seen = new Map<string, number>();
  for (const i of placed) {
    const key = `${raw[2 * i]!.toFixed(4)},${raw[2 * i + 1]!.toFixed(4)}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const r = k === 0 ? 0 : spread * Math.sqrt(k);
    out[2 * i] = (raw[2 * i]! - cx) * scale + r * Math.cos(k * GOLDEN_ANGLE);
    out[2 * i + 1] = (raw[2 * i + 1]! - cy) * scale + r * Math.sin(k * GOLDEN_ANGLE);
  }
  // Unplaced organisations: a row below the map, so they stay visible and clickable.
  let u = 0;
  const bottom = placed.length ? -LAYOUT_EXTENT - 80 : 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(lon[i]!) && Number.isFinite(lat[i]!)) continue;
    const col = u % 40;
    const row = Math.floor(u / 40);
    out[2 * i] = -LAYOUT_EXTENT + col * 50;
    out[2 * i + 1] = bottom - row * 50;
    u++;
  }
  return out;
}
