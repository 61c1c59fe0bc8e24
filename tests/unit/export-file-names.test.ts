// Export file names: years for whole-year windows, full dates otherwise, the export day when there is no window.
import { describe, expect, it } from 'vitest';
import { exportFileName, type ExportKind } from '../../src/lib/export/file-names';
import { dayNumber } from '../../src/lib/model/dates';

const w = (a: [number, number, number], b: [number, number, number]) => ({
  from: dayNumber(...a),
  to: dayNumber(...b),
});
const now = Date.UTC(2024, 4, 3, 23, 59);

describe('exportFileName', () => {
  it.each<[ExportKind, string, ReturnType<typeof w> | null, string]>([
    ['graph', 'svg', w([2016, 1, 1], [2021, 12, 31]), 'cluster-atlas-graph-2016-2021.svg'],
    ['map', 'svg', w([2017, 1, 1], [2017, 12, 31]), 'cluster-atlas-map-2017.svg'],
    ['report', 'svg', w([2016, 3, 1], [2021, 6, 30]), 'cluster-atlas-report-2016-03-01-2021-06-30.svg'],
    ['organisations', 'csv', w([2016, 1, 1], [2021, 12, 30]), 'cluster-atlas-organisations-2016-01-01-2021-12-30.csv'],
    ['collaborations', 'CSV', w([2016, 1, 1], [2021, 12, 31]), 'cluster-atlas-collaborations-2016-2021.csv'],
    ['gexf', 'gexf', null, 'cluster-atlas-gexf-2024-05-03.gexf'],
    ['sources', '../x.csv', null, 'cluster-atlas-sources-2024-05-03.xcsv'],
  ])('%s %s', (kind, ext, window, expected) => {
    expect(exportFileName(kind, ext, window, now)).toBe(expected);
  });
});
