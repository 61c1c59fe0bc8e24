// Integrity of the built-in dataset (data/*.csv): sources cited, dates sane, endpoints and regions real, ids readable, docs counts current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBuiltinDataset, loadRegionIndex } from '../helpers/builtin';
import { firstDay, lastDay, todayDay } from '../../src/lib/model/dates';
import type { Dataset } from '../../src/lib/model/types';

/** Readable ids: lowercase words joined by `-`, parts joined by `--` (`biowin--medvia--partnership-2024`). */
const READABLE_ID = /^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)*$/;

const dataset: Dataset = loadBuiltinDataset();
const regions = loadRegionIndex();
const sourceIds = new Set(dataset.sources.map((s) => s.id));
const orgIds = new Set(dataset.organisations.map((o) => o.id));
const today = todayDay();

/** Ids that occur more than once. */
function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

/** Rows of `records` whose cited sources are missing or unknown, as `id: problem`. */
function sourceProblems(records: readonly { id: string; sources: readonly string[] }[]): string[] {
  return records.flatMap((r) => {
    if (r.sources.length === 0) return [`${r.id}: cites no source`];
    return r.sources.filter((s) => !sourceIds.has(s)).map((s) => `${r.id}: unknown source ${s}`);
  });
}

describe('built-in dataset integrity', () => {
  it('parses through the real importer without errors and is not trivially small', () => {
    expect(dataset.sources.length).toBe(5);
    expect(dataset.organisations.length).toBeGreaterThanOrEqual(60);
    expect(dataset.collaborations.length).toBeGreaterThanOrEqual(80);
  });

  it('has one source per seed article, named after its file', () => {
    for (const s of dataset.sources) {
      expect(s.file, s.id).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(s.id, s.file).toBe(`src-${s.file.slice(0, 3)}`);
      expect(s.title, s.id).not.toBe('');
      expect(['en', 'nl'], s.id).toContain(s.language);
      if (s.published) expect(s.dateBasis, `${s.id} needs a date basis`).not.toBe('');
    }
  });

  it('cites at least one existing source on every organisation and collaboration', () => {
    expect(sourceProblems(dataset.organisations)).toEqual([]);
    expect(sourceProblems(dataset.collaborations)).toEqual([]);
  });

  it('uses unique, readable ids', () => {
    const all = [
      ...dataset.sources.map((s) => s.id),
      ...dataset.organisations.map((o) => o.id),
      ...dataset.collaborations.map((c) => c.id),
    ];
    expect(duplicates(dataset.organisations.map((o) => o.id))).toEqual([]);
    expect(duplicates(dataset.collaborations.map((c) => c.id))).toEqual([]);
    expect(duplicates(all)).toEqual([]);
    expect(all.filter((id) => !READABLE_ID.test(id))).toEqual([]);
  });

  it('links only organisations that exist, and never an organisation to itself', () => {
    const bad = dataset.collaborations.filter((c) => !orgIds.has(c.source) || !orgIds.has(c.target));
    expect(bad.map((c) => c.id)).toEqual([]);
    expect(dataset.collaborations.filter((c) => c.source === c.target).map((c) => c.id)).toEqual([]);
  });

  it('starts no collaboration in the future and ends none before it starts', () => {
    const future = dataset.collaborations.filter((c) => c.start && firstDay(c.start) > today);
    const reversed = dataset.collaborations.filter((c) => c.start && c.end && lastDay(c.end) < firstDay(c.start));
    const endWithoutStart = dataset.collaborations.filter((c) => !c.start && c.end);
    expect(future.map((c) => c.id)).toEqual([]);
    expect(reversed.map((c) => c.id)).toEqual([]);
    expect(endWithoutStart.map((c) => c.id)).toEqual([]);
    const futureSources = dataset.sources.filter((s) => s.published && firstDay(s.published) > today);
    expect(futureSources.map((s) => s.id)).toEqual([]);
  });

  it('explains every approximate or undated collaboration in its note', () => {
    const unexplained = dataset.collaborations.filter((c) => (c.approximate || !c.start) && c.note.trim() === '');
    expect(unexplained.map((c) => c.id)).toEqual([]);
  });

  it('closes every one-off event: an event link has an end', () => {
    const open = dataset.collaborations.filter((c) => c.kind === 'event' && c.start && !c.end);
    expect(open.map((c) => c.id)).toEqual([]);
  });

  it('places organisations only in NUTS 2021 regions that exist, consistent with their country', () => {
    const unknown = dataset.organisations.filter((o) => o.nuts !== '' && regions.get(o.nuts) === undefined);
    expect(unknown.map((o) => `${o.id}: ${o.nuts}`)).toEqual([]);
    const mismatched = dataset.organisations.filter((o) => o.nuts !== '' && regions.get(o.nuts)?.country !== o.country);
    expect(mismatched.map((o) => `${o.id}: ${o.nuts} vs ${o.country}`)).toEqual([]);
  });

  it('gives coordinates in pairs and only together with a city', () => {
    const half = dataset.organisations.filter((o) => (o.lat === null) !== (o.lon === null));
    const cityless = dataset.organisations.filter((o) => o.lat !== null && o.city === '');
    expect(half.map((o) => o.id)).toEqual([]);
    expect(cityless.map((o) => o.id)).toEqual([]);
  });

  it('keeps docs/dataset.md count tables in step with the CSVs', () => {
    // Prettier pads table cells; compare with the padding removed.
    const docs = readFileSync(new URL('../../docs/dataset.md', import.meta.url), 'utf8').replace(/ *\| */g, '|');
    const tally = (keys: readonly string[]): Map<string, number> => {
      const m = new Map<string, number>();
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
      return m;
    };
    const tables: Record<string, Map<string, number>> = {
      type: tally(dataset.organisations.map((o) => `\`${o.type}\``)),
      kind: tally(dataset.collaborations.map((c) => `\`${c.kind}\``)),
      country: tally(dataset.organisations.map((o) => o.country || '(none)')),
      year: tally(dataset.collaborations.map((c) => (c.start ? String(c.start.year) : 'undated'))),
    };
    for (const [table, counts] of Object.entries(tables)) {
      for (const [key, n] of counts) expect(docs, `${table} ${key}`).toContain(`|${key}|${n}|`);
    }
    expect(docs).toContain(`|**organisations**|${dataset.organisations.length}|`);
    expect(docs).toContain(`|**collaborations**|${dataset.collaborations.length}|`);
  });
});
