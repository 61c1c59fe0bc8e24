// Thin Leaflet adapter: region polygons, arcs and markers on Canvas panes; reports user gestures, never reads state.
import L from 'leaflet';
import type { Feature, Geometry } from 'geojson';
import { markerStyle, type MapTheme, type RegionStyle } from '../map/styles';

export interface MapCallbacks {
  onRegionClick(regionIdx: number): void;
  onRegionHover(regionIdx: number): void;
  onArcClick(pairId: number): void;
  onMarkerClick(orgs: readonly number[]): void;
  onBackgroundClick(): void;
}

export interface ArcSpec {
  readonly pair: number;
  readonly latlngs: readonly [number, number][];
  readonly weight: number;
  readonly colour: string;
  /** Stroke dash pattern; undefined draws a solid line. */
  readonly dash?: string | undefined;
  readonly opacity: number;
  /** Plain text for the tooltip (set as textContent, never as HTML). */
  readonly label: string;
}

export interface MarkerSpec {
  /** Stable identity of the spot (rounded position), so unchanged markers are kept between updates. */
  readonly key: string;
  readonly lat: number;
  readonly lon: number;
  readonly orgs: readonly number[];
  /** Placed at a region centroid rather than at known coordinates: drawn hollow. */
  readonly approximate: boolean;
  readonly label: string;
  readonly theme: MapTheme;
  readonly emphasised: boolean;
}

export interface MapBinding {
  /** Replaces the region polygons (on level change); `indexOf` maps a feature id to a region index. */
  setRegions(features: readonly Feature<Geometry, unknown>[], indexOf: (id: string) => number): void;
  /** Restyles the given regions; skips those whose style object is unchanged. Returns how many were restyled. */
  restyle(regions: Iterable<number>, styleOf: (regionIdx: number) => RegionStyle): number;
  /** Shows these arcs, keeping the polylines of pairs already shown; returns how many polylines it created. */
  setArcs(arcs: readonly ArcSpec[]): number;
  setMarkers(markers: readonly MarkerSpec[]): void;
  fitBounds(bounds: [[number, number], [number, number]], animate: boolean): void;
  invalidateSize(): void;
  readonly map: L.Map;
  destroy(): void;
}

/** Arcs at least this opaque belong to the focus and are drawn on top. */
const FOCUSED_ARC_OPACITY = 0.9;

function markerSignature(m: MarkerSpec): string {
  return `${m.orgs.length}|${m.emphasised ? 1 : 0}|${m.approximate ? 1 : 0}|${m.theme}|${m.label}`;
}

function textTooltip(text: string): HTMLElement {
  const el = document.createElement('span');
  el.textContent = text;
  return el;
}

/** Creates the map inside `container`. Safe to destroy twice. */
export function createMapBinding(container: HTMLElement, callbacks: MapCallbacks): MapBinding {
  const map = L.map(container, {
    zoomControl: true,
    attributionControl: false,
    zoomSnap: 0.25,
    zoomDelta: 0.5,
    preferCanvas: true,
    worldCopyJump: false,
    minZoom: 2,
    maxZoom: 10,
  });
  map.createPane('regions').style.zIndex = '350';
  map.createPane('arcs').style.zIndex = '450';
  map.createPane('markers').style.zIndex = '500';
  const regionRenderer = L.canvas({ pane: 'regions', padding: 0.2 });
  const arcRenderer = L.canvas({ pane: 'arcs', padding: 0.2 });
  const markerRenderer = L.canvas({ pane: 'markers', padding: 0.2 });
  const regionGroup = L.layerGroup().addTo(map);
  const arcGroup = L.layerGroup().addTo(map);
  const markerGroup = L.layerGroup().addTo(map);
  let regionLayers: (L.Path | undefined)[] = [];
  const markerLayers = new Map<string, { layer: L.CircleMarker; signature: string }>();
  const arcLayers = new Map<number, { line: L.Polyline; spec: ArcSpec }>();
  const appliedStyle: (RegionStyle | undefined)[] = [];
  let hoveredRegion = -1;

  map.on('click', () => callbacks.onBackgroundClick());

  const binding: MapBinding = {
    map,
    setRegions(features, indexOf) {
      // Pair ids are per level: arcs of the previous level must not be mistaken for this level's.
      arcGroup.clearLayers();
      arcLayers.clear();
      regionGroup.clearLayers();
      regionLayers = [];
      appliedStyle.length = 0;
      for (const f of features) {
        const idx = indexOf(String(f.id ?? ''));
        if (idx < 0) continue;
        const layer = L.geoJSON(f, {
          pane: 'regions',
          renderer: regionRenderer,
          style: () => ({ weight: 0.6, color: '#9e9e9e', fillOpacity: 1, fillColor: '#f2f2f2' }),
        } as L.GeoJSONOptions);
        layer.on('click', (e: L.LeafletMouseEvent) => {
          L.DomEvent.stopPropagation(e);
          callbacks.onRegionClick(idx);
        });
        layer.on('mouseover', () => {
          if (hoveredRegion === idx) return;
          hoveredRegion = idx;
          callbacks.onRegionHover(idx);
        });
        layer.on('mouseout', () => {
          if (hoveredRegion !== idx) return;
          hoveredRegion = -1;
          callbacks.onRegionHover(-1);
        });
        regionGroup.addLayer(layer);
        regionLayers[idx] = layer as unknown as L.Path;
      }
    },
    restyle(regions, styleOf) {
      let applied = 0;
      for (const idx of regions) {
        const layer = regionLayers[idx];
        if (!layer) continue;
        const style = styleOf(idx);
        // Styles come from a frozen table, so identity equality means "already shown".
        if (appliedStyle[idx] === style) continue;
        appliedStyle[idx] = style;
        layer.setStyle(style);
        applied++;
      }
      return applied;
    },
    setArcs(arcs) {
      // Diff by pair: a step keeps most of the strongest pairs, so their polylines are restyled in place
      // (or left alone) rather than rebuilt; only pairs entering or leaving the top-k are added or removed.
      const next = new Map<number, ArcSpec>();
      for (const a of arcs) next.set(a.pair, a);
      let created = 0;
      for (const [pair, shown] of arcLayers) {
        if (next.has(pair)) continue;
        arcGroup.removeLayer(shown.line);
        arcLayers.delete(pair);
      }
      for (const a of arcs) {
        const shown = arcLayers.get(a.pair);
        if (shown) {
          const s = shown.spec;
          if (s.weight !== a.weight || s.opacity !== a.opacity || s.colour !== a.colour || s.dash !== a.dash) {
            shown.line.setStyle({ weight: a.weight, opacity: a.opacity, color: a.colour, dashArray: a.dash ?? '' });
          }
          const relabel = shown.spec.label !== a.label;
          shown.spec = a;
          // The tooltip's text is made when it opens (below); only an open one is remade.
          if (relabel && shown.line.isTooltipOpen()) shown.line.getTooltip()?.update();
          continue;
        }
        const line = L.polyline(a.latlngs as unknown as L.LatLngExpression[], {
          pane: 'arcs',
          renderer: arcRenderer,
          color: a.colour,
          weight: a.weight,
          opacity: a.opacity,
          dashArray: a.dash,
          interactive: true,
          lineCap: 'round',
        });
        // A function: Leaflet calls it when the tooltip opens, so a step whose counts change every arc's label builds
        // no element for tooltips nobody opens.
        line.bindTooltip(() => textTooltip(arcLayers.get(a.pair)?.spec.label ?? a.label), { sticky: true });
        line.on('click', (e: L.LeafletMouseEvent) => {
          L.DomEvent.stopPropagation(e);
          callbacks.onArcClick(a.pair);
        });
        arcGroup.addLayer(line);
        arcLayers.set(a.pair, { line, spec: a });
        created++;
      }
      // Drawing order follows the list (focused arcs last, on top).
      for (const a of arcs) if (a.opacity >= FOCUSED_ARC_OPACITY) arcLayers.get(a.pair)?.line.bringToFront();
      return created;
    },
    setMarkers(markers) {
      // Diff by spot: a window step usually changes a few groups, and rebuilding thousands of markers
      // (each with its tooltip and listeners) would dominate the step.
      const next = new Map<string, MarkerSpec>();
      for (const m of markers) next.set(m.key, m);
      for (const [key, shown] of markerLayers) {
        const m = next.get(key);
        if (!m || markerSignature(m) !== shown.signature) {
          markerGroup.removeLayer(shown.layer);
          markerLayers.delete(key);
        }
      }
      for (const m of markers) {
        if (markerLayers.has(m.key)) continue;
        const look = markerStyle(m, m.theme);
        const marker = L.circleMarker([m.lat, m.lon], {
          pane: 'markers',
          renderer: markerRenderer,
          radius: look.radius,
          weight: look.weight,
          color: look.colour,
          fillColor: look.fill,
          fillOpacity: look.fillOpacity,
          dashArray: look.dash,
        });
        marker.bindTooltip(textTooltip(m.label));
        marker.on('click', (e: L.LeafletMouseEvent) => {
          L.DomEvent.stopPropagation(e);
          callbacks.onMarkerClick(m.orgs);
        });
        markerGroup.addLayer(marker);
        markerLayers.set(m.key, { layer: marker, signature: markerSignature(m) });
      }
    },
    fitBounds(bounds, animate) {
      map.fitBounds(bounds, { animate, padding: [8, 8] });
    },
    invalidateSize() {
      map.invalidateSize({ animate: false });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      map.off();
      map.remove();
    },
  };
  let destroyed = false;
  return binding;
}
