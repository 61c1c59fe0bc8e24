// A filter's map recount off the main thread: the tables a worker keeps per scene, the masks sent, the counts returned.
import { countAll, type CountTables, type FullCounts } from './aggregate';
import { extendMask, type MapLinks } from './co-participation';

/** What the worker keeps per scene (sent once): the count tables over the real and derived links. */
export interface RecountTables extends CountTables, Pick<MapLinks, 'realCount' | 'viaA' | 'viaB'> {
  readonly regionCount: number;
  readonly pairTotal: number;
}

/** The visibility a recount reads, as `Visibility` holds it when the filter changed (copied by the post). */
export interface RecountMasks {
  readonly collabVisible: Uint8Array;
  readonly orgVisible: Uint8Array;
  readonly filterOk: Uint8Array;
  readonly orgFilterOk: Uint8Array;
}

/** A full count (`collabOn` is the extended mask) plus the region counts over the whole span for the class breaks. */
export interface RecountCounts extends FullCounts {
  readonly spanOrgs: Uint32Array;
  readonly spanCollabs: Uint32Array;
}

export type RecountRequest =
  | { readonly type: 'tables'; readonly scene: number; readonly tables: RecountTables }
  | { readonly type: 'count'; readonly scene: number; readonly id: number; readonly masks: RecountMasks };

export type RecountResponse =
  | { readonly type: 'counts'; readonly id: number; readonly counts: RecountCounts }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** The tables of a scene's aggregate and links, as views on the same arrays (the post copies them). */
export function recountTablesOf(
  t: CountTables & { readonly regionCount: number; readonly pairTotal: number },
  links: Pick<MapLinks, 'realCount' | 'viaA' | 'viaB'>,
): RecountTables {
  return {
    regionCount: t.regionCount,
    pairTotal: t.pairTotal,
    regionOfOrg: t.regionOfOrg,
    collabRegionA: t.collabRegionA,
    collabRegionB: t.collabRegionB,
    pairOfCollab: t.pairOfCollab,
    realCount: links.realCount,
    viaA: links.viaA,
    viaB: links.viaB,
  };
}

/** The counts `MapScene.recount` makes on the main thread, made from the tables and masks alone (fresh arrays). */
export function countRecount(t: RecountTables, m: RecountMasks): RecountCounts {
  const linkCount = t.collabRegionA.length;
  const mask = extendMask(t, m.collabVisible, new Uint8Array(linkCount));
  const spanMask = extendMask(t, m.filterOk, new Uint8Array(linkCount));
  const counts: RecountCounts = {
    regionOrgs: new Uint32Array(t.regionCount),
    regionCollabs: new Uint32Array(t.regionCount),
    pairCount: new Uint32Array(t.pairTotal),
    // The mask itself: countAll reads each entry before it writes the same one, as 0/1 (already so).
    collabOn: mask,
    orgOn: new Uint8Array(t.regionOfOrg.length),
    spanOrgs: new Uint32Array(t.regionCount),
    spanCollabs: new Uint32Array(t.regionCount),
  };
  countAll(t, mask, m.orgVisible, counts, {
    collabMask: spanMask,
    orgVisible: m.orgFilterOk,
    regionOrgs: counts.spanOrgs,
    regionCollabs: counts.spanCollabs,
  });
  return counts;
}

/**
 * The four masks copied into one buffer, which the message then clones as one block: at 50k/250k the clone of four
 * arrays cost 1-4 ms of the filter's task. Cloned, not transferred: the first buffer a page detaches invalidates a
 * V8-wide assumption ("ArrayBufferDetaching") that optimised typed-array code depends on, and --trace-deopt showed
 * every filter, texel and step pass deoptimised at the first filter, so the second filter ran them unoptimised.
 */
export function packMasks(m: RecountMasks): RecountMasks {
  const parts = [m.collabVisible, m.orgVisible, m.filterOk, m.orgFilterOk];
  const all = new Uint8Array(parts.reduce((n, a) => n + a.length, 0));
  const views: Uint8Array[] = [];
  let at = 0;
  for (const a of parts) {
    all.set(a, at);
    views.push(all.subarray(at, at + a.length));
    at += a.length;
  }
  const [collabVisible, orgVisible, filterOk, orgFilterOk] = views as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  return { collabVisible, orgVisible, filterOk, orgFilterOk };
}

/** The buffers of a reply, moved rather than copied. */
export function transferablesOfCounts(c: RecountCounts): ArrayBuffer[] {
  return [c.regionOrgs, c.regionCollabs, c.pairCount, c.collabOn, c.orgOn, c.spanOrgs, c.spanCollabs].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
