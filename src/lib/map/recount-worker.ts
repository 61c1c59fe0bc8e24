// Module Web Worker: a large dataset's map recount after a filter change (countRecount over the scene's tables).
import {
  countRecount,
  transferablesOfCounts,
  type RecountRequest,
  type RecountResponse,
  type RecountTables,
} from './recount-protocol';

/** Only the latest scene's tables: a level or dataset change replaces the scene, and older requests are stale. */
let current: { scene: number; tables: RecountTables } | null = null;

self.onmessage = (event: MessageEvent<RecountRequest>) => {
  const msg = event.data;
  if (msg.type === 'tables') {
    current = { scene: msg.scene, tables: msg.tables };
    return;
  }
  let reply: RecountResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    if (!current || current.scene !== msg.scene) throw new Error(`no tables for map scene ${msg.scene}`);
    const counts = countRecount(current.tables, msg.masks);
    reply = { type: 'counts', id: msg.id, counts };
    transfer = transferablesOfCounts(counts);
  } catch (e) {
    reply = { type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) };
  }
  (self as unknown as Worker).postMessage(reply, transfer);
};
