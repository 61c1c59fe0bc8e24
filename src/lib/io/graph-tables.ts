// Turns the nodes and edges of a GEXF or GraphML file into record tables, so one validator serves every format.
import { parseUserDate, timeValueToDateText } from './cells';
import {
  COLLABORATION_COLUMNS,
  ORGANISATION_COLUMNS,
  type CollaborationField,
  type ColumnSpec,
  type OrganisationField,
} from './columns';
import { normaliseHeader, type RecordTable } from './csv-table';
import type { ProblemLog } from './problems';

/** What an XML reader hands to the validator. */
export interface GraphTables {
  readonly organisations: RecordTable;
  readonly collaborations: RecordTable;
  /** Node id → [x, y] from the file's layout, or null when it has none. */
  readonly positions: Record<string, [number, number]> | null;
  /** Edge attributes whose values all read as dates, offered as the collaboration date. */
  readonly dateAttributes: readonly string[];
}

// Native XML attributes get `@` names: they cannot collide with a user attribute called `start` or `label`, and only
// they — never an attribute that merely has a date-like title — give the period (the user picks one with dateAttribute).
export const XML_ORGANISATION_SPEC: ColumnSpec<OrganisationField> = {
  ...ORGANISATION_COLUMNS,
  id: ['@id'],
  name: ['@label'],
};
export const XML_COLLABORATION_SPEC: ColumnSpec<CollaborationField> = {
  ...COLLABORATION_COLUMNS,
  id: ['@id'],
  source: ['@source'],
  target: ['@target'],
  label: ['@label', ...COLLABORATION_COLUMNS.label],
  kind: ['@kind', ...COLLABORATION_COLUMNS.kind],
  start: ['@start'],
  end: ['@end'],
  interval: ['@spells'],
  weight: ['@weight', ...COLLABORATION_COLUMNS.weight],
  directed: ['@directed'],
};

/** Headers the readers write themselves; user attributes with these names get ` (attribute)` appended. */
const RESERVED = [
  '@id',
  '@label',
  '@source',
  '@target',
  '@kind',
  '@start',
  '@end',
  '@spells',
  '@weight',
  '@directed',
  'color',
  'size',
  'thickness',
];

/** Collects rows whose columns appear as they are met; unused columns are dropped at the end. */
export class TableBuilder {
  private readonly headers: string[] = [...RESERVED];
  private readonly index = new Map<string, number>(RESERVED.map((h, i) => [h, i]));
  private readonly rows: { path: string; cells: string[] }[] = [];
  /** Declared type of each user attribute column, for date detection. */
  readonly attributeTypes = new Map<number, string>();

  column(header: string): number {
    let i = this.index.get(header);
    if (i === undefined) {
      i = this.headers.length;
      this.headers.push(header);
      this.index.set(header, i);
    }
    return i;
  }

  /** Column for a user attribute, renamed when it would shadow a native one. */
  attributeColumn(title: string, type: string): number {
    const header = RESERVED.includes(title) || title.startsWith('@') ? `${title} (attribute)` : title;
    const i = this.column(header);
    this.attributeTypes.set(i, type);
    return i;
  }

  row(path: string): string[] {
    const cells: string[] = [];
    this.rows.push({ path, cells });
    return cells;
  }

  /** Every row, when `header` is a column; null otherwise. */
  rowsOf(header: string): { cells: string[] }[] | null {
    return this.index.has(header) ? this.rows : null;
  }

  has(header: string): boolean {
    return this.index.has(header);
  }

  /** Edge attributes whose non-empty values all read as dates (a year alone only under a date-like title or type). */
  dateAttributes(): string[] {
    const out: string[] = [];
    for (const [i, type] of this.attributeTypes) {
      const header = this.headers[i] ?? '';
      const hinted = /date|time/i.test(type) || /date|time|year|created|updated|start|end|when|since/i.test(header);
      let values = 0;
      let onlyYears = true;
      const ok = this.rows.every(({ cells }) => {
        const v = (cells[i] ?? '').trim();
        if (v === '') return true;
        values++;
        const text = timeValueToDateText(v);
        if (text === null || parseUserDate(text, 'day-first') === null) return false;
        if (!/^\d{4}$/.test(text)) onlyYears = false;
        return true;
      });
      if (ok && values > 0 && (hinted || !onlyYears)) out.push(header);
    }
    return out;
  }

  build(file: string): RecordTable {
    // One pass over the rows: asking each column in turn walked all 250,000 rows for every empty one.
    const used = this.headers.map(() => false);
    for (const { cells } of this.rows) for (let i = 0; i < cells.length; i++) if (cells[i]) used[i] = true;
    const keep = this.headers.flatMap((_, i) => (used[i] ? [i] : []));
    return {
      file,
      headers: keep.map((i) => this.headers[i] ?? ''),
      rows: this.rows.map(({ path, cells }) => ({ line: 0, path, cells: keep.map((i) => cells[i] ?? '') })),
    };
  }
}

/** A GEXF/GraphML time value as date text, warning (once per file) about numbers that are not years. */
export function timeText(value: string, file: string, path: string, log: Pick<ProblemLog, 'report'>): string {
  if (value.trim() === '') return '';
  const text = timeValueToDateText(value);
  if (text !== null) return text;
  log.report(
    'warning',
    'unsupported-time',
    { file, line: 0, field: 'start', path },
    value,
    'Time values that are not dates or years (abstract time steps) are ignored.',
  );
  return '';
}

/**
 * Uses edge attribute `title` as each collaboration's start, replacing native times (the user chose it).
 * Reports `missing-column` when no edge has that attribute.
 */
export function applyDateAttribute(edges: TableBuilder, title: string, file: string, log: ProblemLog): void {
  const header = [title, `${title} (attribute)`].find((h) => edges.has(h));
  const rows = header === undefined ? null : edges.rowsOf(header);
  if (header === undefined || rows === null) {
    log.report(
      'error',
      'missing-column',
      { file, line: 0, field: title },
      title,
      'No edge has this attribute; choose one of the date attributes listed.',
    );
    return;
  }
  const [from, start, end, spells] = [header, '@start', '@end', '@spells'].map((h) => edges.column(h)) as [
    number,
    number,
    number,
    number,
  ];
  for (const { cells } of rows) {
    const value = (cells[from] ?? '').trim();
    cells[start] = timeValueToDateText(value) ?? value;
    cells[spells] = '';
    if (value === '') cells[end] = '';
  }
}

/** True when a title names the node's label or name (GraphML keys Gephi writes as `label`). */
export const isLabelTitle = (title: string): boolean => ['label', 'name'].includes(normaliseHeader(title));
