// Proves what the import worker derives and transfers gives the page the same atlas data as deriving it there.
import { describe, expect, it } from 'vitest';
import { deriveAtlas, derivedBuffers, makeAtlasData } from '../../src/lib/state/atlas-data';
import { compileColumns, compileDataset } from '../../src/lib/model/compiled';
import { loadBuiltinDataset, loadRegionIndex } from '../helpers/builtin';
import { NO_FILTERS, Visibility } from '../../src/lib/state/visibility';

const dataset = loadBuiltinDataset();
const regions = loadRegionIndex();

describe('deriveAtlas across a worker boundary', () => {
  it('the built-in dataset has co-participation links, so the extended columns are exercised', () => {
    expect(deriveAtlas(dataset, regions).links.viaA.length).toBeGreaterThan(0);
  });

  it('structured-cloned with its buffers transferred, it builds the same atlas data as on the page', () => {
    const onPage = makeAtlasData(dataset, regions, null, null);
    const sent = deriveAtlas(dataset, regions);
    const received = structuredClone(sent, { transfer: derivedBuffers(sent) });
    const viaWorker = makeAtlasData(dataset, regions, null, null, received);
    expect(viaWorker.compiled).toEqual(onPage.compiled);
    expect(viaWorker.placement).toEqual(onPage.placement);
    expect(viaWorker.mapLinks).toEqual(onPage.mapLinks);
    // The extended dataset shares the page's records and id index, as when derived on the page.
    expect(viaWorker.mapLinks.compiled.dataset).toBe(dataset);
    expect(viaWorker.mapLinks.compiled.orgIndexById).toBe(viaWorker.compiled.orgIndexById);
    // The index still reads the compiled columns themselves: one clone keeps shared arrays shared.
    expect(viaWorker.temporal.first).toBe(viaWorker.compiled.collabFirst);
    expect(viaWorker.temporal.last).toBe(viaWorker.compiled.collabLast);
    expect(viaWorker.temporal).toEqual(onPage.temporal);
  });

  it('the visibility refuses a temporal index over other arrays than the compiled columns', () => {
    const sent = deriveAtlas(dataset, regions);
    const copied = { ...sent, temporal: { ...sent.temporal, first: sent.temporal.first.slice() } };
    const data = makeAtlasData(dataset, regions, null, null, copied);
    const time = {
      window: { from: data.compiled.firstDay, to: data.compiled.lastDatedDay },
      mode: 'active' as const,
      includeUndated: true,
    };
    expect(() => new Visibility(data.compiled, time, NO_FILTERS, data.temporal)).toThrow(/temporal index/);
    const fine = makeAtlasData(dataset, regions, null, null);
    expect(() => new Visibility(fine.compiled, time, NO_FILTERS, fine.temporal)).not.toThrow();
  });

  it('the transfer list names every typed array once, so the worker keeps no copy', () => {
    const sent = deriveAtlas(dataset, regions);
    const buffers = derivedBuffers(sent);
    expect(new Set(buffers).size).toBe(buffers.length);
    structuredClone(sent, { transfer: buffers });
    const views: ArrayBufferView[] = [];
    const walk = (value: unknown): void => {
      if (ArrayBuffer.isView(value)) views.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object' && !(value instanceof Map)) Object.values(value).forEach(walk);
    };
    walk(sent);
    expect(views.length).toBeGreaterThan(20);
    expect(views.filter((v) => v.byteLength > 0)).toEqual([]);
  });
});

describe('compileDataset with columns', () => {
  it('takes columns compiled earlier and only indexes ids', () => {
    const columns = compileColumns(dataset);
    const compiled = compileDataset(dataset, columns);
    expect(compiled.collabFirst).toBe(columns.collabFirst);
    expect(compiled).toEqual(compileDataset(dataset));
  });

  it('refuses columns of another dataset', () => {
    const other = { ...dataset, collaborations: dataset.collaborations.slice(1) };
    expect(() => compileDataset(dataset, compileColumns(other))).toThrow(/do not match/);
  });
});
