// Runs the ForceAtlas2 + noverlap layout in its module worker and reports progress; one run at a time.
import type { LayoutResponse, LayoutStartMessage } from '../graph/layout-protocol';

export interface LayoutRun {
  stop(): void;
  /** Resolves with final positions (or null when superseded/failed). */
  readonly done: Promise<Float32Array | null>;
}

export interface LayoutClient {
  run(
    message: LayoutStartMessage,
    onProgress: (done: number, total: number, positions?: Float32Array) => void,
  ): LayoutRun;
  destroy(): void;
}

/** Creates the worker lazily; `destroy` terminates it and is safe to call twice. */
export function createLayoutClient(): LayoutClient {
  let worker: Worker | null = null;
  let nextId = 1;
  let pending: { id: number; resolve: (p: Float32Array | null) => void; onProgress: LayoutProgress } | null = null;
  type LayoutProgress = (done: number, total: number, positions?: Float32Array) => void;

  const ensure = (): Worker => {
    if (worker) return worker;
    worker = new Worker(new URL('../graph/layout-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const msg = event.data;
      if (!pending || msg.id !== pending.id) return;
      if (msg.type === 'progress') pending.onProgress(msg.done, msg.total, msg.positions);
      else {
        const p = pending;
        pending = null;
        p.resolve(msg.type === 'done' ? msg.positions : null);
      }
    };
    return worker;
  };

  return {
    run(request, onProgress) {
      const w = ensure();
      if (pending) pending.resolve(null);
      const id = nextId++;
      const message: LayoutStartMessage = { ...request, id };
      const done = new Promise<Float32Array | null>((resolve) => {
        pending = { id, resolve, onProgress };
      });
      // Cloned (a few MB at 50k/250k), not transferred: the page's first detached buffer makes V8 discard its
      // optimised typed-array code, and a layout run mid-session would leave the next filters unoptimised.
      w.postMessage(message);
      return { stop: () => w.postMessage({ type: 'stop', id }), done };
    },
    destroy() {
      pending?.resolve(null);
      pending = null;
      worker?.terminate();
      worker = null;
    },
  };
}
