// Region styles: ramps per theme, distinct interaction states, stable keys, and the precomputed table.
import { describe, expect, it } from 'vitest';
import type { PathOptions } from 'leaflet';
import {
  MAX_CLASSES,
  REGION_FADED,
  REGION_HIGHLIGHTED,
  REGION_HOVERED,
  REGION_SELECTED,
  makeRegionStyles,
  markerStyle,
  noneColour,
  rampColours,
  regionStyle,
  styleKey,
  type MapTheme,
} from '../../src/lib/map/styles';

/** Relative luminance (WCAG) of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

const themes: MapTheme[] = ['light', 'dark'];

describe('rampColours', () => {
  it.each(themes)('%s: has 1–7 colours, ordered so more stands out from the background', (theme) => {
    for (let k = 1; k <= MAX_CLASSES; k++) {
      const ramp = rampColours(k, theme);
      expect(ramp).toHaveLength(k);
      const lum = ramp.map(luminance);
      // Light background: darker = more. Dark background: brighter = more.
      expect(lum.every((l, i) => i === 0 || (theme === 'light' ? l < lum[i - 1]! : l > lum[i - 1]!))).toBe(true);
    }
  });

  it('clamps the class count', () => {
    expect(rampColours(12)).toHaveLength(MAX_CLASSES);
    expect(rampColours(0)).toHaveLength(1);
  });
});

describe('regionStyle', () => {
  const plain = regionStyle(3, 0, 5);
  const states: [name: string, flags: number][] = [
    ['plain', 0],
    ['selected', REGION_SELECTED],
    ['highlighted', REGION_HIGHLIGHTED],
    ['hovered', REGION_HOVERED],
    ['faded', REGION_FADED],
  ];

  it.each(themes)('%s: every state has its own style', (theme) => {
    const keys = states.map(([, flags]) => styleKey(regionStyle(3, flags, 5, theme)));
    expect(new Set(keys).size).toBe(states.length);
  });

  it('keeps the class fill in every state, so the choropleth stays readable', () => {
    for (const [, flags] of states) expect(regionStyle(3, flags, 5).fillColor).toBe(plain.fillColor);
  });

  it('marks states by weight or dash, not colour alone', () => {
    const selected = regionStyle(3, REGION_SELECTED, 5);
    const highlighted = regionStyle(3, REGION_HIGHLIGHTED, 5);
    const hovered = regionStyle(3, REGION_HOVERED, 5);
    expect(selected.weight).toBeGreaterThan(hovered.weight);
    expect(hovered.weight).toBeGreaterThan(plain.weight);
    expect(highlighted.dashArray).toBeDefined();
    expect(hovered.dashArray).toBeUndefined();
  });

  it('lets selection and hover win over highlight, and never fades them', () => {
    expect(regionStyle(3, REGION_SELECTED | REGION_HIGHLIGHTED | REGION_FADED, 5)).toEqual(
      regionStyle(3, REGION_SELECTED, 5),
    );
    expect(regionStyle(3, REGION_HOVERED | REGION_HIGHLIGHTED, 5)).toEqual(regionStyle(3, REGION_HOVERED, 5));
    expect(regionStyle(3, REGION_FADED, 5).fillOpacity).toBeLessThan(plain.fillOpacity);
  });

  it.each(themes)('%s: class 0 uses the "none" colour and classes use the ramp', (theme) => {
    expect(regionStyle(0, 0, 5, theme).fillColor).toBe(noneColour(theme));
    expect(regionStyle(5, 0, 5, theme).fillColor).toBe(rampColours(5, theme)[4]);
    expect(regionStyle(9, 0, 5, theme).fillColor).toBe(rampColours(5, theme)[4]); // clamped
  });

  it('is a Leaflet PathOptions', () => {
    const options: PathOptions = regionStyle(1, REGION_HIGHLIGHTED, 5);
    expect(options.dashArray).toBe('4 3');
  });
});

describe('styleKey', () => {
  it('is equal exactly when the styles are equal', () => {
    expect(styleKey(regionStyle(2, 0, 5))).toBe(styleKey({ ...regionStyle(2, 0, 5) }));
    expect(styleKey(regionStyle(2, 0, 5))).not.toBe(styleKey(regionStyle(3, 0, 5)));
    expect(styleKey(regionStyle(2, 0, 5, 'light'))).not.toBe(styleKey(regionStyle(2, 0, 5, 'dark')));
  });
});

describe('makeRegionStyles', () => {
  it.each(themes)('%s: returns the same frozen object as often as asked, equal to regionStyle', (theme) => {
    const styles = makeRegionStyles(6, theme);
    for (let cls = 0; cls <= 6; cls++) {
      for (let flags = 0; flags < 16; flags++) {
        const s = styles.get(cls, flags);
        expect(s).toBe(styles.get(cls, flags));
        expect(s).toEqual(regionStyle(cls, flags, 6, theme));
        expect(Object.isFrozen(s)).toBe(true);
      }
    }
  });

  it('clamps classes and ignores unknown flag bits', () => {
    const styles = makeRegionStyles(5);
    expect(styles.get(99, 0)).toBe(styles.get(5, 0));
    expect(styles.get(-1, 0)).toBe(styles.get(0, 0));
    expect(styles.get(2, 16 | REGION_SELECTED)).toBe(styles.get(2, REGION_SELECTED));
  });
});

describe('markerStyle', () => {
  const group = (n: number, approximate = false, emphasised = false) => ({
    orgs: Array.from({ length: n }, (_, i) => i),
    approximate,
    emphasised,
  });
  it('grows with the group and is hollow and dashed at a region centre', () => {
    expect(markerStyle(group(4)).radius).toBe(7);
    expect(markerStyle(group(1, true)).dash).toBe('2 2');
    expect(markerStyle(group(1)).dash).toBeUndefined();
    expect(markerStyle(group(1, false, true)).weight).toBeGreaterThan(markerStyle(group(1)).weight);
  });
  it('stands out from the ground in either theme: dark ink on the light map, light ink on the dark one', () => {
    const background: Record<MapTheme, string> = { light: noneColour('light'), dark: noneColour('dark') };
    for (const theme of ['light', 'dark'] as const) {
      const ink = markerStyle(group(2), theme).colour;
      const [a, b] = [luminance(ink), luminance(background[theme])].sort((x, y) => y - x) as [number, number];
      expect((a + 0.05) / (b + 0.05)).toBeGreaterThan(3);
    }
  });
});
