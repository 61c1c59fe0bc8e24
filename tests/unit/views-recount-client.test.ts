// Proves the recount client against a fake worker port: tables once per scene, the latest request wins, failures fall back.
import { describe, expect, it } from 'vitest';
import {
  countRecount,
  type RecountRequest,
  type RecountResponse,
  type RecountTables,
} from '../../src/lib/map/recount-protocol';
import { createRecountClient, type RecountPort } from '../../src/lib/views/recount-client';

/** Two regions, three organisations, two collaborations (0–1 across regions, 1–2 inside region 1), no derived link. */
const TABLES: RecountTables = {
  regionCount: 2,
  pairTotal: 1,
  regionOfOrg: Int32Array.from([0, 1, 1]),
  collabRegionA: Int32Array.from([0, 1]),
  collabRegionB: Int32Array.from([1, -1]),
  pairOfCollab: Int32Array.from([0, -1]),
  realCount: 2,
  viaA: new Int32Array(0),
  viaB: new Int32Array(0),
};
const masks = (a: number, b: number) => ({
  collabVisible: Uint8Array.from([a, b]),
  orgVisible: Uint8Array.from([1, 1, 1]),
  filterOk: Uint8Array.from([1, 1]),
  orgFilterOk: Uint8Array.from([1, 1, 1]),
});

/** Answers like the worker, one macrotask later (or fails as told); records what it was sent. */
class FakePort implements RecountPort {
  onmessage: ((event: { data: RecountResponse }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: RecountRequest[] = [];
  readonly transfers: number[] = [];
  terminated = 0;
  tables: RecountTables | null = null;
  failWith: string | null = null;
  postMessage(message: RecountRequest, transfer: Transferable[] = []): void {
    // The real post copies or moves: later changes to the caller's arrays must not reach the count.
    const msg = structuredClone(message, { transfer });
    this.transfers.push(transfer.length);
    this.sent.push(msg);
    if (msg.type === 'tables') {
      this.tables = msg.tables;
      return;
    }
    setTimeout(() => {
      if (this.failWith !== null) return this.onerror?.({ message: this.failWith });
      this.onmessage?.({ data: { type: 'counts', id: msg.id, counts: countRecount(this.tables!, msg.masks) } });
    }, 0);
  }
  terminate(): void {
    this.terminated++;
  }
}

describe('createRecountClient', () => {
  it('sends a scene’s tables once, counts the masks as they were when posted', async () => {
    const port = new FakePort();
    let made = 0;
    const client = createRecountClient(() => (made++, port));
    const scene = {};
    const m = masks(1, 1);
    const pending = client.count(scene, () => TABLES, m);
    m.collabVisible.fill(0);
    // The caller's arrays are its own still, and nothing is transferred: the page never detaches a buffer here.
    expect(m.collabVisible.length).toBe(2);
    expect(port.transfers).toEqual([0, 0]);
    const first = await pending;
    expect(first.kind).toBe('counts');
    if (first.kind !== 'counts') return;
    expect([...first.counts.regionCollabs]).toEqual([1, 2]);
    expect([...first.counts.pairCount]).toEqual([1]);
    expect([...first.counts.collabOn]).toEqual([1, 1]);
    const second = await client.count(scene, () => TABLES, masks(0, 1));
    expect(second.kind === 'counts' && [...second.counts.regionCollabs]).toEqual([0, 1]);
    expect(port.sent.map((s) => s.type)).toEqual(['tables', 'count', 'count']);
    // A new scene (a level change) sends its own tables first.
    await client.count({}, () => TABLES, masks(1, 0));
    expect(port.sent.map((s) => s.type)).toEqual(['tables', 'count', 'count', 'tables', 'count']);
    expect(made).toBe(1);
  });

  it('settles an older request as superseded when a newer one is made; only the newer one counts', async () => {
    const client = createRecountClient(() => new FakePort());
    const scene = {};
    const older = client.count(scene, () => TABLES, masks(1, 1));
    const newer = client.count(scene, () => TABLES, masks(0, 0));
    expect(await older).toEqual({ kind: 'superseded' });
    const result = await newer;
    expect(result.kind === 'counts' && [...result.counts.regionCollabs]).toEqual([0, 0]);
  });

  it('reports a worker failure, then fails later requests at once without posting', async () => {
    const port = new FakePort();
    port.failWith = 'boom';
    const client = createRecountClient(() => port);
    expect(await client.count({}, () => TABLES, masks(1, 1))).toEqual({ kind: 'failed', message: 'boom' });
    const posted = port.sent.length;
    expect(await client.count({}, () => TABLES, masks(1, 1))).toEqual({ kind: 'failed', message: 'boom' });
    expect(port.sent.length).toBe(posted);
  });

  it('reports a worker that cannot start as failed', async () => {
    const client = createRecountClient(() => {
      throw new Error('workers blocked');
    });
    expect(await client.count({}, () => TABLES, masks(1, 1))).toEqual({ kind: 'failed', message: 'workers blocked' });
  });

  it('destroy settles the pending request, stops the worker, and can run twice; a later request starts afresh', async () => {
    const ports: FakePort[] = [];
    const client = createRecountClient(() => {
      ports.push(new FakePort());
      return ports.at(-1)!;
    });
    const scene = {};
    client.prepare(scene, () => TABLES);
    const pending = client.count(scene, () => TABLES, masks(1, 1));
    client.destroy();
    client.destroy();
    expect(await pending).toEqual({ kind: 'superseded' });
    expect(ports[0]!.terminated).toBe(1);
    expect(ports[0]!.sent.map((s) => s.type)).toEqual(['tables', 'count']);
    const again = await client.count(scene, () => TABLES, masks(1, 1));
    expect(again.kind).toBe('counts');
    expect(ports[1]!.sent.map((s) => s.type)).toEqual(['tables', 'count']);
  });
});
