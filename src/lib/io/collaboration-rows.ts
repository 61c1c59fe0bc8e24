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
import { normaliseHeader, type RecordRow, type RecordTable } from './csv-table';
import { decideDateOrders } from './date-columns';
import { readPeriod, type Period, type PeriodColumns, type PeriodContext } from './periods';
import type { OrganisationContext } from './organisation-rows';
import { ROWS_PER_STEP, type Steps } from './steps';
import { parseTimeInterval } from './time-interval';
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
  /** The id of an organisation whose name or id matches `value` case-insensitively, to suggest in an error. */
  readonly hintFor: (value: string) => string | undefined;
}

type Columns = Partial<Record<CollaborationField, number>>;

/** Reports endpoints that are no organisation (and self-loops); true when both exist. */
function checkEndpoints(ctx: CollaborationContext, table: RecordTable, row: RecordRow, columns: Columns): boolean {
  let ok = true;
  for (const f of ['source', 'target'] as const) {
    const value = cellAt(row, columns[f]);
    if (ctx.orgIds.has(value)) continue;
    ok = false;
    const hint = value === '' ? undefined : ctx.hintFor(value);
    const message =
      value === ''
        ? 'Both endpoints are required.'
        : hint !== undefined
          ? `No organisation has this id; did you mean "${hint}"?`
          : 'No organisation has this id; add it to the organisations file or fix the id.';
    ctx.log.report('error', 'dangling-endpoint', cellRef(table, row, columns[f], f), value, message);
  }
  const target = cellAt(row, columns.target);
  if (ok && cellAt(row, columns.source) === target)
    ctx.log.report(
      'warning',
      'self-loop',
      cellRef(table, row, columns.target, 'target'),
      target,
      'A collaboration of an organisation with itself is kept but not drawn.',
    );
  return ok;
}

interface TimeSetup {
  readonly context: PeriodContext;
  readonly plain: PeriodColumns;
  readonly interval: PeriodColumns;
  readonly timestamps: boolean;
  readonly hasTime: boolean;
}

function timeSetup(table: RecordTable, columns: Columns, ctx: CollaborationContext): TimeSetup {
  const { log, options } = ctx;
  const orders = decideDateOrders(
    table,
    [columns.start, columns.end].filter((i): i is number => i !== undefined),
    log,
  );
  const header = normaliseHeader(table.headers[columns.interval ?? -1] ?? '');
  const hasTime = columns.start !== undefined || columns.end !== undefined || columns.interval !== undefined;
  // A file without any date column is undated as a whole: one warning, not one per row.
  if (!hasTime)
    log.report(
      'warning',
      'undated',
      { file: table.file, line: table.rows[0]?.path === undefined ? 1 : 0, field: 'start' },
      '',
      'No date column (Start, End or Time Interval): every collaboration is undated, shown only when "show undated" is on.',
    );
  return {
    context: { log, today: options.today, strict: options.strict, table },
    plain: {
      start: columns.start,
      end: columns.end,
      startOrder: orders.get(columns.start ?? -1),
      endOrder: orders.get(columns.end ?? -1),
    },
    interval: { start: columns.interval, end: columns.interval, startOrder: undefined, endOrder: undefined },
    timestamps: header === 'timeset' || header.startsWith('timestamp'),
    hasTime,
  };
}

const UNDATED: readonly (Period | undefined)[] = [{ start: null, end: null }];

/** The row's periods: Start/End when either is filled, else the Gephi interval cell; undefined entries had errors. */
function readPeriods(
  t: TimeSetup,
  table: RecordTable,
  row: RecordRow,
  columns: Columns,
): readonly (Period | undefined)[] {
  const start = cellAt(row, columns.start);
  const end = cellAt(row, columns.end);
  const interval = cellAt(row, columns.interval);
  let periods: readonly (Period | undefined)[] = UNDATED;
  if (start !== '' || end !== '' || interval === '') periods = [readPeriod({ start, end }, t.context, row, t.plain)];
  else {
    const parsed = parseTimeInterval(interval, t.timestamps);
    const ref = cellRef(table, row, columns.interval, 'interval');
    if (parsed.ok)
      periods =
        parsed.periods.length === 0 ? UNDATED : parsed.periods.map((p) => readPeriod(p, t.context, row, t.interval));
    else if (parsed.reason === 'not-a-date')
      t.context.log.report(
        'warning',
        'unsupported-time',
        ref,
        parsed.value,
        'Time values that are not dates or years are ignored; the collaboration is undated.',
      );
    else
      t.context.log.report(
        'error',
        'invalid-date',
        ref,
        parsed.value,
        'Write intervals as Gephi does: <[2016,2019];[2021,2023]>.',
      );
  }
  const only = periods.length === 1 ? periods[0] : undefined;
  if (t.hasTime && only && only.start === null)
    t.context.log.report(
      'warning',
      'undated',
      cellRef(table, row, columns.start ?? columns.interval, 'start'),
      '',
      'No start date: shown only when "show undated" is on.',
    );
  return periods;
}

/** Reads the collaborations; the row loop allocates only what it keeps (problems are built when reported). */
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
  const time = timeSetup(table, columns, ctx);
  const soft = optionalSeverity(options);
  const ref = (row: RecordRow, f: CollaborationField) => cellRef(table, row, columns[f], f);
  const seen = new Set<string>();
  const result: Collaboration[] = [];
  let n = 0;
  for (const row of table.rows) {
    if (++n % ROWS_PER_STEP === 0) yield ROWS_PER_STEP;
    let id = cellAt(row, columns.id);
    if (id === '' && !options.strict) id = row.path ? `edge-${n}` : `row-${row.line}`;
    if (!checkId(id, seen, log, options.strict, table, row, columns.id, 'id')) continue;
    checkEndpoints(ctx, table, row, columns);
    let attributes = extraAttributes(table, row, extra);
    const kindText = cellAt(row, columns.kind);
    const kindKey = kindText.toLowerCase();
    const kind: Collaboration['kind'] = isCollaborationKind(kindKey) ? kindKey : 'other';
    if (kind === 'other' && kindText !== '' && kindKey !== 'other') {
      log.report(
        'warning',
        'unknown-kind',
        ref(row, 'kind'),
        kindText,
        'Unknown collaboration kind; shown as "other" (the text is kept in the details).',
      );
      attributes = { ...attributes, kind: kindText };
    }
    const periods = readPeriods(time, table, row, columns);
    const weightText = cellAt(row, columns.weight);
    let weight = weightText === '' ? 1 : parseDecimal(weightText);
    if (weight === null || weight <= 0) {
      log.report(
        soft,
        'invalid-number',
        ref(row, 'weight'),
        weightText,
        'The weight must be a positive number; 1 is used.',
      );
      weight = 1;
    }
    const approximate = parseFlag(cellAt(row, columns.approximate));
    const directed = parseDirection(cellAt(row, columns.directed));
    if (approximate === null)
      log.report(
        soft,
        'invalid-value',
        ref(row, 'approximate'),
        cellAt(row, columns.approximate),
        'Write true or false; false is used.',
      );
    if (directed === null)
      log.report(
        soft,
        'invalid-value',
        ref(row, 'directed'),
        cellAt(row, columns.directed),
        'Write true/false or Directed/Undirected; undirected is used.',
      );
    const common = {
      source: cellAt(row, columns.source),
      target: cellAt(row, columns.target),
      kind,
      label: cellAt(row, columns.label),
      approximate: approximate ?? false,
      weight,
      directed: directed ?? false,
      description: cellAt(row, columns.description),
      sources: checkSources(
        cellAt(row, columns.sources),
        ctx.sourceIds,
        options.requireSources,
        log,
        table,
        row,
        columns.sources,
        'sources',
      ),
      note: cellAt(row, columns.note),
    };
    // One collaboration per interval (Gephi intervals, GEXF spells), so gaps between them stay gaps on the timeline.
    for (let k = 0; k < periods.length; k++) {
      const period = periods[k];
      if (!period) continue;
      const partId = k === 0 ? id : `${id}#${k + 1}`;
      if (k > 0 && !checkId(partId, seen, log, false, table, row, columns.id, 'id')) continue;
      const attrs = periods.length > 1 ? { ...attributes, interval: `${k + 1}/${periods.length}` } : attributes;
      result.push({ id: partId, ...common, start: period.start, end: period.end, attributes: attrs });
    }
  }
  yield n % ROWS_PER_STEP;
  return result;
}
