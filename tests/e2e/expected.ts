// Expected figures computed in Node from the real CSVs with the app's own importer and visibility rules.
import { loadBuiltinDataset } from '../helpers/builtin';
import { compileDataset } from '../../src/lib/model/compiled';
import { Visibility } from '../../src/lib/state/visibility';
import { parseWindowBound } from '../../src/lib/timeline/window-input';
import { todayDay } from '../../src/lib/model/dates';
import { TIMELINE_START } from '../../src/lib/state/timeline-bounds';

const compiled = compileDataset(loadBuiltinDataset());

/** Visible organisations and collaborations for a window typed as in the inputs (active mode, undated shown). */
export function expectedCounts(from: string, to: string): { organisations: number; collaborations: number } {
  const window = { from: parseWindowBound(from, 'from')!, to: parseWindowBound(to, 'to')! };
  const vis = new Visibility(
    compiled,
    { window, mode: 'active', includeUndated: true },
    { types: [], countries: [], kinds: [] },
  );
  return { organisations: vis.visibleOrgs, collaborations: vis.visibleCollabs };
}

export const totals = { organisations: compiled.orgCount, collaborations: compiled.collabCount };
export const timelineStart = TIMELINE_START;
export const today = todayDay();

/**
 * Links between two NUTS 2 regions counted independently of the app's map code: direct collaborations
 * between organisations coded in each region, plus pairs of participants of the same unlocated project,
 * event, programme or network (one in each region), all collaborations dated or not.
 */
export function expectedRegionLinks(a: string, b: string): number {
  const ds = loadBuiltinDataset();
  const byId = new Map(ds.organisations.map((o) => [o.id, o]));
  const inRegion = (id: string, code: string) => (byId.get(id)?.nuts ?? '').startsWith(code);
  const direct = ds.collaborations.filter(
    (c) => (inRegion(c.source, a) && inRegion(c.target, b)) || (inRegion(c.source, b) && inRegion(c.target, a)),
  ).length;
  const hubTypes = new Set(['project', 'event', 'programme', 'network']);
  let shared = 0;
  for (const hub of ds.organisations) {
    if (!hubTypes.has(hub.type) || hub.nuts !== '' || hub.country !== '') continue;
    const partners = ds.collaborations
      .filter((c) => c.source === hub.id || c.target === hub.id)
      .map((c) => (c.source === hub.id ? c.target : c.source));
    const inA = partners.filter((p) => inRegion(p, a)).length;
    const inB = partners.filter((p) => inRegion(p, b)).length;
    shared += inA * inB;
  }
  return direct + shared;
}
