// Sends a large dataset's map recounts to their worker; the latest request wins, a failure is reported, not thrown.
import {
  packMasks,
  type RecountCounts,
  type RecountMasks,
  type RecountRequest,
  type RecountResponse,
  type RecountTables,
} from '../map/recount-protocol';

/** What the client needs of a worker (a fake in unit tests). */
export interface RecountPort {
  postMessage(message: RecountRequest, transfer?: Transferable[]): void;
  onmessage: ((event: { data: RecountResponse }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

export type RecountOutcome =
  | { readonly kind: 'counts'; readonly counts: RecountCounts }
  /** A later request replaced this one, or the client was destroyed: nothing to do. */
  | { readonly kind: 'superseded' }
  /** The worker could not count: the caller counts on the main thread instead. */
  | { readonly kind: 'failed'; readonly message: string };

export interface RecountClient {
  /**
   * Counts `masks` over the scene's tables; `tables` is called (and its arrays copied to the worker) only when the
   * scene is new to the worker. The masks are copied (into one buffer, moved to the worker) before this returns, so
   * the caller may change them right after.
   */
  count(scene: object, tables: () => RecountTables, masks: RecountMasks): Promise<RecountOutcome>;
  /** Sends a scene's tables ahead of its first request (after the scene is built, not in a filter's task). */
  prepare(scene: object, tables: () => RecountTables): void;
  /** Settles a pending request as superseded and stops the worker; safe to call twice. */
  destroy(): void;
}

function workerPort(): RecountPort {
  return new Worker(new URL('../map/recount-worker.ts', import.meta.url), { type: 'module' }) as unknown as RecountPort;
}

/** Creates the worker on the first request. Once it has failed, every later request fails at once. */
export function createRecountClient(makePort: () => RecountPort = workerPort): RecountClient {
  let port: RecountPort | null = null;
  let broken: string | null = null;
  let nextId = 1;
  let pending: { id: number; settle: (o: RecountOutcome) => void } | null = null;
  const sceneIds = new WeakMap<object, number>();
  let nextScene = 1;
  let sentScene = 0;

  const settle = (outcome: RecountOutcome) => {
    const p = pending;
    pending = null;
    p?.settle(outcome);
  };
  const fail = (message: string) => {
    broken = message;
    settle({ kind: 'failed', message });
  };
  const ensure = (): RecountPort => {
    if (port) return port;
    const p = makePort();
    p.onmessage = ({ data }) => {
      if (!pending || data.id !== pending.id) return;
      if (data.type === 'counts') settle({ kind: 'counts', counts: data.counts });
      else fail(data.message);
    };
    p.onerror = (event) => {
      const message = (event as { message?: unknown } | null)?.message;
      fail(typeof message === 'string' && message ? message : 'map recount worker failed');
    };
    port = p;
    return p;
  };

  /** Sends the scene's tables unless the worker has them; returns the scene's id, or null when the worker failed. */
  const sendTables = (scene: object, tables: () => RecountTables): number | null => {
    if (broken !== null) return null;
    let p: RecountPort;
    try {
      p = ensure();
    } catch (e) {
      broken = e instanceof Error ? e.message : String(e);
      return null;
    }
    let sceneId = sceneIds.get(scene);
    if (sceneId === undefined) sceneIds.set(scene, (sceneId = nextScene++));
    if (sceneId !== sentScene) {
      p.postMessage({ type: 'tables', scene: sceneId, tables: tables() });
      sentScene = sceneId;
    }
    return sceneId;
  };

  return {
    prepare(scene, tables) {
      sendTables(scene, tables);
    },
    count(scene, tables, masks) {
      settle({ kind: 'superseded' });
      const sceneId = sendTables(scene, tables);
      if (sceneId === null || port === null) return Promise.resolve({ kind: 'failed', message: broken ?? 'no worker' });
      const p = port;
      const id = nextId++;
      const done = new Promise<RecountOutcome>((resolve) => {
        pending = { id, settle: resolve };
      });
      const packed = packMasks(masks);
      // Not transferred (see packMasks): a detach here deoptimised the page's typed-array passes.
      p.postMessage({ type: 'count', scene: sceneId, id, masks: packed });
      return done;
    },
    destroy() {
      settle({ kind: 'superseded' });
      port?.terminate();
      port = null;
      sentScene = 0;
    },
  };
}
