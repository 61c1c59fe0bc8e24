// Download file names that say what was exported and for which period: `cluster-atlas-graph-2016-2021.svg`.
import { civilFromDay, dayToIso, todayDay } from '../model/dates';
import type { TimeWindow } from '../timeline/temporal-index';

export type ExportKind = 'graph' | 'map' | 'report' | 'organisations' | 'collaborations' | 'sources' | 'gexf' | 'qr';

/** The window as text: `2016-2021`, `2016` for one year, full dates (`2016-03-01-2021-06-30`) otherwise. */
export function windowSlug(window: TimeWindow): string {
  const from = civilFromDay(window.from);
  const to = civilFromDay(window.to);
  const wholeYears = from.month === 1 && from.day === 1 && to.month === 12 && to.day === 31;
  if (!wholeYears) return `${dayToIso(window.from)}-${dayToIso(window.to)}`;
  return from.year === to.year ? String(from.year) : `${from.year}-${to.year}`;
}

/**
 * `cluster-atlas-<kind>-<window>.<ext>`. Without a window the export day stands in (from `now`, epoch ms, passed in so
 * the name is deterministic). The extension is reduced to lower-case letters and digits.
 */
export function exportFileName(kind: ExportKind, ext: string, window: TimeWindow | null, now: number): string {
  const period = window === null ? dayToIso(todayDay(now)) : windowSlug(window);
  const safeExt = ext.toLowerCase().replace(/[^a-z0-9]/g, '') || 'txt';
  return `cluster-atlas-${kind}-${period}.${safeExt}`;
}
