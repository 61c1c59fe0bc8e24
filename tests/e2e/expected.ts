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
