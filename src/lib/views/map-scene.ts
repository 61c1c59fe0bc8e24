// Per-dataset map model for the view: aggregate, class breaks, region flags, arcs and marker groups (no DOM).
import type { Feature, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import type { CompiledDataset } from '../model/compiled';
import type { Visibility } from '../state/visibility';
import type { AtlasData } from '../state/atlas-data';
import type { Hover } from '../state/atlas-state.svelte';
import type { Selection, ChoroplethMetric } from '../state/view-state';
import {
  clearChanges,
  installCounts,
  makeRegionAggregate,
  pairsTouching,
  resetAggregate,
  shiftCollab,
  shiftOrg,
  topPairs,
  type RegionAggregate,
} from '../map/aggregate';
import { classBreaks, classOf } from '../map/class-breaks';
import { PLACED_EXACT, PLACED_NONE, type MapLevel } from '../map/placement';
import {
  REGION_FADED,
  REGION_HIGHLIGHTED,
  REGION_HOVERED,
  REGION_SELECTED,
  makeRegionStyles,
  rampColours,
  type MapTheme,
  type RegionStyle,
  type RegionStyles,
} from '../map/styles';
import { arcColour, arcDash, arcPoints, arcWidth } from '../map/arcs';
import type { ArcSpec, MarkerSpec } from './leaflet-binding';
import { ChangeLog, type LogCursor } from '../state/change-log';
import { extendMask } from '../map/co-participation';
import {
  countRecount,
  recountTablesOf,
  type RecountCounts,
  type RecountMasks,
  type RecountTables,
} from '../map/recount-protocol';

export const CLASS_COUNT = 5;
/** Arcs drawn at most: the strongest pairs; ~50,000 pairs at NUTS 2 would be unreadable and slow. */
export const DEFAULT_TOP_ARCS = 150;
/** Above this many marker groups, markers are left out; the choropleth carries the information. */
export const MAX_MARKER_GROUPS = 3000;

export function levelFeatures(topology: unknown, level: MapLevel): Feature<Geometry, unknown>[] {
  const topo = topology as Topology;
  const object = topo.objects[`nuts${level}`] as GeometryCollection | undefined;
  if (!object) return [];
  const fc = feature(topo, object) as unknown as { features: Feature<Geometry, unknown>[] };
  return fc.features;
}

/** Incremental per-level map state; `sync` reads the visibility change log from its own cursor. */
export class MapScene {
  readonly agg: RegionAggregate;
  readonly flags: Uint8Array;
  private readonly cursor: LogCursor = ChangeLog.freshCursor();
  /** Visibility of real and derived (co-participation) links, as the aggregate counts them. */
  readonly mask: Uint8Array;
  breaks: readonly number[] = [];
  /** The palette the styles use; the map follows the page's theme (exports choose their own). */
  theme: MapTheme = 'light';
  styles: RegionStyles = makeRegionStyles(1);

  constructor(
    readonly data: AtlasData,
    readonly level: MapLevel,
  ) {
    this.agg = makeRegionAggregate(data.mapLinks.compiled, data.placement, level);
    this.flags = new Uint8Array(this.agg.regionCount);
    this.mask = new Uint8Array(data.mapLinks.compiled.collabCount);
  }

  get compiled(): CompiledDataset {
    return this.data.compiled;
  }

  /** Brings counts up to date; returns the changed regions (valid until the next call). */
  sync(vis: Visibility): Int32Array {
    const agg = this.agg;
    clearChanges(agg);
    const { collabSource, collabTarget } = this.compiled;
    const { collabVisible, orgVisible } = vis;
    const links = this.data.mapLinks;
    const mask = this.mask;
    const stepped = vis.changes.takeSince(this.cursor);
    if (stepped) {
      // One inline loop, nothing allocated: a step at 50k walks thousands of changed collaborations here, the first
      // steps in a page before the JIT has optimised it. Derived links (co-participation via a hub) follow their two
      // real collaborations.
      const { derivedStart, derivedList, viaA, viaB, realCount } = links;
      for (let k = 0, n = stepped.length; k < n; k++) {
        const j = stepped[k]!;
        const on = collabVisible[j]! ? 1 : 0;
        if (mask[j] !== on) {
          mask[j] = on;
          shiftCollab(agg, j, on);
        }
        for (let d = derivedStart[j]!, end = derivedStart[j + 1]!; d < end; d++) {
          const x = derivedList[d]!;
          const link = realCount + x;
          const linkOn = (collabVisible[viaA[x]!]! & collabVisible[viaB[x]!]!) as 0 | 1;
          if (mask[link] === linkOn) continue;
          mask[link] = linkOn;
          shiftCollab(agg, link, linkOn);
        }
        const s = collabSource[j]!;
        const t = collabTarget[j]!;
        shiftOrg(agg, s, orgVisible[s]! ? 1 : 0);
        shiftOrg(agg, t, orgVisible[t]! ? 1 : 0);
      }
    } else {
      extendMask(links, vis.collabVisible, mask);
      resetAggregate(agg, mask, vis.orgVisible);
    }
    return agg.changedRegions.subarray(0, agg.changedRegionCount);
  }

  /**
   * After a filter or metric change: every count again (as `sync` after a resynchronisation), and class breaks from
   * the counts over the whole time span (filters applied), so a region keeps its class scale while the timeline plays
   * and the legend stays still. Both sets of counts come out of one walk over the links. Every region is to be
   * restyled after it (the breaks changed), so no changed regions are returned.
   */
  recount(vis: Visibility, metric: ChoroplethMetric): void {
    // The worker's count, run here: one code path for both. Fresh arrays per call, which only small datasets (and a
    // large one's first count, or a broken worker) make on this thread.
    this.installRecount(countRecount(this.recountTables(), this.recountMasks(vis)), metric);
  }

  /** The tables a recount worker needs (views on this scene's arrays; posting them copies them). */
  recountTables(): RecountTables {
    return recountTablesOf(this.agg, this.data.mapLinks);
  }

  /**
   * The masks (views on the visibility's arrays: copy them before they change) for a recount made elsewhere
   * (`installRecount` takes its counts). The log's cursor moves to the end: the counts will reflect the masks as they
   * are now, and `sync` after the install replays what comes later.
   */
  recountMasks(vis: Visibility): RecountMasks {
    vis.changes.takeSince(this.cursor);
    const { collabVisible, orgVisible, filterOk, orgFilterOk } = vis;
    return { collabVisible, orgVisible, filterOk, orgFilterOk };
  }

  /** `recount` with counts made from `recountMasks` elsewhere (a worker): the same counts and breaks, no walk here. */
  installRecount(counts: RecountCounts, metric: ChoroplethMetric): void {
    clearChanges(this.agg);
    installCounts(this.agg, counts);
    this.mask.set(counts.collabOn);
    this.setBreaks(metric === 'organisations' ? counts.spanOrgs : counts.spanCollabs);
  }

  private setBreaks(values: Uint32Array): void {
    this.breaks = classBreaks(values, CLASS_COUNT);
    // The table depends on the number of classes and the theme only: kept, its styles keep their identity, and the
    // binding restyles only the regions whose class changed (a filter that keeps five classes restyled every region).
    const classes = Math.max(1, this.breaks.length);
    if (rampColours(classes, this.theme).length !== this.styles.classes || this.styles.theme !== this.theme)
      this.styles = makeRegionStyles(classes, this.theme);
  }

  /** Switches the region palette; true when it changed (every region must be restyled). */
  applyTheme(theme: MapTheme): boolean {
    if (theme === this.theme) return false;
    this.theme = theme;
    this.styles = makeRegionStyles(Math.max(1, this.breaks.length), theme);
    return true;
  }

  /** The style a region shows now: its class under the current breaks and its interaction flags. */
  styleOf(r: number, metric: ChoroplethMetric): RegionStyle {
    return this.styles.get(this.classOfRegion(r, metric), this.flags[r]!);
  }

  classOfRegion(r: number, metric: ChoroplethMetric): number {
    const v = metric === 'organisations' ? this.agg.regionOrgs[r]! : this.agg.regionCollabs[r]!;
    return classOf(v, this.breaks);
  }

  /** Recomputes interaction flags; returns the regions whose flags changed. */
  updateFlags(selection: Selection, hover: Hover, vis: Visibility): number[] {
    const next = new Uint8Array(this.flags.length);
    const p = this.data.placement;
    const c = this.compiled;
    let focus = false;
    if (selection.kind === 'org') {
      const i = c.orgIndexById.get(selection.id);
      if (i !== undefined) {
        focus = true;
        for (let j = 0; j < c.collabCount; j++) {
          if (!vis.collabVisible[j]) continue;
          const s = c.collabSource[j]!;
          const t = c.collabTarget[j]!;
          if (s !== i && t !== i) continue;
          for (const r of this.regionsOfOrg(s === i ? t : s)) next[r]! |= REGION_HIGHLIGHTED;
        }
        for (const r of this.regionsOfOrg(i)) next[r]! |= REGION_SELECTED;
      }
    } else if (selection.kind === 'region') {
      const r = p.regionIndexOf[this.level].get(selection.code) ?? this.ancestorIndex(selection.code);
      if (r !== undefined && r >= 0) {
        focus = true;
        next[r]! |= REGION_SELECTED;
        for (const pair of pairsTouching(this.agg, r)) {
          if (this.agg.pairCount[pair]! === 0) continue;
          const other = this.agg.pairA[pair] === r ? this.agg.pairB[pair]! : this.agg.pairA[pair]!;
          next[other]! |= REGION_HIGHLIGHTED;
        }
      }
    } else if (selection.kind === 'pair') {
      for (const code of [selection.a, selection.b]) {
        const r = p.regionIndexOf[this.level].get(code);
        if (r !== undefined) {
          next[r]! |= REGION_SELECTED;
          focus = true;
        }
      }
    }
    if (hover.kind === 'org') {
      for (const r of this.regionsOfOrg(hover.index)) next[r]! |= REGION_HOVERED;
    } else if (hover.kind === 'region') {
      const r = p.regionIndexOf[this.level].get(hover.code);
      if (r !== undefined) next[r]! |= REGION_HOVERED;
    }
    if (focus) for (let r = 0; r < next.length; r++) if (next[r] === 0) next[r] = REGION_FADED;
    const changed: number[] = [];
    for (let r = 0; r < next.length; r++) {
      if (next[r] !== this.flags[r]) {
        changed.push(r);
        this.flags[r] = next[r]!;
      }
    }
    return changed;
  }

  /**
   * Regions at this level that an organisation stands for: its own region, or — when it is only
   * known at a coarser level (BioWin at BE3 on a NUTS 2 map) — every region inside that one.
   */
  regionsOfOrg(org: number): number[] {
    const own = this.data.placement.regionAt[this.level][org] ?? -1;
    if (own >= 0) return [own];
    const nuts = this.compiled.dataset.organisations[org]?.nuts ?? '';
    const region = nuts ? this.data.regions.get(nuts) : undefined;
    if (!region || region.level >= this.level) return [];
    const out: number[] = [];
    this.data.placement.regions[this.level].forEach((code, r) => {
      if (code.startsWith(region.code)) out.push(r);
    });
    return out;
  }

  /** A finer or coarser selected code mapped onto this level (BE241 → BE24 at NUTS 2). */
  private ancestorIndex(code: string): number | undefined {
    const region = this.data.regions.ancestor(code, this.level);
    return region ? this.data.placement.regionIndexOf[this.level].get(region.code) : undefined;
  }

  /** Space-separated codes of the regions carrying `flag` (e.g. REGION_SELECTED), sorted. */
  codesWithFlag(flag: number): string {
    const codes: string[] = [];
    this.flags.forEach((f, r) => {
      if (f & flag) codes.push(this.regionCode(r));
    });
    return codes.sort().join(' ');
  }

  regionCode(r: number): string {
    return this.data.placement.regions[this.level][r] ?? '';
  }

  regionName(r: number): string {
    const code = this.regionCode(r);
    return this.data.regions.get(code)?.nameLatin ?? code;
  }

  /**
   * The strongest pairs as arc specs; pairs touching a selected region are drawn strongest. `labels` names the
   * language `label` writes in: a pair's text is kept while its count and that language stay the same.
   */
  arcs(
    top: number,
    theme: 'light' | 'dark',
    label: (a: string, b: string, count: number) => string,
    labels = '',
  ): ArcSpec[] {
    if (labels !== this.labelsOf) {
      this.arcLabels.clear();
      this.labelsOf = labels;
    }
    const agg = this.agg;
    const pairs = topPairs(agg, top, 1);
    let max = 0;
    for (const p of pairs) max = Math.max(max, agg.pairCount[p]!);
    const regions = this.data.regions;
    const anyFocus = this.flags.some((f) => (f & REGION_SELECTED) !== 0);
    const out: ArcSpec[] = [];
    for (const p of pairs) {
      const a = agg.pairA[p]!;
      const b = agg.pairB[p]!;
      const ra = regions.get(this.regionCode(a));
      const rb = regions.get(this.regionCode(b));
      if (!ra || !rb) continue;
      const count = agg.pairCount[p]!;
      const touches = (this.flags[a]! & REGION_SELECTED) !== 0 || (this.flags[b]! & REGION_SELECTED) !== 0;
      out.push({
        pair: p,
        latlngs: this.arcGeometry(p, ra, rb),
        // Half the pure scale's 1–10 px: at Europe-wide zoom, wider arcs bury the regions they join.
        weight: 0.5 + arcWidth(count, max) / 2 + (touches ? 1 : 0),
        colour: arcColour(ra.country !== rb.country, theme),
        dash: arcDash(ra.country !== rb.country),
        opacity: anyFocus && !touches ? 0.12 : anyFocus ? 0.9 : 0.65,
        label: this.arcLabel(p, count, () => label(ra.nameLatin, rb.nameLatin, count)),
      });
    }
    // Focused arcs last, so they are drawn on top.
    return out.sort((x, y) => x.opacity - y.opacity);
  }

  /**
   * Whole-span region counts for the class breaks (see recount), over the same region tables as `agg`, and
   * the scratch mask they are counted from (a fresh 250 KB array per filter change fed the GC).
   */

  /** Tooltip texts by pair with the count they were made for: at 50k most top pairs keep their count in a step. */
  private readonly arcLabels = new Map<number, { count: number; text: string }>();
  private labelsOf = '';

  private arcLabel(pair: number, count: number, make: () => string): string {
    const known = this.arcLabels.get(pair);
    if (known?.count === count) return known.text;
    const text = make();
    this.arcLabels.set(pair, { count, text });
    return text;
  }

  /** Arc polylines by region pair, computed once: the top pairs barely change from one timeline step to the next. */
  private readonly arcShapes = new Map<number, ReturnType<typeof arcPoints>>();

  private arcGeometry(
    pair: number,
    a: { readonly lon: number; readonly lat: number },
    b: { readonly lon: number; readonly lat: number },
  ): ReturnType<typeof arcPoints> {
    let shape = this.arcShapes.get(pair);
    if (!shape) {
      shape = arcPoints(a.lon, a.lat, b.lon, b.lat, 0.2, 24);
      this.arcShapes.set(pair, shape);
    }
    return shape;
  }

  /** Spots (rounded positions) of placed organisations, built once; null when there are too many to draw. */
  private spots: { readonly ofOrg: Int32Array; readonly list: MarkerSpot[] } | null | undefined;

  private markerSpots(): { readonly ofOrg: Int32Array; readonly list: MarkerSpot[] } | null {
    if (this.spots !== undefined) return this.spots;
    const p = this.data.placement;
    const ofOrg = new Int32Array(p.orgCount).fill(-1);
    const byKey = new Map<string, number>();
    const list: MarkerSpot[] = [];
    for (let i = 0; i < p.orgCount; i++) {
      if (p.kind[i] === PLACED_NONE || p.regionAt[0][i]! < 0) continue;
      const lat = p.lat[i]!;
      const lon = p.lon[i]!;
      const key = `${lat.toFixed(3)},${lon.toFixed(3)}`;
      let g = byKey.get(key);
      if (g === undefined) {
        if (list.length >= MAX_MARKER_GROUPS) return (this.spots = null);
        g = list.length;
        byKey.set(key, g);
        list.push({ key, lat, lon, approximate: p.kind[i] !== PLACED_EXACT });
      }
      ofOrg[i] = g;
    }
    return (this.spots = { ofOrg, list });
  }

  /** Visible organisations grouped by shared position; empty when there would be too many groups. */
  markers(vis: Visibility, selectedOrg: number, name: (i: number) => string, theme: MapTheme = 'light'): MarkerSpec[] {
    const spots = this.markerSpots();
    if (!spots) return [];
    const members: number[][] = spots.list.map(() => []);
    for (let i = 0; i < spots.ofOrg.length; i++) {
      const g = spots.ofOrg[i]!;
      if (g >= 0 && vis.orgVisible[i]) members[g]!.push(i);
    }
    const out: MarkerSpec[] = [];
    members.forEach((orgs, g) => {
      if (orgs.length === 0) return;
      const spot = spots.list[g]!;
      out.push({
        ...spot,
        orgs,
        emphasised: orgs.includes(selectedOrg),
        theme,
        label:
          orgs.length <= 4 ? orgs.map(name).join(', ') : `${orgs.slice(0, 3).map(name).join(', ')} +${orgs.length - 3}`,
      });
    });
    return out;
  }
}

interface MarkerSpot {
  readonly key: string;
  readonly lat: number;
  readonly lon: number;
  readonly approximate: boolean;
}
