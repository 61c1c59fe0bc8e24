// Proves the incrementally kept visibility masks, degrees and counts always equal a brute-force reading of the time and filter rules.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { compileDataset, type CompiledDataset } from '../../src/lib/model/compiled';
import { formatPartialDate, makePartialDate, type PartialDate } from '../../src/lib/model/dates';
import {
  COLLABORATION_KINDS,
  ORGANISATION_TYPES,
  type Collaboration,
  type Dataset,
  type Organisation,
} from '../../src/lib/model/types';
import { ChangeLog, type LogCursor } from '../../src/lib/state/change-log';
import { NO_FILTERS, Visibility, type Filters, type TimeSettings } from '../../src/lib/state/visibility';
import type { TimeMode } from '../../src/lib/timeline/temporal-index';
import { collab, org } from '../helpers/map-dataset';

const COUNTRIES = ['BE', 'NL', 'FR', 'DE', 'PL', 'US', ''];
const MS_PER_DAY = 86_400_000;

/** First and last day of a partial date via Date.UTC, independent of dates.ts. */
function utcFirst(d: PartialDate): number {
  return Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1) / MS_PER_DAY;
}
function utcLast(d: PartialDate): number {
  if (d.day !== undefined) return utcFirst(d);
  if (d.month !== undefined) return Date.UTC(d.year, d.month, 1) / MS_PER_DAY - 1;
  return Date.UTC(d.year + 1, 0, 1) / MS_PER_DAY - 1;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function randomDate(random: () => number): PartialDate {
  const year = 2008 + Math.floor(random() * 18);
  const roll = random();
  const month = roll < 0.4 ? undefined : 1 + Math.floor(random() * 12);
  const day = roll < 0.7 || month === undefined ? undefined : 1 + Math.floor(random() * 28);
  return makePartialDate(year, month, day)!;
}

/**
 * A dataset with every case the rules name: undated and open-ended collaborations, one-day events,
 * self-loops, parallel edges and organisations without any collaboration.
 */
function randomDataset(random: () => number, orgCount: number, collabCount: number): Dataset {
  const organisations: Organisation[] = [];
  for (let i = 0; i < orgCount; i++) {
    organisations.push(
      org(`o${i}`, { type: pick(random, ORGANISATION_TYPES.slice(0, 5)), country: pick(random, COUNTRIES) }),
    );
  }
  // The last fifth of the organisations never collaborate.
  const active = Math.max(1, Math.floor(orgCount * 0.8));
  const collaborations: Collaboration[] = [];
  for (let j = 0; j < collabCount; j++) {
    const s = Math.floor(random() * active);
    const t = random() < 0.05 ? s : Math.floor(random() * active);
    const roll = random();
    const start = roll < 0.1 ? '' : formatPartialDate(randomDate(random));
    let end = start;
    if (start !== '' && roll > 0.3) {
      if (roll > 0.8) end = '';
      else {
        const e = randomDate(random);
        end = utcLast(e) >= utcFirst(makeStart(start)) ? formatPartialDate(e) : start;
      }
    }
    collaborations.push({
      ...collab(`o${s}`, `o${t}`, start, end),
      id: `c${j}`,
      kind: pick(random, COLLABORATION_KINDS.slice(0, 4)),
    });
  }
  return { name: 'random', sources: [], organisations, collaborations };
}

function makeStart(text: string): PartialDate {
  const [y, m, d] = text.split('-').map(Number);
  return makePartialDate(y!, m, d)!;
}

interface Expected {
  collabVisible: number[];
  orgVisible: number[];
  orgDegree: number[];
  visibleCollabs: number;
  visibleOrgs: number;
}

/** The documented rules (docs/data-format.md, "Time rule"; visibility.ts), applied from scratch. */
function bruteForce(dataset: Dataset, time: TimeSettings, filters: Filters): Expected {
  const { from, to } = time.window;
  const orgIndex = new Map(dataset.organisations.map((o, i) => [o.id, i]));
  const orgOk = dataset.organisations.map(
    (o) =>
      (filters.types.length === 0 || filters.types.includes(o.type)) &&
      (filters.countries.length === 0 || filters.countries.includes(o.country)),
  );
  const orgDegree = dataset.organisations.map(() => 0);
  const totalDegree = dataset.organisations.map(() => 0);
  const collabVisible = dataset.collaborations.map((c) => {
    const s = orgIndex.get(c.source)!;
    const t = orgIndex.get(c.target)!;
    totalDegree[s]!++;
    if (t !== s) totalDegree[t]!++;
    let inTime: boolean;
    if (c.start === null) inTime = time.includeUndated;
    else {
      const first = utcFirst(c.start);
      const last = c.end === null ? Infinity : utcLast(c.end);
      inTime = time.mode === 'cumulative' ? first <= to : first <= to && last >= from;
    }
    const passes = (filters.kinds.length === 0 || filters.kinds.includes(c.kind)) && orgOk[s]! && orgOk[t]!;
    const shown = inTime && passes;
    if (shown) {
      orgDegree[s]!++;
      if (t !== s) orgDegree[t]!++;
    }
    return shown ? 1 : 0;
  });
  const orgVisible = dataset.organisations.map((_, i) =>
    orgOk[i] && (orgDegree[i]! > 0 || totalDegree[i] === 0) ? 1 : 0,
  );
  return {
    collabVisible,
    orgVisible,
    orgDegree,
    visibleCollabs: collabVisible.reduce<number>((a, b) => a + b, 0),
    visibleOrgs: orgVisible.reduce<number>((a, b) => a + b, 0),
  };
}

function actual(vis: Visibility): Expected {
  return {
    collabVisible: [...vis.collabVisible],
    orgVisible: [...vis.orgVisible],
    orgDegree: [...vis.orgDegree],
    visibleCollabs: vis.visibleCollabs,
    visibleOrgs: vis.visibleOrgs,
  };
}

const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY;

function randomWindow(random: () => number): { from: number; to: number } {
  const a = day(2006, 1, 1) + Math.floor(random() * 365 * 22);
  const roll = random();
  // Mostly play-like small moves and one-day windows, sometimes the whole span.
  const length = roll < 0.1 ? 0 : roll < 0.2 ? 365 * 30 : Math.floor(random() * 365 * 3);
  return { from: a, to: a + length };
}

function randomFilters(random: () => number): Filters {
  const some = (items: readonly string[]): string[] => (random() < 0.5 ? [] : items.filter(() => random() < 0.5));
  return {
    types: some(ORGANISATION_TYPES.slice(0, 5)),
    countries: some(COUNTRIES),
    kinds: some(COLLABORATION_KINDS.slice(0, 4)),
  };
}

/** Reads a change log from a cursor; null when the reader must resynchronise fully. */
function readChanges(vis: Visibility, cursor: LogCursor): Set<number> | null {
  const since = vis.changes.takeSince(cursor);
  return since ? new Set(since) : null;
}

describe('Visibility against a brute-force recomputation', () => {
  it.each([
    // [seed, organisations, collaborations, operations]
    ['alpha', 12, 30, 300],
    ['liège', 40, 150, 300],
    ['śląskie', 80, 400, 200],
    ['württemberg', 5, 60, 300],
    ['rhône-alpes', 200, 1500, 100],
  ])('seed %s: %i organisations, %i collaborations, %i random setTime/setFilters calls', (seed, m, n, ops) => {
    const random = seedrandom(seed);
    const dataset = randomDataset(random, m, n);
    const compiled: CompiledDataset = compileDataset(dataset);
    let time: TimeSettings = { window: randomWindow(random), mode: 'active', includeUndated: true };
    let filters: Filters = NO_FILTERS;
    const vis = new Visibility(compiled, time, filters);
    expect(actual(vis)).toEqual(bruteForce(dataset, time, filters));

    // Two readers: one reads after every call, one only now and then; both must see every change.
    const eager: LogCursor = ChangeLog.freshCursor();
    const lazy: LogCursor = ChangeLog.freshCursor();
    let eagerSnapshot = [...vis.collabVisible];
    let lazySnapshot = [...vis.collabVisible];
    readChanges(vis, eager);
    readChanges(vis, lazy);
    let incrementalSteps = 0;

    for (let op = 0; op < ops; op++) {
      const roll = random();
      const before = [...vis.collabVisible];
      let stepped = false;
      if (roll < 0.08) {
        filters = randomFilters(random);
        vis.setFilters(filters);
      } else if (roll < 0.14) {
        const mode: TimeMode = time.mode === 'active' ? 'cumulative' : 'active';
        time = { ...time, mode };
        vis.setTime(time);
      } else if (roll < 0.18) {
        time = { ...time, includeUndated: !time.includeUndated };
        vis.setTime(time);
      } else {
        time = { ...time, window: randomWindow(random) };
        vis.setTime(time);
        stepped = true;
      }
      const context = `op ${op}: ${JSON.stringify({ time, filters })}`;
      expect(actual(vis), context).toEqual(bruteForce(dataset, time, filters));
      expect(vis.settings, context).toBe(time);

      if (stepped) {
        // Play emphasis: exactly the collaborations that became visible in this step.
        const entering = [...vis.lastEntering.subarray(0, vis.lastEnteringCount)].sort((a, b) => a - b);
        const expected = before.flatMap((v, j) => (v === 0 && vis.collabVisible[j] === 1 ? [j] : []));
        expect(entering, context).toEqual(expected);
      }

      const changes = readChanges(vis, eager);
      if (changes !== null) {
        incrementalSteps++;
        eagerSnapshot.forEach((v, j) => {
          if (v !== vis.collabVisible[j])
            expect(changes.has(j), `${context}: collaboration ${j} not logged`).toBe(true);
        });
      }
      eagerSnapshot = [...vis.collabVisible];

      if (op % 7 === 6) {
        const lazyChanges = readChanges(vis, lazy);
        if (lazyChanges !== null) {
          lazySnapshot.forEach((v, j) => {
            if (v !== vis.collabVisible[j])
              expect(lazyChanges.has(j), `${context}: lazy reader missed ${j}`).toBe(true);
          });
        }
        lazySnapshot = [...vis.collabVisible];
      }
    }
    // Most calls are window steps, read incrementally: the log is really exercised, not bypassed by full syncs.
    expect(incrementalSteps).toBeGreaterThan(ops / 2);
  });
});

describe('Visibility: the rules on a hand-made dataset', () => {
  // o0 (BE cluster) — o1 (NL company): 2017 partnership; o1 — o2 (FR university): 2019-03 open-ended project;
  // o0 — o2: undated; o3 (DE hospital) has no collaboration at all.
  const dataset: Dataset = {
    name: 'rules',
    sources: [],
    organisations: [
      org('o0', { type: 'cluster', country: 'BE' }),
      org('o1', { type: 'company', country: 'NL' }),
      org('o2', { type: 'university', country: 'FR' }),
      org('o3', { type: 'hospital', country: 'DE' }),
    ],
    collaborations: [
      { ...collab('o0', 'o1', '2017', '2017'), id: 'a' },
      { ...collab('o1', 'o2', '2019-03', ''), id: 'b', kind: 'project' },
      { ...collab('o0', 'o2', '', ''), id: 'c' },
    ],
  };
  const compiled = compileDataset(dataset);
  const time = (from: number, to: number, mode: TimeMode = 'active', includeUndated = false): TimeSettings => ({
    window: { from, to },
    mode,
    includeUndated,
  });

  it.each([
    // [window, mode, undated, filters, visible collaborations, visible organisations]
    [time(day(2016, 1, 1), day(2017, 6, 30)), NO_FILTERS, [1, 0, 0], [1, 1, 0, 1]], // "2017" inside a window ending June 2017
    [time(day(2018, 1, 1), day(2018, 12, 31)), NO_FILTERS, [0, 0, 0], [0, 0, 0, 1]], // o3 is never hidden by time
    [time(day(2018, 1, 1), day(2019, 3, 1)), NO_FILTERS, [0, 1, 0], [0, 1, 1, 1]],
    [time(day(2030, 1, 1), day(2030, 1, 1)), NO_FILTERS, [0, 1, 0], [0, 1, 1, 1]], // open-ended runs on
    [time(day(2030, 1, 1), day(2030, 1, 1), 'cumulative'), NO_FILTERS, [1, 1, 0], [1, 1, 1, 1]],
    [time(day(2010, 1, 1), day(2010, 1, 1), 'active', true), NO_FILTERS, [0, 0, 1], [1, 0, 1, 1]],
    // Filters: a collaboration passes only when both ends pass.
    [time(day(2016, 1, 1), day(2030, 1, 1)), { ...NO_FILTERS, countries: ['BE', 'NL'] }, [1, 0, 0], [1, 1, 0, 0]],
    [time(day(2016, 1, 1), day(2030, 1, 1)), { ...NO_FILTERS, types: ['company'] }, [0, 0, 0], [0, 0, 0, 0]],
    [time(day(2016, 1, 1), day(2030, 1, 1)), { ...NO_FILTERS, kinds: ['project'] }, [0, 1, 0], [0, 1, 1, 1]],
    [time(day(2016, 1, 1), day(2030, 1, 1)), { ...NO_FILTERS, types: ['hospital'] }, [0, 0, 0], [0, 0, 0, 1]],
  ] as [TimeSettings, Filters, number[], number[]][])('%j with %j', (settings, filters, collabs, orgs) => {
    const vis = new Visibility(compiled, settings, filters);
    expect([...vis.collabVisible]).toEqual(collabs);
    expect([...vis.orgVisible]).toEqual(orgs);
    expect(vis.visibleCollabs).toBe(collabs.filter(Boolean).length);
    expect(vis.visibleOrgs).toBe(orgs.filter(Boolean).length);
    // The same state reached by steps from elsewhere.
    const moved = new Visibility(compiled, time(day(2005, 1, 1), day(2005, 12, 31)), NO_FILTERS);
    moved.setFilters(filters);
    moved.setTime({ ...settings, window: { from: day(2005, 1, 1), to: day(2005, 12, 31) } });
    moved.setTime(settings);
    expect([...moved.collabVisible]).toEqual(collabs);
    expect([...moved.orgVisible]).toEqual(orgs);
  });
});
