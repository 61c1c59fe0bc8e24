// Which collaborations and organisations are visible for a time window and filters, kept up to date incrementally.
import type { CompiledDataset } from '../model/compiled';
import { COLLABORATION_KINDS, ORGANISATION_TYPES } from '../model/types';
import {
  makeTemporalIndex,
  queryWindow,
  stepWindow,
  type TemporalIndex,
  type TimeMode,
  type TimeWindow,
} from '../timeline/temporal-index';
import { ChangeLog } from './change-log';

/** Attribute filters; an empty list means "all". */
export interface Filters {
  readonly types: readonly string[];
  readonly countries: readonly string[];
  readonly kinds: readonly string[];
}

export const NO_FILTERS: Filters = { types: [], countries: [], kinds: [] };

export interface TimeSettings {
  readonly window: TimeWindow;
  readonly mode: TimeMode;
  readonly includeUndated: boolean;
}

/**
 * Owns the visibility masks. A window step goes through the temporal index's diff, so it touches
 * only collaborations that enter or leave; filters and mode changes recompute everything (rare).
 * Every collaboration whose visibility changed is appended to `changes` for the views to read.
 */
export class Visibility {
  readonly index: TemporalIndex;
  /** 1 when the collaboration is inside the time window (before filters). */
  readonly timeMask: Uint8Array;
  /** 1 when the collaboration passes the attribute filters (kind and both endpoints). */
  readonly filterOk: Uint8Array;
  readonly orgFilterOk: Uint8Array;
  /** 1 when the collaboration is shown: timeMask & filterOk. */
  readonly collabVisible: Uint8Array;
  /** 1 when the organisation is shown (see `isOrgVisible`); kept in step with the degrees. */
  readonly orgVisible: Uint8Array;
  /** Number of visible collaborations per organisation. */
  readonly orgDegree: Int32Array;
  /** Degree over the whole dataset: organisations with none are never hidden by time. */
  readonly orgTotalDegree: Int32Array;
  readonly changes: ChangeLog;
  /** Collaborations that entered in the last window step (for play emphasis); valid until the next step. */
  readonly lastEntering: Int32Array;
  lastEnteringCount = 0;
  visibleCollabs = 0;
  visibleOrgs = 0;
  private time: TimeSettings;
  private filters: Filters = NO_FILTERS;

  /** `index`: built over `compiled.collabFirst`/`collabLast` (e.g. by the import worker, `AtlasData.temporal`). */
  constructor(
    readonly compiled: CompiledDataset,
    time: TimeSettings,
    filters: Filters,
    index: TemporalIndex = makeTemporalIndex(compiled.collabFirst, compiled.collabLast),
  ) {
    const n = compiled.collabCount;
    const m = compiled.orgCount;
    if (index.first !== compiled.collabFirst || index.last !== compiled.collabLast) {
      throw new Error('atlas: a temporal index of other collaborations');
    }
    this.index = index;
    this.timeMask = new Uint8Array(n);
    this.filterOk = new Uint8Array(n);
    this.orgFilterOk = new Uint8Array(m);
    this.collabVisible = new Uint8Array(n);
    this.orgDegree = new Int32Array(m);
    this.orgVisible = new Uint8Array(m);
    this.orgTotalDegree = new Int32Array(m);
    this.lastEntering = new Int32Array(n);
    this.changes = new ChangeLog(n * 4);
    // Hoisted arrays: this loop runs once, unoptimised, over every collaboration (20-50 ms at 250k with property loads).
    const { collabSource, collabTarget } = compiled;
    const total = this.orgTotalDegree;
    for (let j = 0; j < n; j++) {
      const s = collabSource[j]!;
      const t = collabTarget[j]!;
      total[s]!++;
      if (t !== s) total[t]!++;
    }
    this.time = time;
    queryWindow(this.index, time.window, time.mode, time.includeUndated, this.timeMask);
    this.refilterAll(filters);
  }

  get settings(): TimeSettings {
    return this.time;
  }

  /** Whether organisation `i` is shown: passes filters and has a visible collaboration (or none at all). */
  isOrgVisible(i: number): boolean {
    return this.orgFilterOk[i] === 1 && (this.orgDegree[i]! > 0 || this.orgTotalDegree[i] === 0);
  }

  /** Moves the window. Same mode and undated setting → incremental; otherwise a full recompute. */
  setTime(next: TimeSettings): void {
    const prev = this.time;
    this.time = next;
    if (prev.mode !== next.mode || prev.includeUndated !== next.includeUndated) {
      queryWindow(this.index, next.window, next.mode, next.includeUndated, this.timeMask);
      this.lastEnteringCount = 0;
      this.refilterAll(this.filters);
      return;
    }
    const diff = stepWindow(this.index, prev.window, next.window, next.mode, next.includeUndated, this.timeMask);
    const { filterOk, lastEntering } = this;
    let entered = 0;
    for (let k = 0, n = diff.enteringCount, entering = diff.entering; k < n; k++) {
      const j = entering[k]!;
      if (filterOk[j] === 1) {
        this.setCollab(j, 1);
        lastEntering[entered++] = j;
      }
    }
    this.lastEnteringCount = entered;
    for (let k = 0, n = diff.leavingCount, leaving = diff.leaving; k < n; k++) {
      const j = leaving[k]!;
      if (filterOk[j] === 1) this.setCollab(j, 0);
    }
  }

  setFilters(filters: Filters): void {
    this.lastEnteringCount = 0;
    this.refilterAll(filters);
  }

  private setCollab(j: number, value: 0 | 1): void {
    if (this.collabVisible[j] === value) return;
    this.collabVisible[j] = value;
    const delta = value === 1 ? 1 : -1;
    this.visibleCollabs += delta;
    const s = this.compiled.collabSource[j]!;
    const t = this.compiled.collabTarget[j]!;
    this.bumpDegree(s, delta);
    if (t !== s) this.bumpDegree(t, delta);
    this.changes.append(j);
  }

  /**
   * Visibility of an organisation only changes when its degree crosses zero (its filter and total degree are fixed
   * within a step): `isOrgVisible` needs no second evaluation for the other degrees.
   */
  private bumpDegree(i: number, delta: number): void {
    const degree = this.orgDegree;
    const before = degree[i]!;
    const after = before + delta;
    degree[i] = after;
    if (before > 0 === after > 0 || this.orgFilterOk[i] !== 1 || this.orgTotalDegree[i] === 0) return;
    const on = after > 0 ? 1 : 0;
    this.visibleOrgs += on ? 1 : -1;
    this.orgVisible[i] = on;
  }

  /**
   * Everything from scratch, for new filters or a new time mode (the time mask is already written): the
   * organisations' filter marks, then one loop over the collaborations writing their filter marks, visibility and the
   * degrees, then the organisations' visibility; the log is reset (readers resynchronise). Hoisted typed arrays and
   * lookup tables instead of Sets, and one pass over the collaborations rather than two: the first filters in a page
   * run this before the JIT has optimised it. Each loop is a function of its own (below): in one function, V8
   * compiled each loop on the stack and deoptimised that code where the loop ended, since the statements after it had
   * no type feedback yet (`--trace-deopt`, in Node: three deopts per call).
   */
  private refilterAll(filters: Filters): void {
    this.filters = filters;
    const c = this.compiled;
    const countries = filters.countries.length === 0 ? null : new Set(filters.countries);
    markOrgFilters(lookup(ORGANISATION_TYPES, filters.types), c.orgType, countryOk(c, countries), this.orgFilterOk);
    this.visibleCollabs = filterCollabs(c, lookup(COLLABORATION_KINDS, filters.kinds), this);
    this.visibleOrgs = markVisibleOrgs(this.orgFilterOk, this.orgDegree, this.orgTotalDegree, this.orgVisible);
    this.changes.reset();
  }
}

/** 1 per organisation in one of `countries`, or null when every country is in (no country filter). */
function countryOk(c: CompiledDataset, countries: ReadonlySet<string> | null): Uint8Array | null {
  if (countries === null) return null;
  const orgs = c.dataset.organisations;
  const ok = new Uint8Array(c.orgCount);
  for (let i = 0; i < ok.length; i++) ok[i] = countries.has(orgs[i]!.country) ? 1 : 0;
  return ok;
}

function markOrgFilters(typeOk: Uint8Array, orgType: Uint8Array, country: Uint8Array | null, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = typeOk[orgType[i]!]! & (country === null ? 1 : country[i]!);
}

/**
 * Each collaboration's filter mark and visibility, and the organisations' visible degrees, in one pass; returns the
 * number of visible collaborations.
 */
function filterCollabs(
  c: CompiledDataset,
  kindOk: Uint8Array,
  v: Pick<Visibility, 'orgFilterOk' | 'filterOk' | 'timeMask' | 'collabVisible' | 'orgDegree'>,
): number {
  const { collabKind, collabSource, collabTarget } = c;
  const { orgFilterOk, filterOk, timeMask, collabVisible, orgDegree } = v;
  orgDegree.fill(0);
  let collabs = 0;
  for (let j = 0, n = c.collabCount; j < n; j++) {
    const s = collabSource[j]!;
    const t = collabTarget[j]!;
    const ok = kindOk[collabKind[j]!]! & orgFilterOk[s]! & orgFilterOk[t]!;
    filterOk[j] = ok;
    const shown = timeMask[j]! & ok;
    collabVisible[j] = shown;
    if (shown === 1) {
      collabs++;
      orgDegree[s]!++;
      if (t !== s) orgDegree[t]!++;
    }
  }
  return collabs;
}

/** `isOrgVisible` for every organisation, inlined (a call per organisation shows while unoptimised); the count. */
function markVisibleOrgs(filterOk: Uint8Array, degree: Int32Array, total: Int32Array, out: Uint8Array): number {
  let shown = 0;
  for (let i = 0; i < out.length; i++) {
    const v = filterOk[i] === 1 && (degree[i]! > 0 || total[i] === 0) ? 1 : 0;
    out[i] = v;
    shown += v;
  }
  return shown;
}

/**
 * 1 per index of `all` whose name is in `chosen`, or 1 everywhere when nothing is chosen ("all"). Indexed by the
 * compiled Uint8Array codes, so it spans all 256 of them (an unknown name's -1 is stored as 255).
 */
function lookup(all: readonly string[], chosen: readonly string[]): Uint8Array {
  const table = new Uint8Array(256);
  if (chosen.length === 0) return table.fill(1);
  for (const name of chosen) {
    const k = all.indexOf(name);
    if (k >= 0) table[k] = 1;
  }
  return table;
}
