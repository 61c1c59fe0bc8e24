// Proves the app state skips no-op writes (no URL write, no visibility bump), clamps windows, applies views and plays to the end.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dayNumber } from '../../src/lib/model/dates';
import { makeAtlasData, type AtlasData } from '../../src/lib/state/atlas-data';
import { AtlasState } from '../../src/lib/state/atlas-state.svelte';
import { TIMELINE_START, timelineBounds } from '../../src/lib/state/timeline-bounds';
import { decodeView, encodeView } from '../../src/lib/state/url-codec';
import { DEFAULT_VIEW } from '../../src/lib/state/view-state';
import { Visibility } from '../../src/lib/state/visibility';
import { addMonths } from '../../src/lib/timeline/window-input';
import { loadBuiltinDataset, loadRegionIndex } from '../helpers/builtin';

const TODAY = dayNumber(2025, 6, 15);
const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y!, m!, d!);
};

let data: AtlasData;
let writer: ReturnType<typeof vi.fn<(hash: string) => void>>;
let state: AtlasState;

beforeEach(() => {
  data ??= makeAtlasData(loadBuiltinDataset(), loadRegionIndex(), null, null);
  writer = vi.fn<(hash: string) => void>();
  state = new AtlasState(writer, TODAY);
  state.load(data);
});

/** Visibility recomputed from scratch for the state's current settings. */
function freshVisibility(s: AtlasState): Visibility {
  return new Visibility(data.compiled, { window: s.window, mode: s.mode, includeUndated: s.includeUndated }, s.filters);
}

describe('load', () => {
  it('spans from the earlier of 2016 and the first date to today, without writing the URL', () => {
    const bounds = timelineBounds(data.compiled, TODAY);
    expect(bounds.to).toBe(TODAY);
    expect(bounds.from).toBe(Math.min(data.compiled.firstDay, TIMELINE_START));
    expect(state.bounds).toEqual(bounds);
    expect(state.window).toEqual(bounds);
    expect(state.isFullSpan).toBe(true);
    expect(state.visibilityVersion).toBe(1);
    expect(state.visibleCollaborations).toBe(state.visibility!.visibleCollabs);
    expect(state.visibleCollaborations).toBeGreaterThan(0);
    expect(writer).not.toHaveBeenCalled();
  });
});

describe('no write when the value did not change', () => {
  // Each row calls a setter with the value the state already holds (new objects where the value is a list or object).
  const same: [string, (s: AtlasState) => void][] = [
    ['setWindow(same)', (s) => s.setWindow(s.window.from, s.window.to)],
    ['setWindow(reversed same)', (s) => s.setWindow(s.window.to, s.window.from)],
    ['setWindow(beyond both bounds, clamps to the same)', (s) => s.setWindow(s.bounds.from - 999, s.bounds.to + 999)],
    ['setMode', (s) => s.setMode(s.mode)],
    ['setIncludeUndated', (s) => s.setIncludeUndated(s.includeUndated)],
    ['setFilters(equal lists)', (s) => s.setFilters({ types: [], countries: [], kinds: [] })],
    ['select(equal selection)', (s) => s.select({ kind: 'none' })],
    ['setHover(equal hover)', (s) => s.setHover({ kind: 'none' })],
    ['setColourBy', (s) => s.setColourBy(s.colourBy)],
    ['setSizeBy', (s) => s.setSizeBy(s.sizeBy)],
    ['setEdges', (s) => s.setEdges(s.edges)],
    ['setLayout', (s) => s.setLayout(s.layout)],
    ['setLevel', (s) => s.setLevel(s.level)],
    ['setMetric', (s) => s.setMetric(s.metric)],
    ['setLang', (s) => s.setLang(s.lang)],
    ['setLabels(same)', (s) => s.setLabels(s.labels)],
    ['setLabels(rounds to same)', (s) => s.setLabels(s.labels + 0.01)],
    ['setInactive', (s) => s.setInactive(s.inactive)],
    ['setFocus', (s) => s.setFocus(s.focus)],
    ['setPlayUnit', (s) => s.setPlayUnit(s.playUnit)],
    ['setPlayInterval(rounds to same)', (s) => s.setPlayInterval(s.playInterval + 0.2)],
    ['setPlaying(false)', (s) => s.setPlaying(false)],
    ['dismissNotices(none)', (s) => s.dismissNotices()],
    ['addNotices([])', (s) => s.addNotices([])],
  ];

  it.each(same)('%s: no URL write, no visibility bump, no new objects', (_, call) => {
    const before = {
      version: state.visibilityVersion,
      window: state.window,
      filters: state.filters,
      selection: state.selection,
      hover: state.hover,
      notices: state.notices,
      mask: [...state.visibility!.collabVisible],
      epoch: state.visibility!.changes.epoch,
      view: state.toView(),
    };
    call(state);
    expect(writer).not.toHaveBeenCalled();
    expect(state.visibilityVersion).toBe(before.version);
    expect(state.window).toBe(before.window);
    expect(state.filters).toBe(before.filters);
    expect(state.selection).toBe(before.selection);
    expect(state.hover).toBe(before.hover);
    expect(state.notices).toBe(before.notices);
    expect([...state.visibility!.collabVisible]).toEqual(before.mask);
    expect(state.visibility!.changes.epoch).toBe(before.epoch);
    expect(state.toView()).toEqual(before.view);
  });

  // Each row changes a value: exactly one URL write of the new view; the visibility bumps only for time and filters.
  const changed: [string, (s: AtlasState) => void, boolean][] = [
    ['setWindow', (s) => s.setWindow(day('2018-01-01'), day('2019-12-31')), true],
    ['setMode', (s) => s.setMode('cumulative'), true],
    ['setIncludeUndated', (s) => s.setIncludeUndated(false), true],
    ['setFilters', (s) => s.setFilters({ types: ['cluster'], countries: [], kinds: [] }), true],
    ['select', (s) => s.select({ kind: 'org', id: 'biowin' }), false],
    ['setColourBy', (s) => s.setColourBy('country'), false],
    ['setSizeBy', (s) => s.setSizeBy('members'), false],
    ['setEdges', (s) => s.setEdges('merged'), false],
    ['setLayout', (s) => s.setLayout('geo'), false],
    ['setLevel', (s) => s.setLevel(1), false],
    ['setMetric', (s) => s.setMetric('collaborations'), false],
    ['setLang', (s) => s.setLang('nl'), false],
    ['setLabels', (s) => s.setLabels(0.8), false],
    ['setInactive', (s) => s.setInactive('hide'), false],
    ['setFocus', (s) => s.setFocus(2), false],
  ];

  it.each(changed)('%s with a new value writes the URL once', (_, call, bumps) => {
    const version = state.visibilityVersion;
    call(state);
    expect(writer).toHaveBeenCalledTimes(1);
    expect(writer).toHaveBeenLastCalledWith(encodeView(state.toView()));
    expect(writer.mock.calls[0]![0]).not.toBe('');
    expect(state.visibilityVersion).toBe(version + (bumps ? 1 : 0));
    // Repeating the same call is now a no-op.
    call(state);
    expect(writer).toHaveBeenCalledTimes(1);
    expect(state.visibilityVersion).toBe(version + (bumps ? 1 : 0));
  });

  it('hover, play unit and interval never write the URL', () => {
    state.setHover({ kind: 'org', index: 3 });
    state.setPlayUnit('year');
    state.setPlayInterval(1000);
    expect(writer).not.toHaveBeenCalled();
    expect(state.hover).toEqual({ kind: 'org', index: 3 });
  });

  it('visible counts follow a window change', () => {
    state.setWindow(day('2023-01-01'), day('2023-12-31'));
    const fresh = freshVisibility(state);
    expect([...state.visibility!.collabVisible]).toEqual([...fresh.collabVisible]);
    expect(state.visibleCollaborations).toBe(fresh.visibleCollabs);
    expect(state.visibleOrganisations).toBe(fresh.visibleOrgs);
  });
});

describe('setWindow: clamped to the bounds and ordered', () => {
  const b = () => state.bounds;
  it.each([
    // [description, from, to, expected from, expected to] with bounds as a function of the loaded state
    ['inside', () => day('2018-01-01'), () => day('2019-12-31'), () => day('2018-01-01'), () => day('2019-12-31')],
    ['reversed', () => day('2019-12-31'), () => day('2018-01-01'), () => day('2018-01-01'), () => day('2019-12-31')],
    ['one day', () => day('2020-02-29'), () => day('2020-02-29'), () => day('2020-02-29'), () => day('2020-02-29')],
    ['starts too early', () => b().from - 400, () => day('2019-12-31'), () => b().from, () => day('2019-12-31')],
    ['ends too late', () => day('2018-01-01'), () => b().to + 400, () => day('2018-01-01'), () => b().to],
    ['reversed and too wide', () => b().to + 1, () => b().from - 1, () => b().from, () => b().to],
    ['wholly after the end', () => b().to + 10, () => b().to + 20, () => b().to, () => b().to],
    ['wholly after the end, reversed', () => b().to + 20, () => b().to + 10, () => b().to, () => b().to],
    ['wholly before the start', () => b().from - 20, () => b().from - 10, () => b().from, () => b().from],
  ])('%s', (_, from, to, expectedFrom, expectedTo) => {
    state.setWindow(from(), to());
    expect(state.window).toEqual({ from: expectedFrom(), to: expectedTo() });
    expect(state.window.from).toBeLessThanOrEqual(state.window.to);
    expect(state.visibility!.settings.window).toEqual(state.window);
    expect([...state.visibility!.collabVisible]).toEqual([...freshVisibility(state).collabVisible]);
  });
});

describe('applyView', () => {
  it.each([
    'from=2018-03-01&to=2019-06-30&mode=cumulative&undated=0&sel=org%3Abiowin&countries=BE&colour=country&level=1&lang=fr',
    'sel=region%3ABE33&kinds=partnership%2Cevent&edges=merged&layout=geo&metric=collaborations&labels=0.25&focus=2',
    'sel=pair%3ABE24~BE33&types=cluster&inactive=hide&size=members&from=2020',
    'to=2021-12-31',
  ])('applies the decoded view of %j and writes it back', (hash) => {
    const { view, notices } = decodeView(hash);
    expect(notices).toEqual([]);
    const version = state.visibilityVersion;
    state.applyView(view);
    expect(state.window).toEqual({ from: view.from ?? state.bounds.from, to: view.to ?? state.bounds.to });
    const full = view.from === null && view.to === null;
    expect(state.isFullSpan).toBe(full);
    expect(state.toView()).toEqual(full ? view : { ...view, from: state.window.from, to: state.window.to });
    expect(writer).toHaveBeenCalledTimes(1);
    expect(writer).toHaveBeenLastCalledWith(encodeView(state.toView()));
    expect(state.visibilityVersion).toBe(version + 1);
    const fresh = freshVisibility(state);
    expect(state.visibility!.settings).toEqual({ window: state.window, mode: view.mode, includeUndated: view.undated });
    expect([...state.visibility!.collabVisible]).toEqual([...fresh.collabVisible]);
    expect([...state.visibility!.orgVisible]).toEqual([...fresh.orgVisible]);
    expect(state.visibleCollaborations).toBe(fresh.visibleCollabs);
  });

  // A link's window is kept inside the timeline exactly like setWindow keeps a dragged one.
  const outside: [string, () => number, () => number][] = [
    ['from=1990-01-01&to=2017-12-31', () => state.bounds.from, () => day('2017-12-31')],
    ['from=2018-01-01&to=2099-12-31', () => day('2018-01-01'), () => state.bounds.to],
    ['from=2090-01-01', () => state.bounds.to, () => state.bounds.to],
    ['to=1990-12-31', () => state.bounds.from, () => state.bounds.from],
  ];

  it.each(outside)('applyView(%j) clamps the window to the timeline', (hash, from, to) => {
    state.applyView(decodeView(hash).view);
    expect(state.window).toEqual({ from: from(), to: to() });
    expect([...state.visibility!.collabVisible]).toEqual([...freshVisibility(state).collabVisible]);
  });

  it.each(outside)('load(data, %j) clamps the window to the timeline', (hash, from, to) => {
    const loaded = new AtlasState(writer, TODAY);
    loaded.load(data, decodeView(hash).view);
    expect(loaded.window).toEqual({ from: from(), to: to() });
    expect(writer).not.toHaveBeenCalled();
  });

  it('applying the default view again returns to the full span', () => {
    state.setWindow(day('2018-01-01'), day('2018-12-31'));
    state.setFilters({ types: [], countries: ['NL'], kinds: [] });
    state.applyView(DEFAULT_VIEW);
    expect(state.toView()).toEqual(DEFAULT_VIEW);
    expect(state.isFullSpan).toBe(true);
    expect([...state.visibility!.collabVisible]).toEqual([...freshVisibility(state).collabVisible]);
    expect(writer).toHaveBeenLastCalledWith('');
  });

  it('only a filter change still refreshes the visibility', () => {
    const version = state.visibilityVersion;
    state.applyView({ ...DEFAULT_VIEW, countries: ['NL'] });
    expect(state.visibilityVersion).toBe(version + 1);
    expect(state.visibleCollaborations).toBe(freshVisibility(state).visibleCollabs);
    expect(state.visibleCollaborations).toBeLessThan(
      new Visibility(
        data.compiled,
        {
          window: state.window,
          mode: state.mode,
          includeUndated: state.includeUndated,
        },
        { types: [], countries: [], kinds: [] },
      ).visibleCollabs,
    );
  });
});

describe('play', () => {
  it.each(['month', 'quarter', 'year'] as const)(
    'by %s: starts a year-wide window at the beginning, steps to the end, then stops',
    (unit) => {
      state.setPlayUnit(unit);
      state.setPlaying(true);
      expect(state.playing).toBe(true);
      expect(state.window).toEqual({ from: state.bounds.from, to: addMonths(state.bounds.from, 12) - 1 });
      let steps = 0;
      let previous = state.window;
      while (state.stepPlay()) {
        steps++;
        expect(state.window.to).toBeGreaterThan(previous.to);
        expect(state.window.from).toBeGreaterThanOrEqual(previous.from);
        expect(state.window.to).toBeLessThanOrEqual(state.bounds.to);
        expect([...state.visibility!.collabVisible]).toEqual([...freshVisibility(state).collabVisible]);
        previous = state.window;
        if (steps > 1000) throw new Error('play never stopped');
      }
      expect(steps).toBeGreaterThan(0);
      expect(state.window.to).toBe(state.bounds.to);
      expect(state.playing).toBe(false);
      // Stopped stays stopped.
      expect(state.stepPlay()).toBe(false);
      expect(state.window.to).toBe(state.bounds.to);
    },
  );

  it('playing from inside the timeline keeps the window', () => {
    state.setWindow(day('2019-01-01'), day('2019-06-30'));
    state.setPlaying(true);
    expect(state.window).toEqual({ from: day('2019-01-01'), to: day('2019-06-30') });
    expect(state.stepPlay()).toBe(true);
    expect(state.window).toEqual({ from: day('2019-02-01'), to: day('2019-07-31') });
  });

  it('playing from a narrow window at the end restarts at the beginning with the same length', () => {
    const { from, to } = state.bounds;
    state.setWindow(to - 30, to);
    state.setPlaying(true);
    expect(state.window).toEqual({ from, to: from + 30 });
  });
});

describe('selectAndFocus', () => {
  it('selects the organisation and bumps focusRequest.seq on every call', () => {
    const i = data.compiled.orgIndexById.get('biowin')!;
    expect(state.focusRequest).toBeNull();
    state.selectAndFocus(i);
    expect(state.selection).toEqual({ kind: 'org', id: 'biowin' });
    expect(state.selectedOrgIndex()).toBe(i);
    expect(state.focusRequest).toEqual({ index: i, seq: 1 });
    state.selectAndFocus(i);
    expect(state.focusRequest).toEqual({ index: i, seq: 2 });
    expect(writer).toHaveBeenCalledTimes(1); // the selection itself did not change the second time
    const j = data.compiled.orgIndexById.get('medvia')!;
    state.selectAndFocus(j);
    expect(state.focusRequest).toEqual({ index: j, seq: 3 });
    expect(writer).toHaveBeenCalledTimes(2);
  });

  it.each([-1, 1e6, 0.5])('ignores index %d', (i) => {
    state.selectAndFocus(i);
    expect(state.focusRequest).toBeNull();
    expect(state.selection).toEqual({ kind: 'none' });
    expect(writer).not.toHaveBeenCalled();
  });
});

describe('camera, extent and story scene', () => {
  const camera = { x: 0.31234567, y: 0.7, ratio: 0.4 };
  const extent = { south: 49.1234567, west: 2.5, north: 52, east: 7 };

  it('a reported camera is rounded, written once, and a repeat writes nothing', () => {
    state.reportCamera(camera);
    expect(state.toView().camera).toEqual({ x: 0.3123, y: 0.7, ratio: 0.4 });
    expect(writer).toHaveBeenCalledTimes(1);
    state.reportCamera({ ...camera, x: 0.31231 });
    expect(writer).toHaveBeenCalledTimes(1);
    // sigma's reset camera is the default: it leaves the link.
    state.reportCamera({ x: 0.5, y: 0.5, ratio: 1 });
    expect(state.toView().camera).toBeNull();
    expect(writer).toHaveBeenLastCalledWith(encodeView(state.toView()));
  });

  it('a reported extent is rounded and a repeat writes nothing; no view request is made', () => {
    const before = state.extentRequest;
    state.reportExtent(extent);
    state.reportExtent(extent);
    expect(state.toView().extent).toEqual({ ...extent, south: 49.123 });
    expect(writer).toHaveBeenCalledTimes(1);
    expect(state.extentRequest).toBe(before);
  });

  it('applyView requests a camera and an extent only when they differ from what is shown', () => {
    const cam = state.cameraRequest;
    const ext = state.extentRequest;
    state.applyView({ ...DEFAULT_VIEW, camera: { x: 0.2, y: 0.3, ratio: 0.5 } });
    expect(state.cameraRequest).toEqual({ camera: { x: 0.2, y: 0.3, ratio: 0.5 }, seq: cam!.seq + 1 });
    expect(state.extentRequest).toBe(ext);
    const after = state.cameraRequest;
    state.applyView({ ...DEFAULT_VIEW, camera: { x: 0.2, y: 0.3, ratio: 0.5 } });
    expect(state.cameraRequest).toBe(after);
    // Back to the default: a request for the whole graph.
    state.applyView(DEFAULT_VIEW);
    expect(state.cameraRequest).toEqual({ camera: null, seq: after!.seq + 1 });
  });

  it('load always requests the view camera and extent (views apply them on their first frame)', () => {
    const loaded = new AtlasState(writer, TODAY);
    loaded.load(data, { ...DEFAULT_VIEW, extent });
    expect(loaded.cameraRequest?.camera).toBeNull();
    expect(loaded.extentRequest?.extent).toEqual(extent);
    expect(loaded.toView().extent).toEqual(extent);
  });

  it('the story scene goes into the link; an unchanged scene writes nothing', () => {
    state.setStoryScene(4);
    expect(writer).toHaveBeenLastCalledWith(encodeView(state.toView(), 4));
    expect(decodeView(writer.mock.lastCall![0]).scene).toBe(4);
    state.setStoryScene(4);
    expect(writer).toHaveBeenCalledTimes(1);
  });
});
