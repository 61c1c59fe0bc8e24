// Column-oriented, typed-array view of a dataset: what every hot path (time filter, aggregation, reducers) reads.
import { COLLABORATION_KINDS, ORGANISATION_TYPES, type Dataset } from './types';
import { DAY_MAX, DAY_MIN, firstDay, lastDay } from './dates';

/** Marks an undated collaboration in `collabFirst`/`collabLast`. */
export const UNDATED = DAY_MIN;
/** Marks an open-ended collaboration in `collabLast`. */
export const OPEN_END = DAY_MAX;

/** The typed columns of a compiled dataset: structured-cloneable, so the import worker can build them. */
export interface CompiledColumns {
  readonly orgCount: number;
  readonly collabCount: number;
  /** Organisation index of each collaboration's source. */
  readonly collabSource: Int32Array;
  /** Organisation index of each collaboration's target. */
  readonly collabTarget: Int32Array;
  /** First day (days since 1970-01-01) of each collaboration's start, or UNDATED. */
  readonly collabFirst: Int32Array;
  /** Last day of each collaboration's end, OPEN_END when open-ended, UNDATED when undated. */
  readonly collabLast: Int32Array;
  /** Index into COLLABORATION_KINDS. */
  readonly collabKind: Uint8Array;
  /** Index into ORGANISATION_TYPES. */
  readonly orgType: Uint8Array;
  /** Earliest first day and latest dated day over all dated collaborations (UNDATED when none). */
  readonly firstDay: number;
  readonly lastDatedDay: number;
  readonly undatedCount: number;
}

/**
 * A dataset plus dense integer indexes. Organisation `i` is `dataset.organisations[i]`,
 * collaboration `j` is `dataset.collaborations[j]`; graph keys, masks and counts use these indexes.
 */
export interface CompiledDataset extends CompiledColumns {
  readonly dataset: Dataset;
  readonly orgIndexById: ReadonlyMap<string, number>;
}

function indexById(dataset: Dataset): Map<string, number> {
  const orgIndexById = new Map<string, number>();
  dataset.organisations.forEach((o, i) => orgIndexById.set(o.id, i));
  return orgIndexById;
}

/**
 * Builds the typed-array view. Assumes a validated dataset (every endpoint exists). `columns`: built earlier from
 * this same dataset (by the import worker), so the page computes nothing here — parsing 250k dates is most of the work.
 */
export function compileDataset(dataset: Dataset, columns?: CompiledColumns): CompiledDataset {
  if (columns) {
    if (columns.orgCount !== dataset.organisations.length || columns.collabCount !== dataset.collaborations.length) {
      throw new Error('atlas: compiled columns do not match the dataset');
    }
    return withLazyIndex(columns, dataset);
  }
  const orgIndexById = indexById(dataset);
  return { ...compileColumnsWith(dataset, orgIndexById), dataset, orgIndexById };
}

/**
 * The id index is built on first use: a 50k import's views need it only for a selection, and building it (20-50 ms)
 * in the task that receives the import held that frame.
 */
function withLazyIndex(columns: CompiledColumns, dataset: Dataset): CompiledDataset {
  let index: Map<string, number> | null = null;
  return {
    ...columns,
    dataset,
    get orgIndexById() {
      return (index ??= indexById(dataset));
    },
  };
}

/** The typed columns alone (what the import worker sends along with the records). */
export function compileColumns(dataset: Dataset): CompiledColumns {
  return compileColumnsWith(dataset, indexById(dataset));
}

function compileColumnsWith(dataset: Dataset, orgIndexById: ReadonlyMap<string, number>): CompiledColumns {
  const orgs = dataset.organisations;
  const collabs = dataset.collaborations;
  const orgType = new Uint8Array(orgs.length);
  orgs.forEach((o, i) => {
    orgType[i] = ORGANISATION_TYPES.indexOf(o.type);
  });
  const n = collabs.length;
  const collabSource = new Int32Array(n);
  const collabTarget = new Int32Array(n);
  const collabFirst = new Int32Array(n);
  const collabLast = new Int32Array(n);
  const collabKind = new Uint8Array(n);
  let minDay = DAY_MAX;
  let maxDay = DAY_MIN;
  let undatedCount = 0;
  collabs.forEach((c, j) => {
    const s = orgIndexById.get(c.source);
    const t = orgIndexById.get(c.target);
    if (s === undefined || t === undefined) throw new Error(`atlas: collaboration ${c.id} has a missing endpoint`);
    collabSource[j] = s;
    collabTarget[j] = t;
    collabKind[j] = COLLABORATION_KINDS.indexOf(c.kind);
    if (c.start === null) {
      collabFirst[j] = UNDATED;
      collabLast[j] = UNDATED;
      undatedCount++;
      return;
    }
    const first = firstDay(c.start);
    const last = c.end === null ? OPEN_END : lastDay(c.end);
    collabFirst[j] = first;
    collabLast[j] = last;
    if (first < minDay) minDay = first;
    const dated = last === OPEN_END ? first : last;
    if (dated > maxDay) maxDay = dated;
  });
  return {
    orgCount: orgs.length,
    collabCount: n,
    collabSource,
    collabTarget,
    collabFirst,
    collabLast,
    collabKind,
    orgType,
    firstDay: minDay === DAY_MAX ? UNDATED : minDay,
    lastDatedDay: maxDay === DAY_MIN ? UNDATED : maxDay,
    undatedCount,
  };
}
