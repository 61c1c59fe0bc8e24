// The span a timeline covers: January 2016 (or the data's first date if earlier) to today.
import { UNDATED, type CompiledDataset } from '../model/compiled';
import { dayNumber } from '../model/dates';
import type { TimeWindow } from '../timeline/temporal-index';

/** The earliest day a timeline shows unless the data starts earlier. */
export const TIMELINE_START = dayNumber(2016, 1, 1);

/** Full span of a dataset's timeline: from 2016 (or earlier data) to today. */
export function timelineBounds(compiled: CompiledDataset, today: number): TimeWindow {
  const from = compiled.firstDay === UNDATED ? TIMELINE_START : Math.min(compiled.firstDay, TIMELINE_START);
  return { from, to: today };
}
