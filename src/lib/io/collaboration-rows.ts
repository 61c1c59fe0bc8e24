// Reads a collaborations table (CSV, or edges of a GEXF/GraphML file) into validated Collaboration records.
import { isCollaborationKind, type Collaboration } from '../model/types';
import { parseDecimal, parseDirection, parseFlag } from './cells';
import {
  COLLABORATION_COLUMNS,
  collaborationSpec,
  resolveColumns,
  type CollaborationField,
  type ColumnSpec,
} from './columns';
import { normaliseHeader, type RecordTable } from './csv-table';
import { decideDateOrders, type ColumnOrder } from './date-columns';
import { readPeriod, type PeriodCheck } from './periods';
import type { OrganisationContext } from './organisation-rows';
import type { CellRef } from './problems';
import { ROWS_PER_STEP, type Steps } from './steps';
import { parseTimeInterval, type PeriodText } from './time-interval';
import {
  cellAt,
  cellRef,
  checkId,
  checkSources,
  extraAttributes,
  optionalSeverity,
  requireColumns,
} from './table-checks';

export interface CollaborationContext extends OrganisationContext {
  readonly orgIds: ReadonlySet<string>;
  /** Lower-cased names and ids → id, only to suggest the right id in a dangling-endpoint error. */
  readonly orgHints: ReadonlyMap<string, string>;
}

export function* readCollaborations(
  table: RecordTable,
  ctx: CollaborationContext,
  base: ColumnSpec<CollaborationField> = COLLABORATION_COLUMNS,
): Steps<Collaboration[]> {
  const { log, options } = ctx;
  // A CSV without rows is refused earlier; a GEXF or GraphML file may well have no edges.
  if (table.rows.length === 0) return [];
  const spec = collaborationSpec(table, base);
  const { columns, extra } = resolveColumns(spec, table.headers);
  if (!requireColumns(table, columns, ['source', 'target'], spec, log)) return [];
  const dateIndexes = [columns.start, columns.end].filter((i): i is number => i !== undefined);
  const orders = decideDateOrders(table, dateIndexes, log);
  const dateOrders: [ColumnOrder?, ColumnOrder?] = [orders.get(columns.start ?? -1), orders.get(columns.end ?? -1)];
  const intervalHeader = normaliseHeader(table.headers[columns.interval ?? -1] ?? '');
  const timestamps = intervalHeader === 'timeset' || intervalHeader.startsWith('timestamp');
  const soft = optionalSeverity(options);
  const seen = new Set<string>();
  const result: Collaboration[] = [];
  let n = 0;
  for (const row of table.rows) {
    if (++n % ROWS_PER_STEP === 0) yield ROWS_PER_STEP;
    const get = (f: CollaborationField) => cellAt(row, columns[f]);
    const ref = (f: CollaborationField): CellRef => cellRef(table, row, columns[f], f);
    let id = get('id');
    if (id === '' && !options.strict) id = row.path ? `edge-${n}` : `row-${row.line}`;
    if (!checkId(id, ref('id'), seen, log, options.strict)) continue;
    const source = get('source');
    const target = get('target');
    let dangling = false;
    for (const f of ['source', 'target'] as const) {
      const value = f === 'source' ? source : target;
      if (ctx.orgIds.has(value)) continue;
      dangling = true;
      const hint = ctx.orgHints.get(value.toLowerCase());
      log.report(
        'error',
        'dangling-endpoint',
        ref(f),
        value,
        value === ''
          ? 'Both endpoints are required.'
          : hint !== undefined
            ? `No organisation has this id; did you mean "${hint}"?`
            : 'No organisation has this id; add it to the organisations file or fix the id.',
      );
    }
    if (!dangling && source === target)
      log.report(
        'warning',
        'self-loop',
        ref('target'),
        target,
        'A collaboration of an organisation with itself is kept but not drawn.',
      );
    const attributes = extraAttributes(table, row, extra);
    const kindText = get('kind');
    let kind: Collaboration['kind'] = 'other';
    if (isCollaborationKind(kindText.toLowerCase())) kind = kindText.toLowerCase() as Collaboration['kind'];
    else if (kindText !== '') {
      log.report(
        'warning',
        'unknown-kind',
        ref('kind'),
        kindText,
        'Unknown collaboration kind; shown as "other" (the text is kept in the details).',
      );
      attributes.kind = kindText;
    }
    let check: PeriodCheck = {
      log,
      today: options.today,
      strict: options.strict,
      startRef: ref('start'),
      endRef: ref('end'),
    };
    let periods: PeriodText[] = [{ start: get('start'), end: get('end') }];
    if (get('start') === '' && get('end') === '' && get('interval') !== '') {
      const parsed = parseTimeInterval(get('interval'), timestamps);
      if (parsed.ok) periods = [...parsed.periods];
      else if (parsed.reason === 'not-a-date')
        log.report(
          'warning',
          'unsupported-time',
          ref('interval'),
          parsed.value,
          'Time values that are not dates or years are ignored; the collaboration is undated.',
        );
      else
        log.report(
          'error',
          'invalid-date',
          ref('interval'),
          parsed.value,
          'Write intervals as Gephi does: <[2016,2019];[2021,2023]>.',
        );
      check = { ...check, startRef: ref('interval'), endRef: ref('interval') };
    }
    const read = periods.map((p) => readPeriod(p, dateOrders, check));
    if (read.length === 0 || (read.length === 1 && read[0]?.start === null))
      log.report(
        'warning',
        'undated',
        cellRef(table, row, columns.start ?? columns.interval, 'start'),
        '',
        'No start date: shown only when "show undated" is on.',
      );
    const weightText = get('weight');
    let weight = weightText === '' ? 1 : parseDecimal(weightText);
    if (weight === null || weight <= 0 || weight === Infinity) {
      log.report(soft, 'invalid-number', ref('weight'), weightText, 'The weight must be a positive number; 1 is used.');
      weight = 1;
    }
    const approximate = parseFlag(get('approximate'));
    const directed = parseDirection(get('directed'));
    if (approximate === null)
      log.report(soft, 'invalid-value', ref('approximate'), get('approximate'), 'Write true or false; false is used.');
    if (directed === null)
      log.report(
        soft,
        'invalid-value',
        ref('directed'),
        get('directed'),
        'Write true/false or Directed/Undirected; undirected is used.',
      );
    const common = {
      source,
      target,
      kind,
      label: get('label'),
      approximate: approximate ?? false,
      weight,
      directed: directed ?? false,
      description: get('description'),
      sources: checkSources(get('sources'), ref('sources'), ctx.sourceIds, options.requireSources, log),
      note: get('note'),
    };
    // One collaboration per interval (Gephi intervals, GEXF spells), so gaps between them stay gaps on the timeline.
    const dated = read.length === 0 ? [{ start: null, end: null }] : read;
    dated.forEach((period, k) => {
      if (!period) return;
      const partId = k === 0 ? id : `${id}#${k + 1}`;
      if (k > 0 && !checkId(partId, ref('id'), seen, log, false)) return;
      const attrs = dated.length > 1 ? { ...attributes, interval: `${k + 1}/${dated.length}` } : attributes;
      result.push({ id: partId, ...common, start: period.start, end: period.end, attributes: attrs });
    });
  }
  yield n % ROWS_PER_STEP;
  return result;
}
