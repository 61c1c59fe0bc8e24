// Column-oriented, typed-array view of a dataset: what every hot path (time filter, aggregation, reducers) reads.
import { COLLABORATION_KINDS, ORGANISATION_TYPES, type Dataset } from './types';
import { DAY_MAX, DAY_MIN, firstDay, lastDay } from './dates';

/** Marks an undated collaboration in `collabFirst`/`collabLast`. */
export const UNDATED = DAY_MIN;
/** Marks an open-ended collaboration in `collabLast`. */
export const OPEN_END = DAY_MAX;

/**
 * A dataset plus dense integer indexes. Organisation `i` is `dataset.organisations[i]`,
 * collaboration `j` is `dataset.collaborations[j]`; graph keys, masks and counts use these indexes.
 */
export interface CompiledDataset {
  readonly dataset: Dataset;
  readonly orgCount: number;
  readonly collabCount: number;
  readonly orgIndexById: ReadonlyMap<string, number>;
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

/** Builds the typed-array view. Assumes a validated dataset (every endpoint exists). */
export function compileDataset(dataset: Dataset): CompiledDataset {
  const orgs = dataset.organisations;
  const collabs = dataset.collaborations;
  const orgIndexById = new Map<string, number>();
  const orgType = new Uint8Array(orgs.length);
  orgs.forEach((o, i) => {
    orgIndexById.set(o.id, i);
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
    dataset,
    orgCount: orgs.length,
    collabCount: n,
    orgIndexById,
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
