// Messages between the main thread and the layout worker: typed arrays sent as transferables, never a serialised graph.

/** Starts a run; a new start supersedes any run in progress. */
export interface LayoutStartMessage {
  readonly type: 'start';
  /** Echoed in every reply so the client can drop replies from a superseded run. */
  readonly id: number;
  readonly nodes: number;
  /** Endpoints a0,b0,a1,b1,… as node indexes (merged pairs are best: parallel edges would pull twice). */
  readonly edges: Int32Array;
  /** Optional weight per edge (e.g. collaborations per pair), used by ForceAtlas2. */
  readonly weights?: Float32Array;
  /** Start positions x0,y0,…; an empty array means seeded initial positions from `seed`. */
  readonly positions: Float32Array;
  /** Node sizes, used by noverlap; 1 when absent. */
  readonly sizes?: Float32Array;
  /** ForceAtlas2 iterations. */
  readonly iterations: number;
  readonly seed: string;
  /** Iterations per chunk (between chunks the worker reads `stop`); defaults by graph size. */
  readonly chunk?: number;
  /**
   * Attach positions to progress messages, at most every `streamIntervalMs` (default 500 ms: each position update
   * costs sigma about 1 s at 50k nodes).
   */
  readonly stream?: boolean;
  readonly streamIntervalMs?: number;
}

/** Ends ForceAtlas2 after the current chunk; the run still finishes with noverlap unless `skipNoverlap`. */
export interface LayoutStopMessage {
  readonly type: 'stop';
  /** The run to stop; any run when absent. */
  readonly id?: number;
  readonly skipNoverlap?: boolean;
}

export type LayoutRequest = LayoutStartMessage | LayoutStopMessage;

export interface LayoutProgressMessage {
  readonly type: 'progress';
  readonly id: number;
  readonly done: number;
  readonly total: number;
  /** Present only when the run streams, and then throttled. */
  readonly positions?: Float32Array;
}

export interface LayoutDoneMessage {
  readonly type: 'done';
  readonly id: number;
  /** Final positions, normalised to ±LAYOUT_EXTENT; the buffer is transferred. */
  readonly positions: Float32Array;
  /** ForceAtlas2 iterations actually run. */
  readonly iterations: number;
  readonly stopped: boolean;
}

export interface LayoutErrorMessage {
  readonly type: 'error';
  readonly id: number;
  readonly message: string;
}

export type LayoutResponse = LayoutProgressMessage | LayoutDoneMessage | LayoutErrorMessage;

/** Default throttle of streamed positions, in milliseconds. */
export const DEFAULT_STREAM_INTERVAL_MS = 500;
