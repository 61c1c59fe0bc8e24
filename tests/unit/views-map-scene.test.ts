// Proves the map scene on the built-in data: incremental sync equals a fresh one, selection flags, and arc order and count.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/lib/model/dates';
import { REGION_FADED, REGION_HIGHLIGHTED, REGION_SELECTED } from '../../src/lib/map/styles';
import type { MapLevel } from '../../src/lib/map/placement';
import { makeAtlasData } from '../../src/lib/state/atlas-data';
import { timelineBounds } from '../../src/lib/state/timeline-bounds';
import { NO_SELECTION, type Selection } from '../../src/lib/state/view-state';
import { NO_FILTERS, Visibility, type TimeSettings } from '../../src/lib/state/visibility';
import type { TimeWindow } from '../../src/lib/timeline/temporal-index';
import { addMonths } from '../../src/lib/timeline/window-input';
import { CLASS_COUNT, MapScene } from '../../src/lib/views/map-scene';
import { classBreaks } from '../../src/lib/map/class-breaks';
import { clearChanges, makeRegionAggregate, resetAggregate, type RegionAggregate } from '../../src/lib/map/aggregate';
import { extendMask } from '../../src/lib/map/co-participation';
import { countRecount } from '../../src/lib/map/recount-protocol';
import { loadBuiltinDataset, loadRegionIndex } from '../helpers/builtin';

const TODAY = dayNumber(2025, 6, 15);
const data = makeAtlasData(loadBuiltinDataset(), loadRegionIndex(), null, null);
const bounds = timelineBounds(data.compiled, TODAY);
const LEVELS: MapLevel[] = [0, 1, 2];
const NO_HOVER = { kind: 'none' } as const;
const label = (a: string, b: string, n: number): string => `${a} – ${b}: ${n}`;

function fullVisibility(): Visibility {
  return new Visibility(data.compiled, { window: bounds, mode: 'active', includeUndated: true }, NO_FILTERS);
}

function counts(scene: MapScene) {
  return {
    regionOrgs: [...scene.agg.regionOrgs],
    regionCollabs: [...scene.agg.regionCollabs],
    pairCount: [...scene.agg.pairCount],
  };
}

function freshCounts(level: MapLevel, vis: Visibility) {
  const fresh = new MapScene(data, level);
  fresh.sync(vis);
  return counts(fresh);
}

function regionIndex(scene: MapScene, code: string): number {
  const r = data.placement.regionIndexOf[scene.level].get(code);
  if (r === undefined) throw new Error(`no region ${code} at level ${scene.level}`);
  return r;
}

describe('MapScene.sync', () => {
  it.each(LEVELS)('level %i: after every window step, filter and mode change, counts equal a fresh sync', (level) => {
    const random = seedrandom(`map-${level}`);
    const vis = new Visibility(
      data.compiled,
      { window: { from: bounds.from, to: addMonths(bounds.from, 12) - 1 }, mode: 'active', includeUndated: true },
      NO_FILTERS,
    );
    const scene = new MapScene(data, level);
    scene.sync(vis);
    expect(counts(scene)).toEqual(freshCounts(level, vis));
    let time: TimeSettings = vis.settings;
    let before = counts(scene);
    let nonEmptySteps = 0;
    // Play through the timeline a month at a time, then random jumps, toggles and filters.
    for (let step = 0; step < 160; step++) {
      let window: TimeWindow;
      if (step < 100) window = { from: addMonths(time.window.from, 1), to: addMonths(time.window.to, 1) };
      else {
        const from = bounds.from + Math.floor(random() * (bounds.to - bounds.from));
        window = { from, to: Math.min(bounds.to, from + Math.floor(random() * 1500)) };
      }
      const roll = random();
      if (step >= 100 && roll < 0.1)
        vis.setFilters(roll < 0.05 ? { ...NO_FILTERS, countries: ['BE', 'NL'] } : NO_FILTERS);
      else if (step >= 100 && roll < 0.2) {
        time = { ...time, mode: time.mode === 'active' ? 'cumulative' : 'active' };
        vis.setTime(time);
      } else {
        time = { ...time, window: window.from <= window.to ? window : time.window };
        vis.setTime(time);
      }
      const changed = new Set(scene.sync(vis));
      const after = counts(scene);
      expect(after, `step ${step}`).toEqual(freshCounts(level, vis));
      // Every region whose counts moved is reported as changed.
      after.regionOrgs.forEach((n, r) => {
        if (n !== before.regionOrgs[r] || after.regionCollabs[r] !== before.regionCollabs[r]) {
          expect(changed.has(r), `step ${step}: region ${scene.regionCode(r)}`).toBe(true);
        }
      });
      if (changed.size > 0) nonEmptySteps++;
      before = after;
    }
    expect(nonEmptySteps).toBeGreaterThan(10);
  });

  it('a second scene reading the same visibility later catches up on its own', () => {
    const vis = fullVisibility();
    const early = new MapScene(data, 2);
    early.sync(vis);
    vis.setTime({ ...vis.settings, window: { from: dayNumber(2020, 1, 1), to: dayNumber(2020, 12, 31) } });
    early.sync(vis);
    const late = new MapScene(data, 2);
    late.sync(vis);
    vis.setTime({ ...vis.settings, window: { from: dayNumber(2023, 1, 1), to: dayNumber(2024, 12, 31) } });
    early.sync(vis);
    late.sync(vis);
    expect(counts(early)).toEqual(counts(late));
    expect(counts(early)).toEqual(freshCounts(2, vis));
  });
});

describe('MapScene.recount', () => {
  it.each(LEVELS)('level %i: counts equal a fresh sync, breaks come from the whole span under the filters', (level) => {
    const vis = new Visibility(
      data.compiled,
      { window: { from: dayNumber(2020, 1, 1), to: dayNumber(2021, 12, 31) }, mode: 'active', includeUndated: false },
      { ...NO_FILTERS, countries: ['BE', 'NL'] },
    );
    const scene = new MapScene(data, level);
    scene.sync(vis);
    // A window step logged but not yet read: the recount covers it and leaves nothing for the next sync.
    vis.setTime({ ...vis.settings, window: { from: dayNumber(2022, 1, 1), to: dayNumber(2024, 12, 31) } });
    scene.recount(vis, 'collaborations');
    const after = counts(scene);
    expect(after).toEqual(freshCounts(level, vis));
    expect(scene.sync(vis)).toHaveLength(0);
    // The breaks are those of the filters' whole span (any period): a reset of its own over those masks.
    const span = makeRegionAggregate(data.mapLinks.compiled, data.placement, level);
    const spanMask = extendMask(data.mapLinks, vis.filterOk, new Uint8Array(data.mapLinks.compiled.collabCount));
    resetAggregate(span, spanMask, vis.orgFilterOk);
    expect(scene.breaks).toEqual(classBreaks(span.regionCollabs, CLASS_COUNT));
    scene.recount(vis, 'organisations');
    expect(scene.breaks).toEqual(classBreaks(span.regionOrgs, CLASS_COUNT));
    expect([...span.regionCollabs]).not.toEqual(after.regionCollabs);
  });
});

describe('MapScene.installRecount (the worker path)', () => {
  it.each(LEVELS)(
    'level %i: counts made from the masks elsewhere, then a later step replayed, equal a fresh sync',
    (level) => {
      const filters = { ...NO_FILTERS, countries: ['BE', 'NL'] };
      const time: TimeSettings = {
        window: { from: dayNumber(2020, 1, 1), to: dayNumber(2021, 12, 31) },
        mode: 'active',
        includeUndated: false,
      };
      const vis = new Visibility(data.compiled, time, NO_FILTERS);
      const scene = new MapScene(data, level);
      scene.sync(vis);
      vis.setFilters(filters);
      // What the post does: structured clones of the tables and of the masks as they are when the filter changed.
      const tables = structuredClone(scene.recountTables());
      const masks = structuredClone(scene.recountMasks(vis));
      // A step while the worker counts: logged after the masks were taken, replayed by the sync after the install.
      vis.setTime({ ...time, window: { from: dayNumber(2022, 1, 1), to: dayNumber(2024, 12, 31) } });
      scene.installRecount(countRecount(tables, masks), 'collaborations');
      const installed = counts(scene);
      expect(scene.sync(vis).length).toBeGreaterThan(0);
      expect(counts(scene)).toEqual(freshCounts(level, vis));
      expect(counts(scene)).not.toEqual(installed);
      // The breaks are those a main-thread recount makes (the span does not depend on the window).
      const here = new MapScene(data, level);
      here.recount(vis, 'collaborations');
      expect(scene.breaks).toEqual(here.breaks);
      expect(here.breaks.length).toBeGreaterThan(0);
    },
  );

  it('marks as changed exactly the regions a main-thread reset marks', () => {
    const vis = fullVisibility();
    const scene = new MapScene(data, 2);
    const reference = makeRegionAggregate(data.mapLinks.compiled, data.placement, 2);
    const extended = () =>
      extendMask(data.mapLinks, vis.collabVisible, new Uint8Array(data.mapLinks.compiled.collabCount));
    scene.sync(vis);
    resetAggregate(reference, extended(), vis.orgVisible);
    vis.setFilters({ ...NO_FILTERS, kinds: ['project'] });
    scene.installRecount(countRecount(scene.recountTables(), scene.recountMasks(vis)), 'organisations');
    clearChanges(reference);
    resetAggregate(reference, extended(), vis.orgVisible);
    const changed = (agg: RegionAggregate) => [...agg.changedRegions.subarray(0, agg.changedRegionCount)].sort();
    expect(changed(scene.agg)).toEqual(changed(reference));
    expect(changed(reference).length).toBeGreaterThan(0);
    expect([...scene.agg.collabOn]).toEqual([...reference.collabOn]);
    expect([...scene.agg.pairCount]).toEqual([...reference.pairCount]);
    expect([...scene.mask]).toEqual([...extended()]);
  });
});

describe('MapScene styles across recounts', () => {
  it('keeps its style table while the number of classes stays, so unchanged regions keep their style objects', () => {
    const vis = fullVisibility();
    const scene = new MapScene(data, 2);
    scene.recount(vis, 'collaborations');
    const table = scene.styles;
    const before = Array.from({ length: scene.agg.regionCount }, (_, r) => scene.styleOf(r, 'collaborations'));
    vis.setFilters({ ...NO_FILTERS, kinds: ['project', 'event', 'other'] });
    scene.recount(vis, 'collaborations');
    expect(scene.breaks.length).toBe(CLASS_COUNT);
    expect(scene.styles).toBe(table);
    const after = Array.from({ length: scene.agg.regionCount }, (_, r) => scene.styleOf(r, 'collaborations'));
    const kept = after.filter((st, r) => st === before[r]).length;
    const sameClass = after.filter((st, r) => st.fillColor === before[r]!.fillColor && st.weight === before[r]!.weight);
    // Identity follows the look exactly: a region is restyled only when its class (or flags) changed.
    expect(kept).toBe(sameClass.length);
    expect(kept).toBeLessThan(after.length);
    // Fewer classes (a filter leaving few distinct counts) or another theme: a new table.
    vis.setFilters({ ...NO_FILTERS, kinds: ['succession'] });
    scene.recount(vis, 'collaborations');
    expect(scene.breaks.length).toBeLessThan(CLASS_COUNT);
    expect(scene.styles).not.toBe(table);
    expect(scene.styles.classes).toBe(Math.max(1, scene.breaks.length));
  });
});

describe('MapScene.updateFlags', () => {
  const biowin: Selection = { kind: 'org', id: 'biowin' };

  it.each([
    // [level, BioWin's region (selected), MEDVIA's region (highlighted), a region with neither (faded)]
    [1, 'BE3', 'BE2', 'NL4'],
    [0, 'BE', 'BE', 'NL'],
  ] as const)('level %i: BioWin selects %s, partner MEDVIA highlights %s, %s fades', (level, own, partner, other) => {
    const vis = fullVisibility();
    const scene = new MapScene(data, level);
    scene.sync(vis);
    const changed = scene.updateFlags(biowin, NO_HOVER, vis);
    const flags = (code: string) => scene.flags[regionIndex(scene, code)]!;
    expect(flags(own) & REGION_SELECTED).toBe(REGION_SELECTED);
    expect(flags(partner) & REGION_HIGHLIGHTED).toBe(REGION_HIGHLIGHTED);
    expect(flags(other)).toBe(REGION_FADED);
    // The returned list is exactly the regions whose flags moved from all-zero.
    expect(new Set(changed)).toEqual(new Set([...scene.flags.keys()].filter((r) => scene.flags[r] !== 0)));
    expect(scene.updateFlags(biowin, NO_HOVER, vis)).toEqual([]);
    // Deselecting clears every flag and reports exactly those regions.
    const cleared = scene.updateFlags(NO_SELECTION, NO_HOVER, vis);
    expect(new Set(cleared)).toEqual(new Set(changed));
    expect(scene.flags.every((f) => f === 0)).toBe(true);
  });

  it('at level 1, MEDVIA is highlighted only while a BioWin–MEDVIA collaboration is visible', () => {
    const vis = fullVisibility();
    const scene = new MapScene(data, 1);
    scene.sync(vis);
    const be2 = regionIndex(scene, 'BE2');
    scene.updateFlags(biowin, NO_HOVER, vis);
    expect(scene.flags[be2]! & REGION_HIGHLIGHTED).toBe(REGION_HIGHLIGHTED);
    // 2016–2019: before BioWin's first collaboration (2023).
    vis.setTime({ ...vis.settings, includeUndated: false, window: { from: bounds.from, to: dayNumber(2019, 12, 31) } });
    scene.sync(vis);
    scene.updateFlags(biowin, NO_HOVER, vis);
    expect(scene.flags[be2]! & REGION_HIGHLIGHTED).toBe(0);
    expect(scene.flags[regionIndex(scene, 'BE3')]! & REGION_SELECTED).toBe(REGION_SELECTED);
  });
});

describe('MapScene.arcs', () => {
  // Select the region of the strongest pair so some arcs are focused and others not.
  function sceneWithFocus(level: MapLevel): MapScene {
    const vis = fullVisibility();
    const scene = new MapScene(data, level);
    scene.sync(vis);
    const agg = scene.agg;
    let best = -1;
    for (let p = 0; p < agg.pairTotal; p++) if (best < 0 || agg.pairCount[p]! > agg.pairCount[best]!) best = p;
    scene.updateFlags({ kind: 'region', code: scene.regionCode(agg.pairA[best]!) }, NO_HOVER, vis);
    return scene;
  }

  it.each([
    [2, 1],
    [2, 3],
    [2, 10],
    [2, 150],
    [1, 5],
    [0, 150],
  ] as const)('level %i, top %i: at most k arcs, focused ones last', (level, k) => {
    const scene = sceneWithFocus(level);
    const arcs = scene.arcs(k, 'light', label);
    expect(arcs.length).toBeGreaterThan(0);
    expect(arcs.length).toBeLessThanOrEqual(k);
    const focused = arcs.map((a) => {
      const touches =
        (scene.flags[scene.agg.pairA[a.pair]!]! & REGION_SELECTED) !== 0 ||
        (scene.flags[scene.agg.pairB[a.pair]!]! & REGION_SELECTED) !== 0;
      return touches;
    });
    const firstFocused = focused.indexOf(true);
    if (firstFocused >= 0) expect(focused.slice(firstFocused).every(Boolean)).toBe(true);
    for (let i = 1; i < arcs.length; i++) expect(arcs[i]!.opacity).toBeGreaterThanOrEqual(arcs[i - 1]!.opacity);
    // Focused arcs are the more opaque ones; each group shares one opacity.
    const focusedOpacity = new Set(arcs.filter((_, i) => focused[i]).map((a) => a.opacity));
    const otherOpacity = new Set(arcs.filter((_, i) => !focused[i]).map((a) => a.opacity));
    expect(focusedOpacity.size).toBeLessThanOrEqual(1);
    expect(otherOpacity.size).toBeLessThanOrEqual(1);
    if (focusedOpacity.size && otherOpacity.size)
      expect(Math.min(...focusedOpacity)).toBeGreaterThan(Math.max(...otherOpacity));
    expect(new Set(arcs.map((a) => a.pair)).size).toBe(arcs.length);
  });

  it('with 150 arcs at NUTS 2 both focused and unfocused arcs are drawn, unfocused first', () => {
    const arcs = sceneWithFocus(2).arcs(150, 'light', label);
    const opacities = [...new Set(arcs.map((a) => a.opacity))];
    expect(opacities).toHaveLength(2);
    expect(opacities[0]).toBeLessThan(opacities[1]!);
  });

  it('without a selection every arc has the same opacity, strongest first', () => {
    const scene = new MapScene(data, 2);
    scene.sync(fullVisibility());
    const arcs = scene.arcs(150, 'dark', label);
    expect(new Set(arcs.map((a) => a.opacity)).size).toBe(1);
    const countsOf = arcs.map((a) => scene.agg.pairCount[a.pair]!);
    expect(countsOf).toEqual([...countsOf].sort((a, b) => b - a));
    expect(arcs[0]!.label).toMatch(/ – .*: \d+$/);
  });

  it("arc labels follow each pair's count through window steps and are remade for another language only", () => {
    const vis = new Visibility(
      data.compiled,
      { window: { from: bounds.from, to: addMonths(bounds.from, 24) - 1 }, mode: 'active', includeUndated: true },
      NO_FILTERS,
    );
    const scene = new MapScene(data, 2);
    let made = 0;
    const counting = (a: string, b: string, n: number): string => {
      made++;
      return label(a, b, n);
    };
    let changedLabels = 0;
    for (let from = bounds.from; from < bounds.to; from = addMonths(from, 3)) {
      vis.setTime({ ...vis.settings, window: { from, to: addMonths(from, 24) - 1 } });
      scene.sync(vis);
      made = 0;
      const arcs = scene.arcs(150, 'light', counting, 'en');
      // The text always says the pair's current count, cached or not.
      for (const a of arcs)
        expect(a.label).toBe(
          label(nameOf(scene, a.pair, 'A'), nameOf(scene, a.pair, 'B'), scene.agg.pairCount[a.pair]!),
        );
      changedLabels += made;
      made = 0;
      expect(scene.arcs(150, 'light', counting, 'en').map((a) => a.label)).toEqual(arcs.map((a) => a.label));
      expect(made).toBe(0);
    }
    expect(changedLabels).toBeGreaterThan(0);
    made = 0;
    const other = scene.arcs(150, 'light', (a, b, n) => `${counting(a, b, n)} (fr)`, 'fr');
    expect(made).toBe(other.length);
    expect(other.every((a) => a.label.endsWith(' (fr)'))).toBe(true);
  });
});

function nameOf(scene: MapScene, pair: number, end: 'A' | 'B'): string {
  const r = end === 'A' ? scene.agg.pairA[pair]! : scene.agg.pairB[pair]!;
  return data.regions.get(scene.regionCode(r))?.nameLatin ?? '';
}
