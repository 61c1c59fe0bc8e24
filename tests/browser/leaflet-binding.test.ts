// The Leaflet binding in real Chromium: regions render on canvas, styles apply once, clicks report, cleanup twice.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMapBinding } from '../../src/lib/views/leaflet-binding';
import { levelFeatures } from '../../src/lib/views/map-scene';
import { makeRegionStyles } from '../../src/lib/map/styles';
import { builtinAtlasData, makeContainer } from './fixtures';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

const data = builtinAtlasData();
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function mount() {
  const { el, remove } = makeContainer(600, 500);
  const clicks: number[] = [];
  const binding = createMapBinding(el, {
    onRegionClick: (r) => clicks.push(r),
    onRegionHover: () => {},
    onArcClick: () => {},
    onMarkerClick: () => {},
    onBackgroundClick: () => {},
  });
  cleanups.push(() => {
    binding.destroy();
    remove();
  });
  const features = levelFeatures(data.topology, 0);
  binding.setRegions(features, (id) => data.placement.regionIndexOf[0].get(id) ?? -1);
  binding.fitBounds(
    [
      [49.3, 2.4],
      [51.6, 6.5],
    ],
    false,
  );
  return { binding, clicks, el };
}

describe('leaflet binding', () => {
  it('draws the country polygons on a canvas and reports a click on Belgium', async () => {
    const { binding, clicks, el } = mount();
    expect(el.querySelector('.leaflet-regions-pane canvas')).not.toBeNull();
    const be = data.placement.regionIndexOf[0].get('BE')!;
    const point = binding.map.latLngToContainerPoint([50.6, 4.6]);
    await userEvent.click(el.querySelector('.leaflet-regions-pane canvas')!, { position: { x: point.x, y: point.y } });
    expect(clicks).toContain(be);
  });

  it('applies a style only when it differs from the one shown', () => {
    const { binding } = mount();
    const styles = makeRegionStyles(3);
    const be = data.placement.regionIndexOf[0].get('BE')!;
    expect(binding.restyle([be], () => styles.get(2, 0))).toBe(1);
    expect(binding.restyle([be], () => styles.get(2, 0))).toBe(0);
    expect(binding.restyle([be], () => styles.get(3, 0))).toBe(1);
  });

  it('keeps the polylines of pairs that stay among the arcs and restyles them in place', () => {
    const { binding } = mount();
    const arc = (pair: number, weight: number) => ({
      pair,
      latlngs: [
        [50, 4],
        [51, 5],
      ] as [number, number][],
      weight,
      colour: '#d95f02',
      opacity: 0.65,
      label: `pair ${pair}`,
    });
    expect(binding.setArcs([arc(1, 2), arc(2, 3)])).toBe(2);
    expect(binding.setArcs([arc(1, 2), arc(2, 5)])).toBe(0);
    expect(binding.setArcs([arc(1, 2)])).toBe(0);
    expect(binding.setArcs([arc(1, 2), arc(3, 1)])).toBe(1);
  });

  it("an arc's tooltip is made when it opens and follows the label while open", async () => {
    const { binding, el } = mount();
    const arc = (label: string) => ({
      pair: 1,
      latlngs: [
        [50, 4],
        [51, 5],
      ] as [number, number][],
      weight: 6,
      colour: '#d95f02',
      opacity: 0.9,
      label,
    });
    binding.setArcs([arc('Liège – Limburg: 3')]);
    expect(el.querySelector('.leaflet-tooltip')).toBeNull(); // nothing built before it opens
    binding.setArcs([arc('Liège – Limburg: 4')]);
    // Opened as a pointer over the arc would (Leaflet's own hover hit-testing is not what is tested here).
    let line: L.Polyline | null = null;
    binding.map.eachLayer((layer) => {
      if (layer instanceof L.Polyline && layer.getTooltip()) line = layer;
    });
    expect(line).not.toBeNull();
    line!.openTooltip([50.5, 4.5]);
    expect(el.querySelector('.leaflet-tooltip')?.textContent).toBe('Liège – Limburg: 4');
    binding.setArcs([arc('Liège – Limburg: 5')]);
    expect(el.querySelector('.leaflet-tooltip')?.textContent).toBe('Liège – Limburg: 5');
  });

  it('can be destroyed twice without error', () => {
    const { binding, el } = mount();
    binding.destroy();
    expect(() => binding.destroy()).not.toThrow();
    expect(el.querySelector('.leaflet-pane')).toBeNull();
  });
});
