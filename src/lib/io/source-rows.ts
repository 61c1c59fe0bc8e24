// Reads the optional sources table (one row per cited article or reference) into Source records.
import type { Source } from '../model/types';
import { SOURCE_COLUMNS, resolveColumns, type SourceField } from './columns';
import type { RecordTable } from './csv-table';
import { decideDateOrders, parseInColumn } from './date-columns';
import type { ProblemLog } from './problems';
import { ROWS_PER_STEP, type Steps } from './steps';
import { cellAt, cellRef, checkId, requireColumns, type ReadOptions } from './table-checks';

export function* readSources(table: RecordTable, log: ProblemLog, options: ReadOptions): Steps<Source[]> {
  const { columns } = resolveColumns(SOURCE_COLUMNS, table.headers);
  if (!requireColumns(table, columns, ['id', 'title'], SOURCE_COLUMNS, log)) return [];
  const publishedIndex = columns.published;
  const orders = decideDateOrders(table, publishedIndex === undefined ? [] : [publishedIndex], log);
  const seen = new Set<string>();
  const result: Source[] = [];
  let n = 0;
  for (const row of table.rows) {
    if (++n % ROWS_PER_STEP === 0) yield ROWS_PER_STEP;
    const get = (f: SourceField) => cellAt(row, columns[f]);
    const id = get('id');
    if (!checkId(id, seen, log, options.strict, table, row, columns.id, 'id')) continue;
    const publishedText = get('published');
    const order = publishedIndex === undefined ? undefined : orders.get(publishedIndex);
    const published = publishedText === '' ? null : parseInColumn(publishedText, order);
    if (publishedText !== '' && published === null)
      log.report(
        'error',
        'invalid-date',
        cellRef(table, row, publishedIndex, 'published'),
        publishedText,
        'Not a real date. Write YYYY, YYYY-MM or YYYY-MM-DD.',
      );
    result.push({
      id,
      file: get('file'),
      title: get('title'),
      language: get('language'),
      published,
      dateBasis: get('date_basis'),
      publisher: get('publisher'),
      author: get('author'),
      url: get('url'),
    });
  }
  yield n % ROWS_PER_STEP;
  return result;
}
