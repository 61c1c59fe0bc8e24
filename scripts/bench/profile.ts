// CPU profiles through CDP: record a callback, then summarise top self-time functions mapped back through source maps.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CDPSession } from 'playwright';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  /** Original location (through the source map) or the bundle position. */
  readonly where: string;
  /** Original function name when known, else the minified one. */
  readonly name: string;
  readonly selfMs: number;
  readonly share: number;
  /** The nearest app frame (src/) above it on the heaviest path, e.g. the effect that called into sigma. */
  readonly via: string;
}

export interface ProfileSummary {
  readonly label: string;
  readonly totalMs: number;
  readonly idleMs: number;
  readonly gcMs: number;
  readonly top: readonly HotFunction[];
  /** Self time grouped by original source file (or bundle for unmapped code). */
  readonly byFile: readonly { file: string; selfMs: number; share: number }[];
  /** Inclusive time of the app's own functions (src/): what each effect or helper costs with what it calls. */
  readonly appInclusive: readonly { name: string; where: string; ms: number; share: number }[];
}

/** Runs `body` under the V8 sampling profiler (100 µs interval) and returns the raw profile. */
export async function recordProfile(cdp: CDPSession, body: () => Promise<void>): Promise<CpuProfile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  let failure: unknown = null;
  try {
    await body();
  } catch (e) {
    failure = e;
  }
  // Stop even when the body failed, so the page is not left with a profiler attached.
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.send('Profiler.disable');
  if (failure) throw failure;
  return profile;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** One decoded segment: generated column, source index, source line, source column, name index (or -1). */
type Segment = [number, number, number, number, number];

interface SourceMap {
  readonly sources: string[];
  readonly names: string[];
  readonly sourcesContent: (string | null)[];
  readonly lines: Segment[][];
}

/** Decodes a v3 source map's VLQ mappings (no dependency: the map format is small and stable). */
export function decodeSourceMap(json: {
  sources: string[];
  names?: string[];
  mappings: string;
  sourcesContent?: (string | null)[];
}): SourceMap {
  const lines: Segment[][] = [];
  let src = 0;
  let srcLine = 0;
  let srcCol = 0;
  let name = 0;
  for (const lineText of json.mappings.split(';')) {
    const segs: Segment[] = [];
    let genCol = 0;
    if (lineText) {
      for (const segText of lineText.split(',')) {
        const values: number[] = [];
        let shift = 0;
        let acc = 0;
        for (const ch of segText) {
          const digit = B64_INDEX.get(ch) ?? 0;
          acc += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            values.push(acc & 1 ? -(acc >>> 1) : acc >>> 1);
            acc = 0;
            shift = 0;
          }
        }
        genCol += values[0] ?? 0;
        if (values.length >= 4) {
          src += values[1]!;
          srcLine += values[2]!;
          srcCol += values[3]!;
          let n = -1;
          if (values.length >= 5) {
            name += values[4]!;
            n = name;
          }
          segs.push([genCol, src, srcLine, srcCol, n]);
        }
      }
    }
    lines.push(segs);
  }
  return { sources: json.sources, names: json.names ?? [], sourcesContent: json.sourcesContent ?? [], lines };
}

function lookup(map: SourceMap, line: number, column: number): Segment | null {
  const segs = map.lines[line];
  if (!segs || segs.length === 0) return null;
  let lo = 0;
  let hi = segs.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]![0] <= column) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best >= 0 ? segs[best]! : null;
}

/** Loads `<bundle>.map` from `assetsDir` for a profile URL, caching misses too. */
function mapLoader(assetsDir: string): (url: string) => SourceMap | null {
  const cache = new Map<string, SourceMap | null>();
  return (url) => {
    const file = basename(url.split('?')[0] ?? '');
    if (!file.endsWith('.js')) return null;
    if (!cache.has(file)) {
      const path = join(assetsDir, `${file}.map`);
      cache.set(file, existsSync(path) ? decodeSourceMap(JSON.parse(readFileSync(path, 'utf8'))) : null);
    }
    return cache.get(file) ?? null;
  };
}

function shortSource(source: string): string {
  const s = source.replace(/^(\.\.\/)+/, '');
  const nm = s.lastIndexOf('node_modules/');
  return nm >= 0 ? s.slice(nm + 'node_modules/'.length) : s;
}

/** A readable name for a frame: the mapped identifier, else the first words of the original source line. */
function describe(frame: CallFrame, maps: (url: string) => SourceMap | null): { where: string; name: string } {
  const minified = frame.functionName || '(anonymous)';
  if (!frame.url) return { where: '(native)', name: minified };
  const map = maps(frame.url);
  const seg = map ? lookup(map, frame.lineNumber, frame.columnNumber) : null;
  if (!map || !seg) return { where: `${basename(frame.url)}:${frame.lineNumber + 1}`, name: minified };
  const source = shortSource(map.sources[seg[1]] ?? '?');
  const where = `${source}:${seg[2] + 1}`;
  const mappedName = seg[4] >= 0 ? map.names[seg[4]] : undefined;
  if (mappedName && mappedName.length > 2) return { where, name: mappedName };
  const text = map.sourcesContent[seg[1]]?.split('\n')[seg[2]]?.trim() ?? '';
  return { where, name: text ? text.slice(0, 60) : minified };
}

/** Name of the in-page busy loop that brackets a stretch of a profile (in-page.ts `profileMark`). */
export const PROFILE_MARK = 'benchProfileMark';

/**
 * Self time per function (sample count × interval), mapped to original sources when a map is present. With
 * `betweenMarks`, only the samples between the first and the last run of the marker function are counted.
 */
export function summariseProfile(
  label: string,
  profile: CpuProfile,
  assetsDir: string,
  topN = 12,
  betweenMarks = false,
): ProfileSummary {
  const maps = mapLoader(assetsDir);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let from = 0;
  let to = samples.length;
  if (betweenMarks) {
    const parentOf = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
    // A sample inside the marker can land in what it calls (performance.now): look up the stack, not just the leaf.
    const inMark = (id: number): boolean => {
      for (let n: number | undefined = id; n !== undefined; n = parentOf.get(n))
        if (byId.get(n)?.callFrame.functionName === PROFILE_MARK) return true;
      return false;
    };
    const isMark = (i: number) => inMark(samples[i]!);
    const marks = samples.map((_, i) => i).filter(isMark);
    if (marks.length >= 2) {
      // From the end of the first mark's run to the start of the last one's.
      let i = marks[0]!;
      while (i < samples.length && isMark(i)) i++;
      let j = marks[marks.length - 1]!;
      while (j > i && isMark(j - 1)) j--;
      from = i;
      to = j;
    }
  }
  let totalUs = 0;
  for (let i = from; i < to; i++) {
    // timeDeltas[i] is the gap before sample i; attribute the gap after it (the next delta) to sample i.
    const dt = Math.max(0, deltas[i + 1] ?? 0);
    totalUs += dt;
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + dt);
  }
  const totalMs = betweenMarks ? totalUs / 1000 : (profile.endTime - profile.startTime) / 1000;
  let idleMs = 0;
  let gcMs = 0;
  const agg = new Map<string, { where: string; name: string; us: number; via: Map<string, number> }>();
  const files = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const described = new Map<number, { where: string; name: string }>();
  const describeNode = (n: ProfileNode) => {
    let d = described.get(n.id);
    if (!d) described.set(n.id, (d = describe(n.callFrame, maps)));
    return d;
  };
  /** Nearest ancestor in the app's own sources (not the function itself). */
  const appCaller = (id: number, self: string): string => {
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
      const n = byId.get(p);
      if (!n) break;
      const d = describeNode(n);
      if (d.where.startsWith('src/') && d.where !== self) return `${d.name} (${d.where})`;
    }
    return '';
  };
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const fn = node.callFrame.functionName;
    if (fn === '(idle)' || fn === '(program)') {
      if (fn === '(idle)') idleMs += us / 1000;
      // "(program)" is native browser work (layout, paint, GL calls' host side): kept as its own row.
    }
    if (fn === '(garbage collector)') gcMs += us / 1000;
    if (fn === '(idle)') continue;
    const d = describeNode(node);
    const key = `${d.where}|${d.name}`;
    let entry = agg.get(key);
    if (!entry) agg.set(key, (entry = { ...d, us: 0, via: new Map() }));
    entry.us += us;
    const via = appCaller(id, d.where);
    entry.via.set(via, (entry.via.get(via) ?? 0) + us);
    const file = d.where.replace(/:\d+$/, '');
    files.set(file, (files.get(file) ?? 0) + us);
  }
  const busyMs = Math.max(1e-9, totalMs - idleMs);
  // Inclusive: each sample counts once for every distinct app function on its stack.
  const inclusive = new Map<string, { name: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const node = byId.get(n);
      if (!node) break;
      const d = describeNode(node);
      if (!d.where.startsWith('src/')) continue;
      const key = `${d.where}|${d.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const e = inclusive.get(key);
      if (e) e.us += us;
      else inclusive.set(key, { ...d, us });
    }
  }
  const appInclusive = [...inclusive.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, 8)
    .map((e) => ({ name: e.name, where: e.where, ms: e.us / 1000, share: e.us / 1000 / busyMs }));
  const top = [...agg.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, topN)
    .map((e) => ({
      where: e.where,
      name: e.name,
      selfMs: e.us / 1000,
      share: e.us / 1000 / busyMs,
      via: [...e.via.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '',
    }));
  const byFile = [...files.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(([file, us]) => ({ file, selfMs: us / 1000, share: us / 1000 / busyMs }));
  return { label, totalMs, idleMs, gcMs, top, byFile, appInclusive };
}

/** Plain-text rendering for stdout and the markdown report. */
export function formatProfile(summary: ProfileSummary): string[] {
  const lines = [
    `${summary.label}: ${summary.totalMs.toFixed(0)} ms profiled, ${(summary.totalMs - summary.idleMs).toFixed(0)} ms busy, GC ${summary.gcMs.toFixed(0)} ms`,
  ];
  for (const f of summary.top) {
    lines.push(
      `  ${f.selfMs.toFixed(1).padStart(8)} ms ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}  (${f.where})` +
        (f.via ? `  ← ${f.via}` : ''),
    );
  }
  if (summary.appInclusive.length) {
    lines.push('  app functions, inclusive (with what they call):');
    for (const f of summary.appInclusive) {
      lines.push(
        `  ${f.ms.toFixed(1).padStart(8)} ms ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}  (${f.where})`,
      );
    }
  }
  return lines;
}
