// Column names of the import format and the aliases (Gephi, Kumu, spreadsheets) each one accepts.
import { normaliseHeader } from './csv-table';

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
  | 'approximate'
  | 'weight'
  | 'directed'
  | 'description'
  | 'sources'
  | 'note';

export type SourceField =
  'id' | 'file' | 'title' | 'language' | 'published' | 'date_basis' | 'publisher' | 'author' | 'url';

export const ORGANISATION_COLUMNS: Record<OrganisationField, readonly string[]> = {
  id: ['id'],
  name: ['name', 'label'],
  aliases: ['aliases', 'alias', 'othernames'],
  type: ['type', 'organisationtype', 'organizationtype', 'category'],
  country: ['country', 'countrycode'],
  nuts: ['nuts', 'region', 'nutsid', 'nutscode', 'nuts2021'],
  city: ['city', 'town', 'place'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'lng', 'long', 'longitude'],
  founded: ['founded', 'foundedyear', 'established'],
  members: ['members', 'membercount'],
  employees: ['employees', 'employeecount', 'staff'],
  themes: ['themes', 'tags', 'topics'],
  people: ['people', 'contacts'],
  website: ['website', 'url', 'web'],
  description: ['description'],
  sources: ['sources', 'source', 'citation'],
  note: ['note', 'notes'],
};

export const COLLABORATION_COLUMNS: Record<CollaborationField, readonly string[]> = {
  id: ['id'],
  source: ['source', 'from'],
  target: ['target', 'to'],
  kind: ['kind', 'category', 'relation', 'relationship'],
  label: ['label', 'name', 'title'],
  start: ['start', 'startdate', 'date', 'from date'],
  end: ['end', 'enddate'],
  approximate: ['approximate', 'approx'],
  weight: ['weight'],
  directed: ['directed'],
  description: ['description'],
  sources: ['sources', 'citation', 'citations'],
  note: ['note', 'notes'],
};

export const SOURCE_COLUMNS: Record<SourceField, readonly string[]> = {
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

/**
 * Maps each field to the normalised header present in the file, first alias wins.
 * Returns the mapping and the headers that belong to no field (kept as attributes).
 */
export function resolveColumns<F extends string>(
  spec: Record<F, readonly string[]>,
  headers: readonly string[],
): { columns: Partial<Record<F, string>>; extra: string[] } {
  const present = new Set(headers.map(normaliseHeader));
  const columns: Partial<Record<F, string>> = {};
  const used = new Set<string>();
  for (const field of Object.keys(spec) as F[]) {
    const hit = spec[field].map(normaliseHeader).find((a) => present.has(a) && !used.has(a));
    if (hit !== undefined) {
      columns[field] = hit;
      used.add(hit);
    }
  }
  const extra = headers.filter((h) => {
    const k = normaliseHeader(h);
    return k !== '' && !used.has(k);
  });
  return { columns, extra };
}
