// The one application state: dataset, view settings, selection and hover, with setters that skip no-op writes.
import { createContext } from 'svelte';
import { todayDay } from '../model/dates';
import { TIMELINE_START, timelineBounds } from './timeline-bounds';
import type { TimeMode, TimeWindow } from '../timeline/temporal-index';
import { addMonths, clampWindow, slideForPlay, type StepUnit } from '../timeline/window-input';
import { encodeView } from './url-codec';
import { Visibility, type Filters } from './visibility';
import type { AtlasData } from './atlas-data';
import {
  DEFAULT_VIEW,
  NO_SELECTION,
  roundCamera,
  roundExtent,
  sameCamera,
  sameExtent,
  sameSelection,
  type ChoroplethMetric,
  type ColourBy,
  type EdgeMode,
  type GraphCamera,
  type InactiveMode,
  type Language,
  type LayoutMode,
  type MapExtent,
  type MapLevel,
  type Selection,
  type SizeBy,
  type ViewState,
} from './view-state';

/** What is hovered, mirrored between graph and map. */
export type Hover =
  | { readonly kind: 'none' }
  | { readonly kind: 'org'; readonly index: number }
  | { readonly kind: 'region'; readonly code: string };

export const NO_HOVER: Hover = { kind: 'none' };

function sameHover(a: Hover, b: Hover): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'org') return a.index === (b as typeof a).index;
  if (a.kind === 'region') return a.code === (b as typeof a).code;
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Owns everything the views share. Large data is `$state.raw` and replaced wholesale; typed-array
 * visibility lives in a plain `Visibility` object whose changes are announced by bumping `visibilityVersion`.
 */
export class AtlasState {
  data = $state.raw<AtlasData | null>(null);
  visibility: Visibility | null = null;
  /** Bumped after every visibility change; views read `visibility.changes` from their own cursor. */
  visibilityVersion = $state(0);
  visibleOrganisations = $state(0);
  visibleCollaborations = $state(0);

  bounds = $state.raw<TimeWindow>({ from: TIMELINE_START, to: todayDay() });
  window = $state.raw<TimeWindow>({ from: TIMELINE_START, to: todayDay() });
  mode = $state<TimeMode>(DEFAULT_VIEW.mode);
  includeUndated = $state(DEFAULT_VIEW.undated);
  filters = $state.raw<Filters>({ types: [], countries: [], kinds: [] });
  selection = $state.raw<Selection>(NO_SELECTION);
  hover = $state.raw<Hover>(NO_HOVER);
  colourBy = $state<ColourBy>(DEFAULT_VIEW.colourBy);
  sizeBy = $state<SizeBy>(DEFAULT_VIEW.sizeBy);
  edges = $state<EdgeMode>(DEFAULT_VIEW.edges);
  layout = $state<LayoutMode>(DEFAULT_VIEW.layout);
  level = $state<MapLevel>(DEFAULT_VIEW.level);
  metric = $state<ChoroplethMetric>(DEFAULT_VIEW.metric);
  lang = $state<Language>(DEFAULT_VIEW.lang);
  labels = $state(DEFAULT_VIEW.labels);
  inactive = $state<InactiveMode>(DEFAULT_VIEW.inactive);
  focus = $state<0 | 1 | 2>(DEFAULT_VIEW.focus);
  /** Timeline playback: not part of the link, a presentation drives it live. */
  playing = $state(false);
  playUnit = $state<StepUnit>('month');
  /** Milliseconds per play step. */
  playInterval = $state(600);
  /** Presentation mode: full screen, panels hidden, larger type. Not part of the link. */
  presenting = $state(false);
  /** A one-off request to centre the graph camera on an organisation; `seq` makes repeats distinct. */
  focusRequest = $state.raw<{ readonly index: number; readonly seq: number } | null>(null);
  /**
   * A requested graph camera / map extent (from a link or a story scene): the graph and map views apply a
   * request when its `seq` is new; `null` asks for the whole graph / the initial map extent. The views keep
   * their own viewport otherwise and report it back with `reportCamera` / `reportExtent`.
   */
  cameraRequest = $state.raw<{ readonly camera: GraphCamera | null; readonly seq: number } | null>(null);
  extentRequest = $state.raw<{ readonly extent: MapExtent | null; readonly seq: number } | null>(null);
  /** The active story scene (0-based), written to the link so that presenting resumes there. */
  storyScene = $state<number | null>(null);
  /** Camera and extent last shown, for the link and "add current view as scene"; plain fields, not runes:
   * a pan must not re-run any effect. */
  private camera: GraphCamera | null = null;
  private extent: MapExtent | null = null;
  /** Messages for the user (ignored link parts, import warnings), newest last. */
  notices = $state.raw<readonly string[]>([]);

  /** Whether the window covers the whole span (then the link omits it). */
  readonly isFullSpan = $derived(this.window.from === this.bounds.from && this.window.to === this.bounds.to);

  constructor(
    private readonly writeUrl: (hash: string) => void = () => {},
    private readonly today: number = todayDay(),
  ) {}

  /** Replaces the dataset and applies a view (from the link or defaults). */
  load(data: AtlasData, view: ViewState = DEFAULT_VIEW): void {
    const compiled = data.compiled;
    const bounds = timelineBounds(compiled, this.today);
    this.bounds = bounds;
    this.applyViewSettings(view);
    this.requestViewport(view, true);
    this.window = clampWindow({ from: view.from ?? bounds.from, to: view.to ?? bounds.to }, bounds);
    this.visibility = new Visibility(
      compiled,
      { window: this.window, mode: this.mode, includeUndated: this.includeUndated },
      this.filters,
      data.temporal,
    );
    this.data = data;
    this.announceVisibility();
  }

  private applyViewSettings(view: ViewState): void {
    this.mode = view.mode;
    this.includeUndated = view.undated;
    this.filters = { types: view.types, countries: view.countries, kinds: view.kinds };
    this.selection = view.selection;
    this.colourBy = view.colourBy;
    this.sizeBy = view.sizeBy;
    this.edges = view.edges;
    this.layout = view.layout;
    this.level = view.level;
    this.metric = view.metric;
    this.lang = view.lang;
    this.labels = view.labels;
    this.inactive = view.inactive;
    this.focus = view.focus;
  }

  /** The serialisable view of the current state. */
  toView(): ViewState {
    return {
      from: this.isFullSpan ? null : this.window.from,
      to: this.isFullSpan ? null : this.window.to,
      mode: this.mode,
      undated: this.includeUndated,
      selection: this.selection,
      types: this.filters.types,
      countries: this.filters.countries,
      kinds: this.filters.kinds,
      colourBy: this.colourBy,
      sizeBy: this.sizeBy,
      edges: this.edges,
      layout: this.layout,
      level: this.level,
      metric: this.metric,
      lang: this.lang,
      labels: this.labels,
      inactive: this.inactive,
      focus: this.focus,
      camera: this.camera,
      extent: this.extent,
    };
  }

  /** Asks the views for the view's camera and extent (when they differ from what is shown, or `always`). */
  private requestViewport(view: ViewState, always: boolean): void {
    if (always || !sameCamera(view.camera, this.camera)) {
      this.camera = view.camera;
      this.cameraRequest = { camera: view.camera, seq: (this.cameraRequest?.seq ?? 0) + 1 };
    }
    if (always || !sameExtent(view.extent, this.extent)) {
      this.extent = view.extent;
      this.extentRequest = { extent: view.extent, seq: (this.extentRequest?.seq ?? 0) + 1 };
    }
  }

  /** The graph view reports its camera after a gesture or an animation ends. */
  reportCamera(camera: GraphCamera): void {
    const c = roundCamera(camera);
    if (sameCamera(c, this.camera)) return;
    this.camera = c;
    this.persist();
  }

  /** The map view reports its extent after the user moved it. */
  reportExtent(extent: MapExtent): void {
    const e = roundExtent(extent);
    if (sameExtent(e, this.extent)) return;
    this.extent = e;
    this.persist();
  }

  setStoryScene(scene: number | null): void {
    if (scene === this.storyScene) return;
    this.storyScene = scene;
    this.persist();
  }

  /** Applies a whole view (a story scene, a pasted link) to the loaded data. */
  applyView(view: ViewState): void {
    const filtersChanged =
      !sameList(view.types, this.filters.types) ||
      !sameList(view.countries, this.filters.countries) ||
      !sameList(view.kinds, this.filters.kinds);
    const time = { mode: this.mode, undated: this.includeUndated };
    this.applyViewSettings(view);
    this.requestViewport(view, false);
    if (filtersChanged) this.visibility?.setFilters(this.filters);
    // A link's window is kept inside the timeline like a dragged one (see setWindow).
    const next = clampWindow({ from: view.from ?? this.bounds.from, to: view.to ?? this.bounds.to }, this.bounds);
    const windowChanged = next.from !== this.window.from || next.to !== this.window.to;
    if (windowChanged) this.window = next;
    if (windowChanged || time.mode !== this.mode || time.undated !== this.includeUndated) this.syncTime();
    else if (filtersChanged) this.announceVisibility();
    this.persist();
  }

  setWindow(from: number, to: number): void {
    // Clamp each bound, then order: ordering first let a window wholly outside the bounds come out reversed.
    const { from: lo, to: hi } = clampWindow({ from, to }, this.bounds);
    if (lo === this.window.from && hi === this.window.to) return;
    this.window = { from: lo, to: hi };
    this.syncTime();
    this.persist();
  }

  setMode(mode: TimeMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.syncTime();
    this.persist();
  }

  setIncludeUndated(include: boolean): void {
    if (include === this.includeUndated) return;
    this.includeUndated = include;
    this.syncTime();
    this.persist();
  }

  setFilters(filters: Filters): void {
    const f = this.filters;
    if (
      sameList(f.types, filters.types) &&
      sameList(f.countries, filters.countries) &&
      sameList(f.kinds, filters.kinds)
    )
      return;
    this.filters = { types: [...filters.types], countries: [...filters.countries], kinds: [...filters.kinds] };
    this.visibility?.setFilters(this.filters);
    this.announceVisibility();
    this.persist();
  }

  select(selection: Selection): void {
    if (sameSelection(selection, this.selection)) return;
    this.selection = selection;
    this.persist();
  }

  /** Selects an organisation and asks the graph to centre on it (search, details panel). */
  selectAndFocus(index: number): void {
    const org = this.data?.compiled.dataset.organisations[index];
    if (!org) return;
    this.select({ kind: 'org', id: org.id });
    this.focusRequest = { index, seq: (this.focusRequest?.seq ?? 0) + 1 };
  }

  /** Index of the selected organisation, or -1. */
  selectedOrgIndex(): number {
    const s = this.selection;
    if (s.kind !== 'org' || !this.data) return -1;
    return this.data.compiled.orgIndexById.get(s.id) ?? -1;
  }

  setHover(hover: Hover): void {
    if (sameHover(hover, this.hover)) return;
    this.hover = hover;
  }

  setColourBy(v: ColourBy): void {
    if (v === this.colourBy) return;
    this.colourBy = v;
    this.persist();
  }

  setSizeBy(v: SizeBy): void {
    if (v === this.sizeBy) return;
    this.sizeBy = v;
    this.persist();
  }

  setEdges(v: EdgeMode): void {
    if (v === this.edges) return;
    this.edges = v;
    this.persist();
  }

  setLayout(v: LayoutMode): void {
    if (v === this.layout) return;
    this.layout = v;
    this.persist();
  }

  setLevel(v: MapLevel): void {
    if (v === this.level) return;
    this.level = v;
    this.persist();
  }

  setMetric(v: ChoroplethMetric): void {
    if (v === this.metric) return;
    this.metric = v;
    this.persist();
  }

  setLang(v: Language): void {
    if (v === this.lang) return;
    this.lang = v;
    this.persist();
  }

  setLabels(v: number): void {
    const clamped = Math.max(0, Math.min(1, Math.round(v * 20) / 20));
    if (clamped === this.labels) return;
    this.labels = clamped;
    this.persist();
  }

  setInactive(v: InactiveMode): void {
    if (v === this.inactive) return;
    this.inactive = v;
    this.persist();
  }

  setFocus(v: 0 | 1 | 2): void {
    if (v === this.focus) return;
    this.focus = v;
    this.persist();
  }

  setPresenting(on: boolean): void {
    if (on === this.presenting) return;
    this.presenting = on;
  }

  setPlaying(playing: boolean): void {
    if (playing === this.playing) return;
    // Playing from the very end restarts at the beginning; a full-span window becomes one year wide.
    if (playing && this.window.to >= this.bounds.to) {
      const from = this.bounds.from;
      const full = this.window.from <= from;
      this.setWindow(from, full ? addMonths(from, 12) - 1 : from + (this.window.to - this.window.from));
    }
    this.playing = playing;
  }

  setPlayUnit(unit: StepUnit): void {
    if (unit === this.playUnit) return;
    this.playUnit = unit;
  }

  setPlayInterval(ms: number): void {
    const v = Math.max(100, Math.min(5000, Math.round(ms)));
    if (v === this.playInterval) return;
    this.playInterval = v;
  }

  /** One play step; stops at the end of the timeline. Returns whether the window moved. */
  stepPlay(): boolean {
    const next = slideForPlay(this.window, this.playUnit, this.bounds);
    if (!next) {
      this.playing = false;
      return false;
    }
    this.setWindow(next.from, next.to);
    return true;
  }

  addNotices(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.notices = [...this.notices, ...lines].slice(-20);
  }

  dismissNotices(): void {
    if (this.notices.length === 0) return;
    this.notices = [];
  }

  private syncTime(): void {
    this.visibility?.setTime({ window: this.window, mode: this.mode, includeUndated: this.includeUndated });
    this.announceVisibility();
    // One User Timing mark per window step: the benchmark and the browser's profiler read them.
    performance.mark('atlas:timeline-step');
  }

  private announceVisibility(): void {
    const v = this.visibility;
    if (!v) return;
    this.visibleOrganisations = v.visibleOrgs;
    this.visibleCollaborations = v.visibleCollabs;
    this.visibilityVersion++;
  }

  private persist(): void {
    this.writeUrl(encodeView(this.toView(), this.storyScene));
  }
}

export const [getAtlas, setAtlas] = createContext<AtlasState>();
