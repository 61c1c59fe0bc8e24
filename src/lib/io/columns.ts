// Column names of the import format and the aliases (Gephi, Kumu, spreadsheets) each one accepts.
import { isDirectionWord } from './cells';
import { normaliseHeader, type RecordTable } from './csv-table';

export type OrganisationField =
  | 'id'
  | 'name'
  | 'aliases'
  | 'type'
  | 'country'
  | 'nuts'
  | 'city'
  | 'lat'
  | 'lon'
  | 'founded'
  | 'members'
  | 'employees'
  | 'themes'
  | 'people'
  | 'website'
  | 'description'
  | 'sources'
  | 'note';

export type CollaborationField =
  | 'id'
  | 'source'
  | 'target'
  | 'kind'
  | 'label'
  | 'start'
  | 'end'
  | 'interval'
  | 'approximate'
  | 'weight'
  | 'directed'
  | 'description'
  | 'sources'
  | 'note';

export type SourceField =
  'id' | 'file' | 'title' | 'language' | 'published' | 'date_basis' | 'publisher' | 'author' | 'url';

/** Accepted header names per field, compared after {@link normaliseHeader}; the first one present wins. */
export type ColumnSpec<F extends string> = Readonly<Record<F, readonly string[]>>;

export const ORGANISATION_COLUMNS: ColumnSpec<OrganisationField> = {
  id: ['id'],
  name: ['name', 'label'],
  aliases: ['aliases', 'alias', 'othernames'],
  type: ['type', 'organisationtype', 'organizationtype', 'category'],
  country: ['country', 'countrycode', 'cntrcode'],
  nuts: ['nuts', 'region', 'nutsid', 'nutscode', 'nuts2021', 'nutsregion'],
  city: ['city', 'town', 'place'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'lng', 'long', 'longitude'],
  founded: ['founded', 'foundedyear', 'established'],
  members: ['members', 'membercount'],
  employees: ['employees', 'employeecount', 'staff'],
  themes: ['themes', 'tags', 'topics', 'keywords'],
  people: ['people', 'contacts'],
  website: ['website', 'url', 'web'],
  description: ['description'],
  sources: ['sources', 'source', 'citation', 'citations'],
  note: ['note', 'notes'],
};

export const COLLABORATION_COLUMNS: ColumnSpec<CollaborationField> = {
  id: ['id'],
  source: ['source', 'from'],
  target: ['target', 'to'],
  kind: ['kind', 'category', 'relation', 'relationship'],
  label: ['label', 'name', 'title'],
  start: ['start', 'startdate', 'fromdate', 'date', 'begin'],
  end: ['end', 'enddate', 'todate', 'until'],
  // Gephi's dynamic column: `<[2016,2019];[2021,2023]>`.
  interval: ['timeinterval', 'timeset', 'interval', 'timestamps', 'timestamp'],
  approximate: ['approximate', 'approx'],
  weight: ['weight', 'strength'],
  directed: ['directed', 'direction'],
  description: ['description'],
  sources: ['sources', 'citation', 'citations'],
  note: ['note', 'notes'],
};

export const SOURCE_COLUMNS: ColumnSpec<SourceField> = {
  id: ['id'],
  file: ['file', 'filename'],
  title: ['title'],
  language: ['language', 'lang'],
  published: ['published', 'date'],
  date_basis: ['datebasis'],
  publisher: ['publisher'],
  author: ['author'],
  url: ['url', 'website'],
};

/** Column index per field, plus the indexes of columns that belong to no field (kept as attributes). */
export interface ResolvedColumns<F extends string> {
  readonly columns: Partial<Record<F, number>>;
  readonly extra: readonly number[];
}

/** Maps each field to the index of its column, first alias wins; a repeated header keeps its first column. */
export function resolveColumns<F extends string>(spec: ColumnSpec<F>, headers: readonly string[]): ResolvedColumns<F> {
  const indexByKey = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = normaliseHeader(h);
    if (k !== '' && !indexByKey.has(k)) indexByKey.set(k, i);
  });
  const columns: Partial<Record<F, number>> = {};
  const used = new Set<number>();
  for (const field of Object.keys(spec) as F[]) {
    for (const alias of spec[field]) {
      const i = indexByKey.get(normaliseHeader(alias));
      if (i !== undefined && !used.has(i)) {
        columns[field] = i;
        used.add(i);
        break;
      }
    }
  }
  const extra = headers.flatMap((h, i) =>
    normaliseHeader(h) !== '' && !used.has(i) && indexByKey.get(normaliseHeader(h)) === i ? [i] : [],
  );
  return { columns, extra };
}

/**
 * Gephi's edge `Type` column holds the direction (Directed/Undirected/Mixed); Kumu's holds the kind.
 * Returns the spec with `type` added to `directed` when every value is a direction word, else to `kind`.
 */
export function collaborationSpec(
  table: RecordTable,
  base: ColumnSpec<CollaborationField> = COLLABORATION_COLUMNS,
): ColumnSpec<CollaborationField> {
  const typeIndex = table.headers.findIndex((h) => normaliseHeader(h) === 'type');
  if (typeIndex === -1) return base;
  let values = 0;
  const allDirections = table.rows.every((r) => {
    const v = (r.cells[typeIndex] ?? '').trim();
    if (v === '') return true;
    values++;
    return isDirectionWord(v);
  });
  const field = allDirections && values > 0 ? 'directed' : 'kind';
  return { ...base, [field]: [...base[field], 'type'] };
}

/** True when the headers name both endpoints of a collaboration (Gephi `Source`/`Target`, Kumu `From`/`To`). */
export function looksLikeCollaborations(headers: readonly string[]): boolean {
  const keys = new Set(headers.map(normaliseHeader));
  return (keys.has('source') && keys.has('target')) || (keys.has('from') && keys.has('to'));
}

/** True when the headers look like a sources table: an id and a title, but no organisation name. */
export function looksLikeSources(headers: readonly string[]): boolean {
  const keys = new Set(headers.map(normaliseHeader));
  return keys.has('id') && keys.has('title') && !keys.has('name') && !keys.has('label');
}
