// Proves the synthetic scale dataset passes the real importer and keeps its promised shape, the same for a seed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { regionResolver } from '../../src/lib/io/builtin';
import { parseDatasetCsv } from '../../src/lib/io/dataset-csv';
import { dayNumber, firstDay, lastDay, type PartialDate } from '../../src/lib/model/dates';
import type { Dataset } from '../../src/lib/model/types';
import { COLLABORATION_COLUMNS, ORGANISATION_COLUMNS, SOURCE_COLUMNS, csvLine } from '../../scripts/synthetic/csv';
import {
  FIRST_DAY,
  HUB_REGIONS,
  SHARES,
  SOURCE_IDS,
  makeSyntheticDataset,
  type SyntheticOptions,
} from '../../scripts/synthetic/generate';
import { foldDiacritics } from '../../scripts/synthetic/names';
import { loadRegionIndex } from '../helpers/regions';

const index = loadRegionIndex();
const TODAY = dayNumber(2025, 6, 15);
const ORGS = 500;
const COLLABS = 2_500;
const base: SyntheticOptions = {
  organisations: ORGS,
  collaborations: COLLABS,
  seed: 'atlas',
  today: TODAY,
  regions: index.byLevel(2),
};

interface Texts {
  readonly sources: string;
  readonly organisations: string;
  readonly collaborations: string;
}

function generate(options: SyntheticOptions): Texts {
  const d = makeSyntheticDataset(options);
  const text = (header: readonly string[], rows: Iterable<readonly string[]>) => {
    let out = csvLine(header);
    for (const row of rows) out += csvLine(row);
    return out;
  };
  return {
    sources: text(SOURCE_COLUMNS, d.sources()),
    organisations: text(ORGANISATION_COLUMNS, d.organisations()),
    collaborations: text(COLLABORATION_COLUMNS, d.collaborations()),
  };
}

function parse(texts: Texts) {
  return parseDatasetCsv(
    {
      name: 'synthetic',
      sources: { file: 'sources.csv', text: texts.sources },
      organisations: { file: 'organisations.csv', text: texts.organisations },
      collaborations: { file: 'collaborations.csv', text: texts.collaborations },
    },
    // Strict like the built-in data: every record must cite a known source.
    { today: TODAY, regions: regionResolver(index), requireSources: true },
  );
}

const texts = generate(base);
const result = parse(texts);
const dataset: Dataset = result.ok ? result.dataset : { name: '', sources: [], organisations: [], collaborations: [] };
const share = (part: number, whole: number) => part / whole;
const samePartial = (a: PartialDate, b: PartialDate) =>
  a.precision === b.precision && a.year === b.year && a.month === b.month && a.day === b.day;

describe('through the real importer', () => {
  test('parses with zero errors; the only warnings are the intended ones', () => {
    expect(result.ok ? [] : result.errors.slice(0, 5)).toEqual([]);
    const codes = new Set(result.warnings.map((w) => w.code));
    expect([...codes].sort()).toEqual(['no-location', 'self-loop', 'undated']);
  });

  test('has the requested counts and cites only the synthetic sources', () => {
    expect(dataset.sources.map((s) => s.id)).toEqual([...SOURCE_IDS]);
    expect(dataset.organisations).toHaveLength(ORGS);
    expect(dataset.collaborations).toHaveLength(COLLABS);
    const cited = new Set([...dataset.organisations, ...dataset.collaborations].flatMap((r) => r.sources));
    expect([...cited].every((id) => (SOURCE_IDS as readonly string[]).includes(id))).toBe(true);
  });
});

describe('determinism', () => {
  test('the same seed and day give identical text', () => {
    expect(generate(base)).toEqual(texts);
  });

  test('another seed gives other organisations and collaborations', () => {
    const other = generate({ ...base, seed: 'other' });
    expect(other.organisations).not.toBe(texts.organisations);
    expect(other.collaborations).not.toBe(texts.collaborations);
  });

  test('rows do not depend on which table is read first', () => {
    const d = makeSyntheticDataset(base);
    const collabs = [...d.collaborations()].map((r) => csvLine(r)).join('');
    expect(collabs).toBe(texts.collaborations.slice(texts.collaborations.indexOf('\n') + 1));
  });
});

describe('organisations', () => {
  const orgs = dataset.organisations;

  test('use only real NUTS 2 codes, in the organisation’s own country', () => {
    const withNuts = orgs.filter((o) => o.nuts !== '');
    expect(withNuts.length).toBeGreaterThan(ORGS * 0.9);
    for (const o of withNuts) {
      expect(index.get(o.nuts)?.level, o.nuts).toBe(2);
      expect(index.get(o.nuts)?.country).toBe(o.country);
    }
    for (const code of HUB_REGIONS) expect(index.get(code)?.level, code).toBe(2);
  });

  test('region sizes are uneven and hubs are the most popular', () => {
    const perRegion = new Map<string, number>();
    for (const o of orgs) if (o.nuts !== '') perRegion.set(o.nuts, (perRegion.get(o.nuts) ?? 0) + 1);
    const top = [...perRegion.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    expect(top.filter(([code]) => (HUB_REGIONS as readonly string[]).includes(code)).length).toBeGreaterThanOrEqual(4);
    expect(top[0]![1]).toBeGreaterThan(5 * (ORGS / index.byLevel(2).length));
  });

  test('location mix: centroid-only, outside NUTS and unlocated in the promised shares', () => {
    const inNuts = orgs.filter((o) => o.nuts !== '');
    const noCoordinates = inNuts.filter((o) => o.lat === null).length;
    expect(share(noCoordinates, inNuts.length)).toBeCloseTo(SHARES.noCoordinates, 1);
    const outside = orgs.filter((o) => o.nuts === '' && o.country !== '');
    expect(outside.length).toBeGreaterThan(0);
    expect(share(outside.length, ORGS)).toBeLessThan(SHARES.outsideNuts * 2.5);
    for (const o of outside) expect(['US', 'JP', 'CN', 'IL']).toContain(o.country);
    const none = orgs.filter((o) => o.nuts === '' && o.country === '' && o.lat === null);
    expect(none.length).toBeGreaterThan(0);
    expect(share(none.length, ORGS)).toBeLessThan(SHARES.noLocation * 3);
    for (const o of orgs.filter((x) => x.lat !== null)) {
      expect(Math.abs(o.lat!)).toBeLessThanOrEqual(90);
      expect(Math.abs(o.lon!)).toBeLessThanOrEqual(180);
    }
  });

  test('companies are the largest type and every type is known', () => {
    const perType = new Map<string, number>();
    for (const o of orgs) perType.set(o.type, (perType.get(o.type) ?? 0) + 1);
    const ranked = [...perType.entries()].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]![0]).toBe('company');
    expect(share(ranked[0]![1], ORGS)).toBeGreaterThan(0.45);
    expect(perType.size).toBeGreaterThanOrEqual(10);
  });

  test('names are unique, some carry diacritics and some have aliases', () => {
    const names = orgs.map((o) => o.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(orgs.filter((o) => foldDiacritics(o.name) !== o.name).length).toBeGreaterThan(5);
    expect(orgs.filter((o) => o.aliases.length > 0).length).toBeGreaterThan(10);
  });
});

describe('collaborations', () => {
  const collabs = dataset.collaborations;
  const countryOf = new Map(dataset.organisations.map((o) => [o.id, o.country]));

  test('degrees are heavy-tailed: the largest hub has far more ties than the median organisation', () => {
    const degree = new Map<string, number>(dataset.organisations.map((o) => [o.id, 0]));
    for (const c of collabs) {
      degree.set(c.source, degree.get(c.source)! + 1);
      if (c.target !== c.source) degree.set(c.target, degree.get(c.target)! + 1);
    }
    const sorted = [...degree.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(median).toBeGreaterThan(0);
    expect(sorted[sorted.length - 1]!).toBeGreaterThan(15 * median);
  });

  test('mostly within one country, about 30% cross-border', () => {
    const known = collabs.filter((c) => countryOf.get(c.source) !== '' && countryOf.get(c.target) !== '');
    const cross = known.filter((c) => countryOf.get(c.source) !== countryOf.get(c.target)).length;
    expect(share(cross, known.length)).toBeGreaterThan(0.24);
    expect(share(cross, known.length)).toBeLessThan(0.36);
  });

  test('self-loops are rare but present; some pairs collaborate more than once', () => {
    expect(collabs.filter((c) => c.source === c.target)).toHaveLength(1);
    const pairs = new Set<string>();
    let repeats = 0;
    for (const c of collabs) {
      const key = [c.source, c.target].sort().join(' ');
      if (pairs.has(key)) repeats++;
      pairs.add(key);
    }
    expect(repeats).toBeGreaterThan(COLLABS * SHARES.parallel * 0.5);
  });

  test('dates lie between 2016 and today; closed periods end after their start and by today', () => {
    for (const c of collabs) {
      if (c.start === null) {
        expect(c.end).toBeNull();
        continue;
      }
      expect(firstDay(c.start)).toBeGreaterThanOrEqual(FIRST_DAY);
      expect(firstDay(c.start)).toBeLessThanOrEqual(TODAY);
      if (c.end === null || samePartial(c.start, c.end)) continue;
      expect(lastDay(c.end), c.id).toBeGreaterThan(lastDay(c.start));
      expect(firstDay(c.end), c.id).toBeGreaterThan(lastDay(c.start));
      expect(lastDay(c.end), c.id).toBeLessThanOrEqual(TODAY);
    }
  });

  test('undated, open-ended, one-off and precision shares are near their targets', () => {
    const dated = collabs.filter((c) => c.start !== null);
    const undated = COLLABS - dated.length;
    expect(share(undated, COLLABS)).toBeGreaterThan(SHARES.undated - 0.015);
    expect(share(undated, COLLABS)).toBeLessThan(SHARES.undated + 0.015);
    const open = dated.filter((c) => c.end === null).length;
    // A little above target: starts in today's own year or month cannot have ended yet, so they stay open.
    expect(share(open, dated.length)).toBeGreaterThan(SHARES.openEnded - 0.03);
    expect(share(open, dated.length)).toBeLessThan(SHARES.openEnded + 0.05);
    const oneOff = dated.filter((c) => c.end !== null && samePartial(c.start!, c.end)).length;
    expect(Math.abs(share(oneOff, dated.length) - SHARES.oneOff)).toBeLessThan(0.03);
    const precision = (p: string) => share(dated.filter((c) => c.start!.precision === p).length, dated.length);
    expect(Math.abs(precision('year') - 0.2)).toBeLessThan(0.04);
    expect(Math.abs(precision('month') - 0.3)).toBeLessThan(0.04);
    expect(Math.abs(precision('day') - 0.5)).toBeLessThan(0.04);
  });

  test('several kinds occur, none of them dominant', () => {
    const perKind = new Map<string, number>();
    for (const c of collabs) perKind.set(c.kind, (perKind.get(c.kind) ?? 0) + 1);
    expect(perKind.size).toBeGreaterThanOrEqual(9);
    expect(Math.max(...perKind.values())).toBeLessThan(COLLABS * 0.4);
  });
});

describe('options', () => {
  test.each([
    [{ organisations: 1, collaborations: 10 }],
    [{ organisations: -1 }],
    [{ collaborations: 2.5 }],
    [{ regions: [] }],
    [{ today: dayNumber(2015, 12, 31) }],
  ] as const)('%j is refused', (override) => {
    expect(() => makeSyntheticDataset({ ...base, ...override })).toThrow(/^synthetic:/);
  });

  test('a dataset of organisations alone has no collaborations', () => {
    const d = makeSyntheticDataset({ ...base, organisations: 3, collaborations: 0 });
    expect([...d.organisations()]).toHaveLength(3);
    expect([...d.collaborations()]).toHaveLength(0);
  });
});

describe('command line', () => {
  const out = mkdtempSync(join(tmpdir(), 'gen-synthetic-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('streams the same files the generator yields', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const stdout = execFileSync(
      join(root, 'node_modules/.bin/tsx'),
      [
        'scripts/gen-synthetic.ts',
        ...['--organisations', String(ORGS), '--collaborations', String(COLLABS)],
        ...['--out', out, '--seed', 'atlas', '--today', '2025-06-15'],
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(stdout).toContain('collaborations.csv');
    for (const name of ['sources', 'organisations', 'collaborations'] as const)
      expect(readFileSync(join(out, `${name}.csv`), 'utf8'), name).toBe(texts[name]);
  });
});
