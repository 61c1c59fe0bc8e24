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
import type { RecordRow, RecordTable } from './csv-table';
import { readPeriods, timeSetup } from './periods';
import type { OrganisationContext } from './organisation-rows';
import { ROWS_PER_STEP, type Steps } from './steps';
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

export type Columns = Partial<Record<CollaborationField, number>>;

const ENDPOINTS = ['source', 'target'] as const;

/** Reports endpoints that are no organisation (and self-loops); true when both exist. */
function checkEndpoints(ctx: CollaborationContext, table: RecordTable, row: RecordRow, columns: Columns): boolean {
  let ok = true;
  for (const f of ENDPOINTS) {
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
  const time = timeSetup(table, columns, log, options);
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
