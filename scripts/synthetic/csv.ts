// Column headers of the import format (docs/data-format.md) and RFC 4180 line writing for the synthetic CSVs.

export const SOURCE_COLUMNS = [
  'id',
  'file',
  'title',
  'language',
  'published',
  'date_basis',
  'publisher',
  'author',
  'url',
] as const;

export const ORGANISATION_COLUMNS = [
  'id',
  'name',
  'aliases',
  'type',
  'country',
  'nuts',
  'city',
  'lat',
  'lon',
  'founded',
  'members',
  'employees',
  'themes',
  'people',
  'website',
  'description',
  'sources',
  'note',
] as const;

export const COLLABORATION_COLUMNS = [
  'id',
  'source',
  'target',
  'kind',
  'label',
  'start',
  'end',
  'approximate',
  'weight',
  'directed',
  'description',
  'sources',
  'note',
] as const;

/** One row as cells in header order; a fixed-length tuple keeps writer and header from drifting apart. */
export type Row<C extends readonly string[]> = { [K in keyof C]: string };

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV record with its `\n` terminator. */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + csvCell(cells[i]!);
  return `${line}\n`;
}
