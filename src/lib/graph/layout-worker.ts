// Module Web Worker: ForceAtlas2 in chunks with progress and stop, then noverlap; pure steps exported for tests.
import { MultiUndirectedGraph } from 'graphology';
import {
  initialPositions,
  layoutSettingsFor,
  normalisePositions,
  positionsOf,
  runForceAtlas2,
  runNoverlap,
  type LayoutSettings,
} from './initial-layout';
import {
  DEFAULT_STREAM_INTERVAL_MS,
  type LayoutRequest,
  type LayoutResponse,
  type LayoutStartMessage,
} from './layout-protocol';

type LayoutGraph = MultiUndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>;

/** One run's state: a lightweight graph rebuilt from the message, and how far ForceAtlas2 has got. */
export interface LayoutJob {
  readonly id: number;
  readonly graph: LayoutGraph;
  readonly settings: LayoutSettings;
  readonly total: number;
  readonly chunk: number;
  readonly seed: string;
  readonly weighted: boolean;
  done: number;
}

/** Rebuilds the graph from the start message's typed arrays. Throws on an endpoint outside 0..nodes-1. */
export function createLayoutJob(message: LayoutStartMessage): LayoutJob {
  const n = message.nodes;
  const xy = message.positions.length >= 2 * n ? message.positions : initialPositions(n, message.seed);
  const graph: LayoutGraph = new MultiUndirectedGraph();
  for (let i = 0; i < n; i++) {
    graph.addNode(String(i), { x: xy[2 * i] ?? 0, y: xy[2 * i + 1] ?? 0, size: message.sizes?.[i] ?? 1 });
  }
  const edges = message.edges;
  for (let k = 0; k + 1 < edges.length; k += 2) {
    const a = edges[k] ?? 0;
    const b = edges[k + 1] ?? 0;
    if (a < 0 || b < 0 || a >= n || b >= n)
      throw new Error(`atlas: layout edge ${k / 2} joins ${a} and ${b}, outside 0..${n - 1}`);
    if (a !== b) graph.addEdge(String(a), String(b), { weight: message.weights?.[k / 2] ?? 1 });
  }
  const settings = layoutSettingsFor(n);
  return {
    id: message.id,
    graph,
    settings,
    total: Math.max(0, Math.floor(message.iterations)),
    chunk: Math.max(1, Math.floor(message.chunk ?? settings.chunk)),
    seed: message.seed,
    weighted: message.weights !== undefined,
    done: 0,
  };
}

/** Runs the next chunk of ForceAtlas2 iterations; returns how many ran (0 once the job is complete). */
export function stepLayoutJob(job: LayoutJob): number {
  const count = Math.min(job.chunk, job.total - job.done);
  if (count <= 0) return 0;
  runForceAtlas2(job.graph, count, job.settings.forceAtlas2, job.weighted ? 'weight' : null);
  job.done += count;
  return count;
}

/** Current positions, normalised to ±LAYOUT_EXTENT (a fresh array, safe to transfer). */
export function jobPositions(job: LayoutJob): Float32Array<ArrayBuffer> {
  return normalisePositions(positionsOf(job.graph));
}

/** Removes overlaps (seeded) and returns the final normalised positions. */
export function finishLayoutJob(job: LayoutJob, skipNoverlap = false): Float32Array<ArrayBuffer> {
  if (!skipNoverlap) runNoverlap(job.graph, job.settings.noverlapIterations, job.settings.noverlap, job.seed);
  return jobPositions(job);
}

/** Posts a reply with the buffers to transfer. */
export type PostReply = (message: LayoutResponse, transfer: ArrayBuffer[]) => void;

/**
 * The worker's message loop without `self`: handles start/stop, runs chunks through `schedule` so stop messages get
 * read between chunks, throttles streamed positions with `now`.
 */
export function createLayoutRunner(
  post: PostReply,
  schedule: (task: () => void) => void = (task) => setTimeout(task, 0),
  now: () => number = () => performance.now(),
): (message: LayoutRequest) => void {
  let current: {
    job: LayoutJob;
    start: LayoutStartMessage;
    stop: boolean;
    skipNoverlap: boolean;
    lastStream: number;
  } | null = null;

  const loop = (run: NonNullable<typeof current>): void => {
    if (run !== current) return;
    const { job, start } = run;
    try {
      if (!run.stop && stepLayoutJob(job) > 0) {
        const interval = start.streamIntervalMs ?? DEFAULT_STREAM_INTERVAL_MS;
        const t = now();
        if (start.stream && (t - run.lastStream >= interval || job.done === job.total)) {
          run.lastStream = t;
          const positions = jobPositions(job);
          post({ type: 'progress', id: job.id, done: job.done, total: job.total, positions }, [positions.buffer]);
        } else post({ type: 'progress', id: job.id, done: job.done, total: job.total }, []);
        schedule(() => loop(run));
        return;
      }
      const positions = finishLayoutJob(job, run.skipNoverlap);
      current = null;
      post({ type: 'done', id: job.id, positions, iterations: job.done, stopped: run.stop }, [positions.buffer]);
    } catch (error) {
      current = null;
      post({ type: 'error', id: job.id, message: error instanceof Error ? error.message : String(error) }, []);
    }
  };

  return (message) => {
    if (message.type === 'stop') {
      if (current && (message.id === undefined || message.id === current.job.id)) {
        current.stop = true;
        current.skipNoverlap = message.skipNoverlap ?? false;
      }
      return;
    }
    try {
      const run = {
        job: createLayoutJob(message),
        start: message,
        stop: false,
        skipNoverlap: false,
        lastStream: -Infinity,
      };
      current = run;
      schedule(() => loop(run));
    } catch (error) {
      post({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) }, []);
    }
  };
}

// Only inside a real worker: in Node (tests) the module just exports the pure steps above.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const handle = createLayoutRunner((message, transfer) => scope.postMessage(message, transfer));
  scope.onmessage = (event: MessageEvent<LayoutRequest>) => handle(event.data);
}
