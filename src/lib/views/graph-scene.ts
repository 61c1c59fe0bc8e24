// Per-dataset graph model for the view: the graphology graph, display state and its incremental updates (no DOM).
import type { AbstractGraph } from 'graphology-types';
import type { AtlasData } from '../state/atlas-data';
import type { Visibility } from '../state/visibility';
import type { Hover } from '../state/atlas-state.svelte';
import type { ColourBy, EdgeMode, Selection, SizeBy } from '../state/view-state';
import { ChangeLog, type LogCursor } from '../state/change-log';
import { compiledToGraph, compiledToPairGraph, DEFAULT_LAYOUT_SEED, type PairGraphResult } from '../graph/build-graph';
import { groupPairs, type PairTable } from '../graph/pairs';
import {
  emptyDisplayState,
  hoverFocus,
  makeAdjacency,
  makeEdgeReducer,
  makeNodeReducer,
  neighbourhood,
  partialGraphFor,
  type Adjacency,
  type GraphKeys,
  type Focus,
  type GraphDisplayState,
} from '../graph/reducers';
import { betweennessOf, communitiesOf } from '../graph/metrics';
import {
  communityLegend,
  kindLegend,
  orgColoursByCommunity,
  orgColoursByCountry,
  orgColoursByType,
  typeLegend,
  FADED,
  HIGHLIGHT,
  type LegendEntry,
  type Theme,
} from '../graph/palettes';
import { labelledOrgs } from '../graph/labels';
import { expandedEdges, MAX_EXPANDED, MAX_ZOOM_EXPANDED, type ExpandedEdge } from '../graph/expand';
import { ORGANISATION_TYPES } from '../model/types';
import {
  stateTexels,
  writeAllEdgeTexels,
  writeAllNodeTexels,
  writeEdgeTexel,
  writeNodeTexel,
  type EdgeIndexing,
  type StateTexels,
} from '../graph/gpu-state';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export const MIN_NODE_SIZE = 3;
export const MAX_NODE_SIZE = 16;
/** Node sizes are quantised to this many pixels (see `sizeOf`). */
export const NODE_SIZE_STEP = 1;
/** Share of the label density given to always-on labels (0.5 density → top 10 % labelled). */
export const FORCED_LABEL_SHARE = 0.2;
/** Weight of a cluster's degree when choosing always-on labels. */
export const CLUSTER_LABEL_WEIGHT = 4;
/** Above this many organisations a full reducer pass costs hundreds of ms, so hover only highlights. */
export const LARGE_GRAPH = 10_000;
/** Neighbours highlighted at most on hover in a large graph. */
export const MAX_HOVER_HIGHLIGHTS = 300;

export interface NodeLegend {
  readonly colour: readonly LegendEntry[];
  readonly edges: readonly LegendEntry[];
}

/** Builds and keeps the graph and its display state; the Svelte view feeds it state and passes refreshes to sigma. */
export class GraphScene {
  readonly adjacency: Adjacency;
  readonly pairs: PairTable;
  /** Merged mode: each pair's period for the edge shader; null in parallel mode (edges carry t0/t1). */
  readonly pairSpans: Float32Array | null;
  readonly graph: AbstractGraph;
  readonly ds: Mutable<GraphDisplayState>;
  readonly nodeReducer: ReturnType<typeof makeNodeReducer>;
  readonly edgeReducer: ReturnType<typeof makeEdgeReducer>;
  legend: NodeLegend = { colour: [], edges: [] };
  /** Merged mode: the selected organisation's collaborations, drawn one by one over the overview (see expand.ts). */
  expanded: readonly ExpandedEdge[] = [];
  private expandedOrgs: number[] = [];
  private selectedOrgs: number[] = [];
  /** Organisations in view while zoomed in (see setZoomOrgs). */
  private zoomOrgs: number[] = [];
  /** 1 for the organisations in `expandedOrgs`, built when the selection changes (not per step). */
  private expandMarks = new Uint8Array(0);
  private readonly cursor: LogCursor = ChangeLog.freshCursor();
  private orgMark: Uint8Array | undefined;
  /** The graph's key strings by index, so a step hands sigma existing strings instead of new ones. */
  get keys(): GraphKeys {
    if (!this.graphKeys) {
      const edges: string[] = [];
      const merged = this.edgeMode === 'merged';
      this.graph.forEachEdge((key, attrs) => {
        edges[merged ? (attrs.pair as number) : +key] = key;
      });
      this.graphKeys = { nodes: this.graph.nodes(), edges };
    }
    return this.graphKeys;
  }

  private graphKeys: GraphKeys | undefined;
  /** Marks of the edges a sync touched, zero between calls. */
  private edgeMarks: Uint8Array | undefined;
  /** What the node and edge shaders draw (see gpu-state.ts), kept in step with `ds`. */
  readonly nodeTexels: StateTexels;
  readonly edgeTexels: StateTexels;
  readonly edgeIndexing: EdgeIndexing;
  private synced = false;
  /** Edges (or pairs, when merged) emphasised by the last sync, to clear on the next. */
  private emphasisedEdges: number[] = [];
  private readonly maxTotalDegree: number;
  private betweenness: Float32Array | null | undefined;
  private communities: Int32Array | undefined;

  /** `prebuilt`: the merged graph, already built from these positions (e.g. in slices, `pairGraphSteps`). */
  constructor(
    readonly data: AtlasData,
    readonly edgeMode: EdgeMode,
    positions: Float32Array,
    prebuilt?: PairGraphResult,
  ) {
    const c = data.compiled;
    this.adjacency = makeAdjacency(c);
    if (edgeMode === 'merged') {
      const result = prebuilt ?? compiledToPairGraph(c, positions);
      this.graph = result.graph;
      this.pairs = result;
      this.pairSpans = result.spans;
    } else {
      this.graph = compiledToGraph(c, positions);
      this.pairs = groupPairs(c);
      this.pairSpans = null;
    }
    const ds = emptyDisplayState(c.orgCount, c.collabCount) as Mutable<GraphDisplayState>;
    ds.orgDegree = new Float32Array(c.orgCount);
    ds.nodeSize = new Float32Array(c.orgCount);
    if (edgeMode === 'merged') {
      ds.pairCount = new Int32Array(this.pairs.pairCount);
      ds.pairEmphasised = new Uint8Array(this.pairs.pairCount);
    }
    const timed = new Int32Array(edgeMode === 'merged' ? this.pairs.pairCount : c.collabCount).fill(-1);
    if (edgeMode === 'merged') {
      // Pairs of one collaboration are gated by the shader; wider pairs change width with the window, so stay here.
      for (let p = 0; p < this.pairs.pairCount; p++) {
        const from = this.pairs.pairOffsets[p]!;
        if (this.pairs.pairOffsets[p + 1]! - from === 1) timed[p] = this.pairs.pairCollabs[from]!;
      }
    } else for (let j = 0; j < c.collabCount; j++) timed[j] = this.pairs.pairIndexOfCollab[j]! >= 0 ? j : -1;
    ds.timedCollab = timed;
    ds.focusInTexels = c.orgCount > LARGE_GRAPH;
    this.ds = ds;
    this.edgeIndexing =
      edgeMode === 'merged'
        ? { source: this.pairs.pairSource, target: this.pairs.pairTarget, merged: true }
        : { source: c.collabSource, target: c.collabTarget, merged: false };
    this.nodeTexels = stateTexels(c.orgCount);
    this.edgeTexels = stateTexels(this.edgeIndexing.source.length);
    let max = 0;
    const total = new Float32Array(c.orgCount);
    for (let j = 0; j < c.collabCount; j++) {
      total[c.collabSource[j]!]!++;
      if (c.collabTarget[j] !== c.collabSource[j]) total[c.collabTarget[j]!]!++;
    }
    for (const v of total) max = Math.max(max, v);
    this.maxTotalDegree = max;
    this.totalDegree = total;
    ds.rankSize = total.map((d) => this.sizeOf(d, max));
    this.nodeReducer = makeNodeReducer(() => this.ds);
    const endpoints =
      edgeMode === 'merged'
        ? { source: this.pairs.pairSource, target: this.pairs.pairTarget }
        : { source: c.collabSource, target: c.collabTarget };
    this.edgeReducer = makeEdgeReducer(() => this.ds, endpoints, edgeMode === 'merged' ? 'pair' : 'collab');
  }

  readonly totalDegree: Float32Array;

  /** Who gets an always-on label: the most connected, with clusters weighted up — they are what presenters name. */
  get labelImportance(): Float32Array {
    if (!this.importance) {
      const clusterType = ORGANISATION_TYPES.indexOf('cluster');
      const types = this.data.compiled.orgType;
      this.importance = this.totalDegree.map((d, i) => (types[i] === clusterType ? d * CLUSTER_LABEL_WEIGHT : d));
    }
    return this.importance;
  }

  private importance: Float32Array | undefined;
  /** `sizeOf(d, maxTotalDegree)` by degree d, built on first use. */
  private sizeByDegree: Float32Array | undefined;

  /**
   * Size from degree against the dataset-wide maximum (so only changed nodes need re-rendering), in steps of
   * NODE_SIZE_STEP px: a degree moving from 5 to 6 on a graph whose hub has 2,000 changes no pixel, and then the node
   * is not refreshed at all — at 50k a monthly step touches thousands of such nodes (whole pixels halved the nodes a
   * step refreshes against half pixels: 850 → 460 median, 3,200 → 1,700 at year boundaries).
   */
  private sizeOf(value: number, max: number): number {
    if (max <= 0) return MIN_NODE_SIZE;
    const raw = (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(Math.max(0, value) / max);
    return MIN_NODE_SIZE + Math.round(raw / NODE_SIZE_STEP) * NODE_SIZE_STEP;
  }

  /**
   * Catches up with visibility changes: the display state and the texels the shaders draw from (gpu-state.ts).
   * Returns the keys whose reducer output changed (play-step emphasis, a selection's expansion switching), or null
   * on the first sync, which sigma draws whole. Filters and window steps change no reducer output: sizes, widths,
   * fades for inactivity and what is drawn at all are texels, so they cost no sigma refresh.
   *
   * `emphasise`: mark the collaborations that entered in this step (timeline playback). Off while
   * dragging or typing, where it would only double the edges each step refreshes.
   */
  sync(
    vis: Visibility,
    hideInactive: boolean,
    sizeBy: SizeBy,
    emphasise = false,
  ): { nodes: string[]; edges: string[] } | null {
    const ds = this.ds;
    const c = this.data.compiled;
    const merged = this.edgeMode === 'merged';
    // Marks instead of Sets: a step at 50k touches thousands of organisations and edges, each many times.
    const orgMark = (this.orgMark ??= new Uint8Array(c.orgCount));
    const changedOrgs: number[] = [];
    const edgeMark = (this.edgeMarks ??= new Uint8Array(this.edgeIndexing.source.length));
    const changedEdges: number[] = [];
    const emphasised = ds.emphasised;
    const hideSwitched = this.synced && ds.hideIsolated !== hideInactive;
    ds.hideIsolated = hideInactive;
    const timed = ds.timedCollab!;
    const stepped = vis.changes.takeSince(this.cursor);
    const incremental = stepped !== null;
    if (stepped) {
      // One inline loop over hoisted arrays: a step at 50k changes thousands of collaborations, and the first steps
      // in a page run before the JIT has optimised this, where a call and property loads per collaboration show.
      const visible = vis.collabVisible;
      const shown = ds.collabVisible;
      const pairOf = this.pairs.pairIndexOfCollab;
      const pairCount = merged ? ds.pairCount : undefined;
      const { collabSource, collabTarget } = c;
      for (let k = 0, n = stepped.length; k < n; k++) {
        const j = stepped[k]!;
        const on = visible[j]!;
        shown[j] = on;
        const p = pairOf[j]!;
        // Self-loops (p < 0) are not in the graph. A timed edge's texel does not depend on the window (its shader
        // tests that), so only untimed ones are rewritten: at 50k that skips ~94 % of the pairs a step touches.
        const e = pairCount ? p : j;
        if (pairCount && p >= 0) pairCount[p] = pairCount[p]! + (on ? 1 : -1);
        if (p >= 0 && timed[e]! < 0 && edgeMark[e] === 0) {
          edgeMark[e] = 1;
          changedEdges.push(e);
        }
        const s = collabSource[j]!;
        if (orgMark[s] === 0) {
          orgMark[s] = 1;
          changedOrgs.push(s);
        }
        const t = collabTarget[j]!;
        if (orgMark[t] === 0) {
          orgMark[t] = 1;
          changedOrgs.push(t);
        }
      }
    }
    const first = !this.synced;
    this.synced = true;
    // The first sync, and filters, mode changes and long bursts (they reset the log), set everything from `vis`:
    // every texel is written again below, so there is nothing to gain from diffing.
    const whole = first || !incremental;
    if (whole) {
      ds.collabVisible.set(vis.collabVisible);
      ds.collabFilterOk.set(vis.filterOk);
    }
    // Emphasis (a reducer colour) of the collaborations that entered in the last play step; last step's lose it.
    const keyEdges: number[] = [];
    for (const e of this.emphasisedEdges) {
      if (merged && ds.pairEmphasised) ds.pairEmphasised[e] = 0;
      else emphasised[e] = 0;
      keyEdges.push(e);
    }
    this.emphasisedEdges = [];
    for (let k = 0; emphasise && k < vis.lastEnteringCount; k++) {
      const j = vis.lastEntering[k]!;
      const p = this.pairs.pairIndexOfCollab[j]!;
      if (p < 0) continue;
      const e = merged ? p : j;
      if (merged && ds.pairEmphasised) ds.pairEmphasised[p] = 1;
      else emphasised[j] = 1;
      this.emphasisedEdges.push(e);
      keyEdges.push(e);
    }
    const expansionSwitched = this.expandedOrgs.length > 0 && this.updateExpansion();
    if (whole || hideSwitched) {
      this.updateOrgs(null, vis, hideInactive, sizeBy);
      writeAllNodeTexels(ds, c.orgCount, this.nodeTexels);
      // Merged pairs are recounted first (`whole`: the visible collaborations were all just replaced).
      const recount = whole && merged ? { ...this.pairs, collabVisible: ds.collabVisible } : undefined;
      writeAllEdgeTexels(ds, this.edgeIndexing, this.edgeTexels, recount);
    } else {
      // A step changes no filter, so an edge's texel changes only with its own collaborations: an end that becomes
      // isolated (hidden when hiding inactive ones) had all its edges emptied in this step too, and one that stops
      // being isolated gained the edges that changed.
      this.updateOrgs(changedOrgs, vis, hideInactive, sizeBy);
      const edgeBytes = this.edgeTexels.bytes;
      for (let k = 0; k < changedEdges.length; k++) writeEdgeTexel(ds, changedEdges[k]!, this.edgeIndexing, edgeBytes);
      if (changedOrgs.length > 0) this.nodeTexels.version++;
      if (changedEdges.length > 0) this.edgeTexels.version++;
    }
    for (const i of changedOrgs) orgMark[i] = 0;
    for (const e of changedEdges) edgeMark[e] = 0;
    if (first) return null;
    if (keyEdges.length === 0 && !expansionSwitched) return { nodes: [], edges: [] };
    // Built on first use (about 40 ms at 250k edges): a filter or a step without emphasis needs no key.
    const keys = this.keys;
    const edges = new Set(keyEdges.map((e) => keys.edges[e]!));
    if (expansionSwitched) {
      for (const e of partialGraphFor(this.adjacency, this.expandedOrgs, [], { pairs: this.pairs, keys }).edges)
        edges.add(e);
    }
    return { nodes: [], edges: [...edges] };
  }

  /**
   * Updates the display state of the organisations in `orgs` and writes their texels (a step), or of every
   * organisation when `orgs` is null, without texels (a filter: they are all written in one pass afterwards). One loop
   * over hoisted arrays: a filter runs it over 50k organisations, and the first steps in a page run it, before the
   * JIT has optimised it.
   */
  private updateOrgs(orgs: readonly number[] | null, vis: Visibility, hideInactive: boolean, sizeBy: SizeBy): void {
    const ds = this.ds;
    const { orgVisible, orgDegree, orgFaded } = ds;
    const { orgFilterOk, orgDegree: visibleDegree } = vis;
    const total = this.totalDegree;
    const sizes = sizeBy === 'degree' ? ds.nodeSize : undefined;
    const max = this.maxTotalDegree;
    // Sizes by degree looked up: a call per organisation showed in the first, unoptimised, filters.
    const sizeOf = (this.sizeByDegree ??= Float32Array.from({ length: max + 1 }, (_, d) => this.sizeOf(d, max)));
    const bytes = this.nodeTexels.bytes;
    for (let k = 0, n = orgs ? orgs.length : orgVisible.length; k < n; k++) {
      const i = orgs ? orgs[k]! : k;
      const d = visibleDegree[i]!;
      const isolated = total[i] === 0;
      orgVisible[i] = orgFilterOk[i]!;
      orgDegree[i] = isolated ? d + 1 : d;
      orgFaded[i] = !hideInactive && d === 0 && !isolated ? 1 : 0;
      if (sizes) sizes[i] = d <= max ? sizeOf[d]! : this.sizeOf(d, max);
      if (orgs) writeNodeTexel(ds, i, bytes);
    }
  }

  /**
   * Recomputes the expanded collaborations of the selection from the collaborations shown now. Returns whether the
   * selection's pair edges switched between hidden and shown (a step took a hub across MAX_EXPANDED).
   */
  private updateExpansion(): boolean {
    const c = this.data.compiled;
    const limit = this.zoomOrgs.length > 0 ? MAX_ZOOM_EXPANDED : MAX_EXPANDED;
    const edges =
      this.edgeMode === 'merged' && this.expandedOrgs.length > 0
        ? expandedEdges(
            this.adjacency,
            { source: c.collabSource, target: c.collabTarget, kind: c.collabKind },
            this.expandedOrgs,
            this.ds.collabVisible,
            limit,
          )
        : null;
    this.expanded = edges ?? [];
    const was = this.ds.expanded !== null;
    this.ds.expanded = edges ? this.expandMarks : null;
    return was !== (edges !== null);
  }

  /** Expanded organisations = selection ∪ zoomed-in view; rebuilds the marks the edge reducer reads. */
  private rebuildExpansion(): void {
    const orgs = new Set([...this.selectedOrgs, ...this.zoomOrgs]);
    this.expandedOrgs = [...orgs];
    this.expandMarks = new Uint8Array(this.data.compiled.orgCount);
    for (const i of orgs) this.expandMarks[i] = 1;
    this.updateExpansion();
  }

  /**
   * Merged overview zoomed in: the organisations in view (`orgs`, empty when zoomed out) have their collaborations
   * drawn one by one instead of their pair edges. Returns the keys to refresh, or null when nothing changed.
   */
  setZoomOrgs(orgs: readonly number[]): { nodes: string[]; edges: string[] } | null {
    if (this.edgeMode !== 'merged') return null;
    if (orgs.length === this.zoomOrgs.length && orgs.every((i, k) => this.zoomOrgs[k] === i)) return null;
    const before = this.ds.expanded;
    const wasExpanded = new Set(before ? this.expandedOrgs : []);
    this.zoomOrgs = [...orgs];
    this.rebuildExpansion();
    if (this.ds.expanded === null && this.zoomOrgs.length > 0) {
      // Too many collaborations in view: the view stays merged, but the selection keeps its own expansion.
      this.zoomOrgs = [];
      this.rebuildExpansion();
    }
    // Every pair edge of a switched organisation, drawn or not: timed ones are re-added whatever the window.
    return { nodes: [], edges: this.switchedPairEdges(wasExpanded) };
  }

  /** Node sizes for a non-window encoding (members, betweenness); degree sizes are kept by `sync`. */
  applySizes(sizeBy: SizeBy, vis: Visibility): void {
    const ds = this.ds;
    const sizes = ds.nodeSize!;
    const orgs = this.data.compiled.dataset.organisations;
    if (sizeBy === 'degree') {
      for (let i = 0; i < sizes.length; i++) sizes[i] = this.sizeOf(vis.orgDegree[i]!, this.maxTotalDegree);
      ds.rankSize = this.totalDegree.map((d) => this.sizeOf(d, this.maxTotalDegree));
      writeAllNodeTexels(ds, sizes.length, this.nodeTexels);
      return;
    }
    let values: ArrayLike<number>;
    if (sizeBy === 'members') values = orgs.map((o) => o.members ?? 0);
    else {
      if (this.betweenness === undefined) {
        const pairGraph = compiledToPairGraph(this.data.compiled).graph;
        this.betweenness = betweennessOf(pairGraph);
      }
      values = this.betweenness ?? this.totalDegree;
    }
    let max = 0;
    for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
    for (let i = 0; i < sizes.length; i++) sizes[i] = this.sizeOf(values[i]!, max);
    ds.rankSize = sizes.slice();
    writeAllNodeTexels(ds, sizes.length, this.nodeTexels);
  }

  applyColours(colourBy: ColourBy): void {
    const c = this.data.compiled;
    if (colourBy === 'type') {
      this.ds.nodeColour = orgColoursByType(c.orgType);
      this.legend = { colour: typeLegend(), edges: kindLegend() };
    } else if (colourBy === 'country') {
      const { colours, legend } = orgColoursByCountry(c.dataset.organisations.map((o) => o.country));
      this.ds.nodeColour = colours;
      this.legend = { colour: legend, edges: kindLegend() };
    } else {
      if (!this.communities) {
        const pairGraph = compiledToPairGraph(c).graph;
        this.communities = communitiesOf(pairGraph, DEFAULT_LAYOUT_SEED).community;
      }
      this.ds.nodeColour = orgColoursByCommunity(this.communities);
      let count = 0;
      for (const k of this.communities) count = Math.max(count, k + 1);
      this.legend = { colour: communityLegend(count), edges: kindLegend() };
    }
  }

  /**
   * The theme's fade and highlight colours (a faded node must recede: pale on white, dark on black). 'refresh' when
   * the reducers must run again (something is faded by focus or emphasised), 'draw' when only the shaders' fade
   * colour (a uniform) changed, 'none' when the theme's colours are those already applied.
   */
  applyTheme(theme: Theme): 'none' | 'draw' | 'refresh' {
    const ds = this.ds;
    if (ds.fadedColour === FADED[theme] && ds.highlightColour === HIGHLIGHT[theme]) return 'none';
    ds.fadedColour = FADED[theme];
    ds.highlightColour = HIGHLIGHT[theme];
    const reducers =
      (ds.focus !== null && !ds.focusInTexels) ||
      ds.emphasised.includes(1) ||
      (ds.pairEmphasised?.includes(1) ?? false);
    return reducers ? 'refresh' : 'draw';
  }

  /** Chooses the always-labelled organisations; returns those whose choice changed. */
  applyLabels(density: number): number[] {
    // Forced labels skip sigma's collision grid, so only the few most connected are forced; the
    // density setting mostly drives sigma's own (non-overlapping) label selection.
    const forced = FORCED_LABEL_SHARE * density;
    const before = this.ds.labelForced.slice();
    this.ds.labelForced = labelledOrgs(this.labelImportance, forced, this.ds.orgVisible, this.ds.labelForced);
    const changed: number[] = [];
    for (let i = 0; i < before.length; i++) if (before[i] !== this.ds.labelForced[i]) changed.push(i);
    return changed;
  }

  /** Organisations located in a region (any NUTS level; finer codes match by prefix). */
  orgsInRegion(code: string): number[] {
    const out: number[] = [];
    const orgs = this.data.compiled.dataset.organisations;
    const region = this.data.regions.get(code);
    if (!region) return out;
    const level = region.level;
    for (let i = 0; i < orgs.length; i++) {
      const nuts = orgs[i]!.nuts;
      if (nuts === '') continue;
      const own = level <= 2 ? this.data.placement.regionAt[level as 0 | 1 | 2][i] : -1;
      const idx = level <= 2 ? this.data.placement.regionIndexOf[level as 0 | 1 | 2].get(region.code) : undefined;
      if ((idx !== undefined && own === idx) || nuts.startsWith(region.code)) out.push(i);
    }
    return out;
  }

  get isLarge(): boolean {
    return this.data.compiled.orgCount > LARGE_GRAPH;
  }

  private hoverMarked: number[] = [];

  get hasHoverHighlight(): boolean {
    return this.hoverMarked.length > 0;
  }

  /**
   * Hover on a large graph: highlight the organisation and its visible neighbours without fading the rest,
   * and return only the nodes and edges whose display changed (previous and new neighbourhoods).
   */
  applyHoverHighlight(org: number, vis: Visibility): { nodes: string[]; edges: string[] } {
    const ds = this.ds;
    const before = this.hoverMarked;
    for (const i of before) ds.highlighted[i] = 0;
    const now: number[] = [];
    if (org >= 0) {
      const focus = hoverFocus(this.adjacency, org, vis.collabVisible);
      // Highlighted nodes get sigma's label box; a hub's thousands of neighbours would bury the graph in them.
      ds.highlighted[org] = 1;
      now.push(org);
      for (let i = 0; i < focus.orgs.length && now.length < MAX_HOVER_HIGHLIGHTS; i++) {
        if (focus.orgs[i] === 1 && i !== org) {
          ds.highlighted[i] = 1;
          now.push(i);
        }
      }
    }
    ds.hovered = org;
    ds.focus = null;
    this.hoverMarked = now;
    const merged = this.edgeMode === 'merged' ? this.pairs : undefined;
    const orgs = [...new Set([...before, ...now])];
    // A marked node is never faded for inactivity: its texel's flag follows the marks.
    for (const i of orgs) writeNodeTexel(ds, i, this.nodeTexels.bytes);
    this.nodeTexels.version++;
    return partialGraphFor(this.adjacency, orgs, [], { pairs: merged, keys: this.keys });
  }

  /** Space-separated ids of selected or highlighted organisations (at most `limit`), sorted. */
  highlightedIds(limit: number): string {
    const orgs = this.data.compiled.dataset.organisations;
    const ids: string[] = [];
    for (let i = 0; i < orgs.length && ids.length < limit; i++) {
      if (this.ds.highlighted[i] === 1 || this.ds.selected.has(i)) ids.push(orgs[i]!.id);
    }
    return ids.sort().join(' ');
  }

  /**
   * Sets hover, selection, highlight and focus from the shared state. Returns the keys to refresh: all of them when
   * the reducers fade by the focus; with `focusInTexels` (large graphs) only the nodes whose marks changed and the
   * pair edges of organisations whose expansion switched, as the texels carry the fade.
   */
  applyFocus(
    selection: Selection,
    hover: Hover,
    steps: 0 | 1 | 2,
    vis: Visibility,
  ): 'all' | { nodes: string[]; edges: string[] } {
    const ds = this.ds;
    const c = this.data.compiled;
    const mask = vis.collabVisible;
    const pairs = this.edgeMode === 'merged' ? this.pairs : undefined;
    const before = { highlighted: ds.highlighted, selected: ds.selected, hovered: ds.hovered };
    const wasExpanded = new Set(ds.expanded ? this.expandedOrgs : []);
    ds.highlighted = new Uint8Array(c.orgCount);
    this.hoverMarked = [];
    ds.hovered = hover.kind === 'org' ? hover.index : -1;
    const selected = new Set<number>();
    let focus: Focus | null = null;
    if (selection.kind === 'org') {
      const i = c.orgIndexById.get(selection.id);
      if (i !== undefined) {
        selected.add(i);
        focus = neighbourhood(this.adjacency, [i], steps === 2 ? 2 : 1, mask, pairs);
      }
    } else if (selection.kind === 'region' || selection.kind === 'pair') {
      const codes = selection.kind === 'region' ? [selection.code] : [selection.a, selection.b];
      const inRegions = codes.flatMap((code) => this.orgsInRegion(code));
      for (const i of inRegions) ds.highlighted[i] = 1;
      focus = neighbourhood(this.adjacency, inRegions, 1, mask, pairs);
    }
    if (hover.kind === 'org') focus = hoverFocus(this.adjacency, hover.index, mask, pairs);
    else if (hover.kind === 'region') {
      const inRegion = this.orgsInRegion(hover.code);
      for (const i of inRegion) ds.highlighted[i] = 1;
      if (inRegion.length) focus = neighbourhood(this.adjacency, inRegion, 1, mask, pairs);
    }
    ds.selected = selected;
    ds.focus = focus;
    this.selectedOrgs = [...selected];
    this.rebuildExpansion();
    // "Neighbourhood" focus hides everything beyond the selection's 1 or 2 steps instead of fading it.
    for (let i = 0; i < c.orgCount; i++) {
      const inFocus = steps === 0 || selection.kind !== 'org' || !focus || focus.orgs[i] === 1;
      ds.orgVisible[i] = vis.orgFilterOk[i]! && inFocus ? 1 : 0;
    }
    writeAllNodeTexels(ds, c.orgCount, this.nodeTexels);
    writeAllEdgeTexels(ds, this.edgeIndexing, this.edgeTexels);
    if (!ds.focusInTexels) return 'all';
    const nodes = new Set<number>([...before.selected, ...selected]);
    for (const i of [before.hovered, ds.hovered]) if (i >= 0) nodes.add(i);
    for (let i = 0; i < c.orgCount; i++) if (before.highlighted[i] !== ds.highlighted[i]) nodes.add(i);
    return { nodes: [...nodes].map((i) => this.keys.nodes[i]!), edges: this.switchedPairEdges(wasExpanded) };
  }

  /** Every pair edge of an organisation whose expansion switched since `wasExpanded`, drawn or not. */
  private switchedPairEdges(wasExpanded: ReadonlySet<number>): string[] {
    const now = new Set(this.ds.expanded ? this.expandedOrgs : []);
    const switched = [...wasExpanded].filter((i) => !now.has(i));
    for (const i of now) if (!wasExpanded.has(i)) switched.push(i);
    if (switched.length === 0) return [];
    return partialGraphFor(this.adjacency, switched, [], { pairs: this.pairs, keys: this.keys }).edges;
  }
}
