// Organisations and collaborations as columns (typed arrays and string lists) for the import worker's messages.
// Why: the page deserialised 300k record objects and their nested dates, lists and attribute objects at 50k/250k in
// 1.5 s; columns of the same records clone in a fraction of that, and rebuilding the objects is cheap.
import type { DatePrecision, PartialDate } from '../model/dates';
import type { Collaboration, CollaborationKind, Organisation, OrganisationType, Person } from '../model/types';

/** Repeated values (types, countries, kinds) once each, and a code per record. */
interface CodeColumn {
  readonly values: string[];
  readonly codes: Uint32Array;
}

/** Lists of strings, flattened: record i's items are `items[offsets[i]..offsets[i+1])`. */
interface ListColumn {
  readonly offsets: Int32Array;
  readonly items: string[];
}

/** Attribute records by key set ("shape"): record i has `shapes[shape[i]]` keys, values in order, -1 = none. */
interface AttributeColumn {
  readonly shapes: string[][];
  readonly shape: Int32Array;
  readonly values: string[];
}

/** Partial dates: precision 0 = null, 1 year, 2 month, 3 day. */
interface DateColumn {
  readonly year: Int32Array;
  readonly month: Uint8Array;
  readonly day: Uint8Array;
  readonly precision: Uint8Array;
}

export interface OrganisationColumns {
  readonly count: number;
  readonly id: string[];
  readonly name: string[];
  readonly type: CodeColumn;
  readonly country: CodeColumn;
  readonly nuts: CodeColumn;
  readonly city: string[];
  readonly website: string[];
  readonly description: string[];
  readonly note: string[];
  /** lat, lon, founded, members, employees: 5 per record; a bit of `nulls` (1 << field) marks null. */
  readonly numbers: Float64Array;
  readonly nulls: Uint8Array;
  readonly aliases: ListColumn;
  readonly themes: ListColumn;
  readonly sources: ListColumn;
  readonly people: { readonly offsets: Int32Array; readonly names: string[]; readonly roles: string[] };
  readonly attributes: AttributeColumn;
}

export interface CollaborationColumns {
  readonly count: number;
  readonly id: string[];
  /** Index of the endpoint among the organisations, or -1: its id is the next of `looseEnds`. */
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly looseEnds: string[];
  readonly kind: CodeColumn;
  readonly label: string[];
  readonly description: string[];
  readonly note: string[];
  readonly weight: Float64Array;
  /** Bit 1: approximate, bit 2: directed. */
  readonly flags: Uint8Array;
  readonly start: DateColumn;
  readonly end: DateColumn;
  readonly sources: ListColumn;
  readonly attributes: AttributeColumn;
}

const NUMBER_FIELDS = ['lat', 'lon', 'founded', 'members', 'employees'] as const;
const PRECISIONS: readonly (DatePrecision | null)[] = [null, 'year', 'month', 'day'];
// Shared by every record without items: the records are read-only, as the importer's own empty lists are.
const NO_ITEMS: readonly never[] = Object.freeze([]);
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

function encodeCodes(values: readonly string[]): CodeColumn {
  const seen = new Map<string, number>();
  const codes = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let code = seen.get(v);
    if (code === undefined) seen.set(v, (code = seen.size));
    codes[i] = code;
  }
  return { values: [...seen.keys()], codes };
}

function encodeLists(lists: readonly (readonly string[])[]): ListColumn {
  const offsets = new Int32Array(lists.length + 1);
  const items: string[] = [];
  for (let i = 0; i < lists.length; i++) {
    for (const item of lists[i]!) items.push(item);
    offsets[i + 1] = items.length;
  }
  return { offsets, items };
}

function decodeList(column: ListColumn, i: number): readonly string[] {
  const from = column.offsets[i]!;
  const to = column.offsets[i + 1]!;
  return from === to ? NO_ITEMS : column.items.slice(from, to);
}

function encodeAttributes(records: readonly Readonly<Record<string, string>>[]): AttributeColumn {
  const shapes: string[][] = [];
  const shapeOf = new Map<string, number>();
  const shape = new Int32Array(records.length).fill(-1);
  const values: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const keys = Object.keys(records[i]!);
    if (keys.length === 0) continue;
    // Each key prefixed by its length: no two key lists give the same text, whatever characters the keys hold.
    const key = keys.map((k) => `${k.length}:${k}`).join('');
    let s = shapeOf.get(key);
    if (s === undefined) {
      shapeOf.set(key, (s = shapes.length));
      shapes.push(keys);
    }
    shape[i] = s;
    for (const k of keys) values.push(records[i]![k]!);
  }
  return { shapes, shape, values };
}

/** Reads records' attributes in order; `at` is the running position in `values`. */
function attributeReader(column: AttributeColumn): (i: number) => Readonly<Record<string, string>> {
  let at = 0;
  return (i) => {
    const s = column.shape[i]!;
    if (s < 0) return NO_ATTRIBUTES;
    const out: Record<string, string> = {};
    // A key `__proto__` stays a plain attribute, as the importer keeps it; the others are assigned, so records of one
    // shape share a hidden class (defineProperty for every key left them all in dictionary mode: 4x slower).
    for (const k of column.shapes[s]!) {
      const value = column.values[at++]!;
      if (k === '__proto__')
        Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
      else out[k] = value;
    }
    return out;
  };
}

function encodeDates(dates: readonly (PartialDate | null)[]): DateColumn {
  const n = dates.length;
  const column = {
    year: new Int32Array(n),
    month: new Uint8Array(n),
    day: new Uint8Array(n),
    precision: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const d = dates[i];
    if (!d) continue;
    column.year[i] = d.year;
    column.month[i] = d.month ?? 0;
    column.day[i] = d.day ?? 0;
    column.precision[i] = PRECISIONS.indexOf(d.precision);
  }
  return column;
}

/** The date as `parsePartialDate` builds it: month and day present only at their precision. */
function decodeDate(column: DateColumn, i: number): PartialDate | null {
  const precision = PRECISIONS[column.precision[i]!] ?? null;
  if (precision === null) return null;
  const year = column.year[i]!;
  if (precision === 'year') return { year, precision };
  if (precision === 'month') return { year, month: column.month[i]!, precision };
  return { year, month: column.month[i]!, day: column.day[i]!, precision };
}

export function encodeOrganisations(orgs: readonly Organisation[]): OrganisationColumns {
  const n = orgs.length;
  const numbers = new Float64Array(n * NUMBER_FIELDS.length);
  const nulls = new Uint8Array(n);
  orgs.forEach((o, i) => {
    NUMBER_FIELDS.forEach((field, f) => {
      const v = o[field];
      if (v === null) nulls[i]! |= 1 << f;
      else numbers[i * NUMBER_FIELDS.length + f] = v;
    });
  });
  const people = encodeLists(orgs.map((o) => o.people.map((p) => p.name)));
  return {
    count: n,
    id: orgs.map((o) => o.id),
    name: orgs.map((o) => o.name),
    type: encodeCodes(orgs.map((o) => o.type)),
    country: encodeCodes(orgs.map((o) => o.country)),
    nuts: encodeCodes(orgs.map((o) => o.nuts)),
    city: orgs.map((o) => o.city),
    website: orgs.map((o) => o.website),
    description: orgs.map((o) => o.description),
    note: orgs.map((o) => o.note),
    numbers,
    nulls,
    aliases: encodeLists(orgs.map((o) => o.aliases)),
    themes: encodeLists(orgs.map((o) => o.themes)),
    sources: encodeLists(orgs.map((o) => o.sources)),
    people: { offsets: people.offsets, names: people.items, roles: orgs.flatMap((o) => o.people.map((p) => p.role)) },
    attributes: encodeAttributes(orgs.map((o) => o.attributes)),
  };
}

export function decodeOrganisations(c: OrganisationColumns): Organisation[] {
  const out: Organisation[] = [];
  const attributes = attributeReader(c.attributes);
  const stride = NUMBER_FIELDS.length;
  const number = (i: number, f: number) => ((c.nulls[i]! >> f) & 1 ? null : c.numbers[i * stride + f]!);
  for (let i = 0; i < c.count; i++) {
    const from = c.people.offsets[i]!;
    const to = c.people.offsets[i + 1]!;
    const people: Person[] = [];
    for (let k = from; k < to; k++) people.push({ name: c.people.names[k]!, role: c.people.roles[k]! });
    // Keys in the importer's order (organisation-rows.ts), so JSON written from either reads the same.
    out.push({
      id: c.id[i]!,
      name: c.name[i]!,
      aliases: decodeList(c.aliases, i),
      type: c.type.values[c.type.codes[i]!] as OrganisationType,
      country: c.country.values[c.country.codes[i]!]!,
      nuts: c.nuts.values[c.nuts.codes[i]!]!,
      city: c.city[i]!,
      lat: number(i, 0),
      lon: number(i, 1),
      founded: number(i, 2),
      members: number(i, 3),
      employees: number(i, 4),
      themes: decodeList(c.themes, i),
      people: from === to ? NO_ITEMS : people,
      website: c.website[i]!,
      description: c.description[i]!,
      sources: decodeList(c.sources, i),
      note: c.note[i]!,
      attributes: attributes(i),
    });
  }
  return out;
}

/** `orgIndex`: position of each organisation id in the list the page rebuilds first (`decodeOrganisations`). */
export function encodeCollaborations(
  collabs: readonly Collaboration[],
  orgIndex: ReadonlyMap<string, number>,
): CollaborationColumns {
  const n = collabs.length;
  const source = new Int32Array(n);
  const target = new Int32Array(n);
  const looseEnds: string[] = [];
  const weight = new Float64Array(n);
  const flags = new Uint8Array(n);
  const end = (id: string) => {
    const k = orgIndex.get(id);
    if (k !== undefined) return k;
    looseEnds.push(id);
    return -1;
  };
  collabs.forEach((c, i) => {
    source[i] = end(c.source);
    target[i] = end(c.target);
    weight[i] = c.weight;
    flags[i] = (c.approximate ? 1 : 0) | (c.directed ? 2 : 0);
  });
  return {
    count: n,
    id: collabs.map((c) => c.id),
    source,
    target,
    looseEnds,
    kind: encodeCodes(collabs.map((c) => c.kind)),
    label: collabs.map((c) => c.label),
    description: collabs.map((c) => c.description),
    note: collabs.map((c) => c.note),
    weight,
    flags,
    start: encodeDates(collabs.map((c) => c.start)),
    end: encodeDates(collabs.map((c) => c.end)),
    sources: encodeLists(collabs.map((c) => c.sources)),
    attributes: encodeAttributes(collabs.map((c) => c.attributes)),
  };
}

/** `orgs`: the organisations `encodeCollaborations` indexed, already rebuilt. */
export function decodeCollaborations(c: CollaborationColumns, orgs: readonly Organisation[]): Collaboration[] {
  const out: Collaboration[] = [];
  const attributes = attributeReader(c.attributes);
  let loose = 0;
  const end = (k: number) => (k >= 0 ? orgs[k]!.id : c.looseEnds[loose++]!);
  for (let i = 0; i < c.count; i++) {
    const source = end(c.source[i]!);
    const target = end(c.target[i]!);
    // Keys in the importer's order (collaboration-rows.ts).
    out.push({
      id: c.id[i]!,
      source,
      target,
      kind: c.kind.values[c.kind.codes[i]!] as CollaborationKind,
      label: c.label[i]!,
      approximate: (c.flags[i]! & 1) === 1,
      weight: c.weight[i]!,
      directed: (c.flags[i]! & 2) === 2,
      description: c.description[i]!,
      sources: decodeList(c.sources, i),
      note: c.note[i]!,
      start: decodeDate(c.start, i),
      end: decodeDate(c.end, i),
      attributes: attributes(i),
    });
  }
  return out;
}

/** The typed arrays' buffers, to transfer rather than copy. */
export function columnBuffers(c: OrganisationColumns | CollaborationColumns): ArrayBuffer[] {
  const dates = (d: DateColumn) => [d.year, d.month, d.day, d.precision];
  const arrays: ArrayBufferView[] =
    'looseEnds' in c
      ? [c.source, c.target, c.kind.codes, c.weight, c.flags, ...dates(c.start), ...dates(c.end), c.sources.offsets]
      : [c.type.codes, c.country.codes, c.nuts.codes, c.numbers, c.nulls, c.aliases.offsets, c.themes.offsets];
  if (!('looseEnds' in c)) arrays.push(c.sources.offsets, c.people.offsets);
  arrays.push(c.attributes.shape);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
