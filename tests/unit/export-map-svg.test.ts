// Map figure: same styles as the screen, planar drawing (no globe-filling rings), arcs, markers, attribution, snapshot.
import { geoMercator, geoPath } from 'd3-geo';
import type { GeometryCollection } from 'topojson-specification';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { mapFigureParts, mapProjection, mapSceneToSvg, regionPaths } from '../../src/lib/export/map-svg';
import { arcSvgPath } from '../../src/lib/map/arcs';
import { classLabels } from '../../src/lib/map/class-breaks';
import { makeRegionStyles, REGION_SELECTED } from '../../src/lib/map/styles';
import { GISCO_ATTRIBUTION } from '../../src/lib/regions/attribution';
import { miniMapInput, nutsTopology } from '../fixtures/export/scenes';
import { activeContent, HOSTILE, normaliseSvg, parseXml, svgTexts, xmlProblems } from '../fixtures/export/xml-check';

const white = { background: 'white' } as const;

/** Bounding box of every "x,y" pair in SVG path data. */
function pathBox(d: string): [number, number, number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const m of d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)) {
    xs.push(Number(m[1]));
    ys.push(Number(m[2]));
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

const covers = (box: number[], w: number, h: number): boolean =>
  box[0]! <= 0 && box[1]! <= 0 && box[2]! >= w && box[3]! >= h;

describe('mapSceneToSvg', () => {
  it('is well-formed and inert, with the GISCO attribution burned in', () => {
    const svg = mapSceneToSvg(miniMapInput(), white);
    expect(xmlProblems(svg)).toEqual([]);
    expect(activeContent(svg)).toEqual([]);
    expect(svgTexts(svg).join(' ')).toContain(GISCO_ATTRIBUTION);
  });

  it('keeps the attribution even when the caller passes another or none, and keeps a translated one', () => {
    const other = mapSceneToSvg(miniMapInput({ text: { ...miniMapInput().text, attribution: 'My map' } }), white);
    expect(svgTexts(other).join(' ')).toContain(GISCO_ATTRIBUTION);
    const fr = '© EuroGeographics pour les limites administratives · Source : Eurostat – GISCO, NUTS 2021';
    const translated = mapSceneToSvg(miniMapInput({ text: { ...miniMapInput().text, attribution: fr } }), white);
    expect(svgTexts(translated).join(' ')).toContain(fr);
  });

  it('draws only the listed regions inside the extent, styled by makeRegionStyles as on screen', () => {
    const input = miniMapInput();
    const paths = regionPaths(input);
    expect(paths.map((p) => p.code).sort()).toEqual(['XA1', 'XA2', 'XB1']);
    const svg = mapSceneToSvg(input, white);
    const styles = makeRegionStyles(3);
    const selected = styles.get(1, REGION_SELECTED);
    expect(svg).toContain(
      `fill="${selected.fillColor}" fill-opacity="${selected.fillOpacity}" stroke="${selected.color}" stroke-width="${selected.weight}"`,
    );
    const highlighted = styles.get(3, 2);
    expect(svg).toContain(`stroke-dasharray="${highlighted.dashArray}"`);
    expect(svg).toContain('fill-rule="evenodd"');
    // Flagged regions come last so their outlines are on top; the selected one last of all.
    const order = [...svg.matchAll(/<path d="M[^"]*" fill="([^"]+)"/g)].map((m) => m[1]);
    expect(order.at(-1)).toBe(selected.fillColor);
  });

  it('legend: the "none" class, classLabels of the breaks with the screen colours, arcs and marker kinds', () => {
    const parts = mapFigureParts(miniMapInput());
    const [classes, arcs, markers] = parts.legend;
    const styles = makeRegionStyles(3);
    expect(classes!.items.map((i) => i.label)).toEqual(['none', ...classLabels([1, 2, 4])]);
    expect(classes!.items.map((i) => i.colour)).toEqual([0, 1, 2, 3].map((c) => styles.get(c, 0).fillColor));
    expect(arcs!.items.map((i) => i.label)).toEqual(['cross-border', 'domestic']);
    expect(arcs!.items.map((i) => i.dashed ?? false)).toEqual([false, true]);
    expect(markers!.items.map((i) => i.shape)).toEqual(['circle', 'hollow-circle']);
  });

  it('a dashed arc keeps its dash pattern in the figure; a hostile one is dropped', () => {
    const input = miniMapInput();
    const [arc] = input.arcs;
    const dashed = mapSceneToSvg({ ...input, arcs: [{ ...arc!, dash: '6 5' }] }, white);
    expect(dashed).toMatch(
      /<path d="M[^"]*Q[^"]*" stroke="[^"]+" stroke-width="[^"]+" stroke-opacity="[^"]+" stroke-dasharray="6 5"/,
    );
    const hostile = mapSceneToSvg({ ...input, arcs: [{ ...arc!, dash: '1" onload="x' }] }, white);
    expect(hostile).not.toContain('onload');
  });

  it('draws arcs with arcSvgPath between the projected endpoints, and markers as circles (hollow when placed by region)', () => {
    const input = miniMapInput();
    const project = mapProjection(input);
    const [x0, y0] = project(4, 50.5);
    const [x1, y1] = project(6, 50.5);
    const svg = mapSceneToSvg(input, white);
    expect(svg).toContain(`d="${arcSvgPath(x0, y0, x1, y1, 0.2, 1)}" stroke="#d95f02" stroke-width="4"`);
    expect(svg).toMatch(/<circle [^>]*r="7" fill="#333333" fill-opacity="0.75" stroke="#111111" stroke-width="2.5"\/>/);
    expect(svg).toMatch(
      /<circle [^>]*fill="#ffffff" fill-opacity="0.6" stroke="#333333" stroke-width="1.2" stroke-dasharray="2 2"\/>/,
    );
  });

  it('fits the extent to the viewport as Web Mercator', () => {
    const project = mapProjection(miniMapInput());
    const [, top] = project(5, 52.2);
    const [, bottom] = project(5, 49.8);
    const [left] = project(2.8, 51);
    const [right] = project(7.2, 51);
    // Height-limited: the extent fills 400 px vertically and is centred horizontally.
    expect(top).toBeCloseTo(0, 6);
    expect(bottom).toBeCloseTo(400, 6);
    expect((left + right) / 2).toBeCloseTo(300, 6);
  });

  it('keeps hostile text inert', () => {
    const text = {
      title: HOSTILE[1],
      caption: HOSTILE[0],
      datasetName: HOSTILE[2],
      sources: [...HOSTILE],
      exportDate: HOSTILE[5],
    };
    const words = {
      metric: HOSTILE[3],
      none: HOSTILE[4],
      arcs: HOSTILE[6],
      crossBorder: 'x',
      domestic: 'y',
      markers: 'z',
      exact: HOSTILE[7],
      approximate: 'w',
    };
    const svg = mapSceneToSvg(miniMapInput({ text, legendWords: words }), white);
    expect(xmlProblems(svg)).toEqual([]);
    expect(activeContent(svg)).toEqual([]);
  });

  it('matches the file snapshot of the small fixed map', async () => {
    await expect(normaliseSvg(mapSceneToSvg(miniMapInput(), white))).toMatchFileSnapshot(
      '../fixtures/export/map-small.svg',
    );
  });
});

describe('real NUTS 2021 regions', () => {
  const topology = nutsTopology();
  const europe = [
    [34, -11],
    [71, 35],
  ] as const;
  const viewport = { width: 800, height: 600 };

  it.each([0, 1, 2] as const)('no region path covers the whole canvas at NUTS %i', (level) => {
    const object = topology.objects[`nuts${level}`] as GeometryCollection;
    const codes = object.geometries.map((g) => String(g.id));
    const input = miniMapInput({
      topology,
      level,
      regionCodes: codes,
      regionClass: () => 1,
      regionFlags: undefined,
      extent: europe,
      viewport,
    });
    const paths = regionPaths(input);
    expect(paths.length).toBeGreaterThan(level === 0 ? 30 : 100);
    for (const p of paths) expect(covers(pathBox(p.d), 800, 600), p.code).toBe(false);
    const svg = mapSceneToSvg({ ...input, arcs: [], markers: [] }, white);
    expect(xmlProblems(svg)).toEqual([]);
  });

  it('documents the hazard it avoids: d3’s spherical path fills the canvas with Bremen (DE50)', () => {
    const object = topology.objects.nuts2 as GeometryCollection;
    const bremen = (feature(topology, object) as unknown as GeoJSON.FeatureCollection).features.find(
      (f) => f.id === 'DE50',
    )!;
    const spherical = geoPath(
      geoMercator().fitExtent(
        [
          [0, 0],
          [800, 600],
        ],
        {
          type: 'MultiPoint',
          coordinates: [
            [-11, 34],
            [35, 71],
          ],
        },
      ),
    );
    expect(covers(pathBox(spherical(bremen) ?? ''), 800, 600)).toBe(true);
    const ours = regionPaths(miniMapInput({ topology, level: 2, regionCodes: ['DE50'], extent: europe, viewport }));
    expect(ours).toHaveLength(1);
    const box = pathBox(ours[0]!.d);
    expect(box[2] - box[0]).toBeLessThan(20);
  });

  it('leaves out overseas regions that lie outside the extent', () => {
    const object = topology.objects.nuts2 as GeometryCollection;
    const codes = object.geometries.map((g) => String(g.id));
    const drawn = regionPaths(miniMapInput({ topology, level: 2, regionCodes: codes, extent: europe, viewport })).map(
      (p) => p.code,
    );
    expect(drawn).toContain('BE33');
    expect(drawn).not.toContain('FRY4'); // La Réunion
    expect(drawn).not.toContain('FRY3'); // Guyane
  });

  it('parses as an SVG document a browser would accept', () => {
    const doc = parseXml(mapSceneToSvg(miniMapInput(), white));
    expect(doc.documentElement?.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  });
});
