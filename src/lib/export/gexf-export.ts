// GEXF 1.3 for Gephi: positions, colours, sizes, attributes and each collaboration's period as dynamic time data.
import { dayToIso, firstDay, formatPartialDate, lastDay } from '../model/dates';
import { COLLABORATION_KINDS, ORGANISATION_TYPES, type Dataset } from '../model/types';
import { colourByKind, colourByType, type Theme } from '../graph/palettes';
import { escapeXmlAttr, escapeXmlText, formatNum, XML_DECLARATION } from './svg-text';

export interface GexfInput {
  readonly dataset: Dataset;
  /** x, y per organisation index (graph coordinates, y up as in sigma and Gephi). */
  readonly positions: ArrayLike<number>;
  /** Node colours by organisation index as on screen; default: by type. */
  readonly nodeColour?: readonly string[];
  readonly nodeSize?: ArrayLike<number>;
  /** Rows in view (1 = shown); absent means all. Endpoints of exported collaborations are always kept. */
  readonly orgVisible?: ArrayLike<number>;
  readonly collabVisible?: ArrayLike<number>;
  /** `YYYY-MM-DD`; an input so the output is deterministic. */
  readonly exportDate: string;
  readonly description?: string;
  readonly theme?: Theme;
}

const NODE_ATTRIBUTES = [
  ['type', 'string'], ['country', 'string'], ['nuts', 'string'], ['city', 'string'], ['lat', 'double'],
  ['lon', 'double'], ['founded', 'integer'], ['members', 'integer'], ['employees', 'integer'], ['themes', 'string'],
  ['website', 'string'], ['description', 'string'], ['sources', 'string'],
] as const; // prettier-ignore

// The period at its own precision, since GEXF's date format forces full days.
const EDGE_ATTRIBUTES = [
  ['start_date', 'string'], ['end_date', 'string'], ['approximate', 'boolean'], ['description', 'string'],
  ['sources', 'string'],
] as const; // prettier-ignore

/** `{ r, g, b, a }` of `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()` or `rgba()`; null for anything else. */
export function rgbaOf(colour: string): { r: number; g: number; b: number; a: number } | null {
  const c = colour.trim();
  let m = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(c);
  if (m?.[1]) {
    const h = m[1].length === 3 ? [...m[1]].map((d) => d + d).join('') : m[1];
    const byte = (i: number): number => parseInt(h.slice(2 * i, 2 * i + 2), 16);
    return { r: byte(0), g: byte(1), b: byte(2), a: h.length === 8 ? byte(3) / 255 : 1 };
  }
  m = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(c);
  if (!m) return null;
  const clamp = (v: number): number => Math.max(0, Math.min(255, v));
  return {
    r: clamp(Number(m[1])),
    g: clamp(Number(m[2])),
    b: clamp(Number(m[3])),
    a: m[4] ? Math.min(1, Number(m[4])) : 1,
  };
}

function vizColour(colour: string): string {
  const c = rgbaOf(colour) ?? { r: 153, g: 153, b: 153, a: 1 };
  const alpha = c.a < 1 ? ` a="${formatNum(c.a, 3)}"` : '';
  return `<viz:color r="${c.r}" g="${c.g}" b="${c.b}"${alpha}/>`;
}

function attvalues(values: readonly (readonly [string, string | number | boolean | null])[]): string {
  const present = values.filter(([, v]) => v !== null && v !== '');
  if (present.length === 0) return '';
  const items = present.map(([id, v]) => `<attvalue for="${id}" value="${escapeXmlAttr(String(v))}"/>`);
  return `<attvalues>${items.join('')}</attvalues>`;
}

function declarations(cls: 'node' | 'edge', list: readonly (readonly [string, string])[]): string {
  const items = list.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`);
  return `    <attributes class="${cls}" mode="static">\n${items.join('\n')}\n    </attributes>`;
}

/**
 * The graph in view as GEXF 1.3 text. Collaborations carry `start`/`end` at full-date precision (a year 2017 runs
 * 2017-01-01 … 2017-12-31, open-ended ones have no end, undated ones neither) and their own precision in
 * `start_date`/`end_date`. graphology-gexf drops time data when reading; see {@link gexfTimes}.
 */
export function datasetToGexf(input: GexfInput): string {
  const { dataset, positions } = input;
  const theme = input.theme ?? 'light';
  const collabs = dataset.collaborations.filter((_c, j) => !input.collabVisible || input.collabVisible[j] === 1);
  const endpoints = new Set(collabs.flatMap((c) => [c.source, c.target]));
  const nodes: string[] = [];
  dataset.organisations.forEach((o, i) => {
    if (input.orgVisible && input.orgVisible[i] !== 1 && !endpoints.has(o.id)) return;
    const colour = input.nodeColour?.[i] ?? colourByType(ORGANISATION_TYPES.indexOf(o.type), theme);
    const x = positions[2 * i] ?? 0;
    const y = positions[2 * i + 1] ?? 0;
    const values = attvalues([
      ['type', o.type], ['country', o.country], ['nuts', o.nuts], ['city', o.city], ['lat', o.lat], ['lon', o.lon],
      ['founded', o.founded], ['members', o.members], ['employees', o.employees], ['themes', o.themes.join('|')],
      ['website', o.website], ['description', o.description], ['sources', o.sources.join('|')],
    ]); // prettier-ignore
    const viz = `${vizColour(colour)}<viz:position x="${formatNum(Number.isFinite(x) ? x : 0, 4)}" y="${formatNum(Number.isFinite(y) ? y : 0, 4)}"/><viz:size value="${formatNum(input.nodeSize?.[i] ?? 1, 3)}"/>`;
    nodes.push(`      <node id="${escapeXmlAttr(o.id)}" label="${escapeXmlAttr(o.name)}">${values}${viz}</node>`);
  });
  const edges = collabs.map((c) => {
    const time = c.start === null ? '' : ` start="${dayToIso(firstDay(c.start))}"`;
    const end = c.start !== null && c.end !== null ? ` end="${dayToIso(lastDay(c.end))}"` : '';
    const type = c.directed ? ' type="directed"' : '';
    const label = c.label === '' ? '' : ` label="${escapeXmlAttr(c.label)}"`;
    const values = attvalues([
      ['start_date', c.start === null ? null : formatPartialDate(c.start)],
      ['end_date', c.end === null ? null : formatPartialDate(c.end)],
      ['approximate', c.approximate],
      ['description', c.description],
      ['sources', c.sources.join('|')],
    ]);
    const colour = vizColour(colourByKind(COLLABORATION_KINDS.indexOf(c.kind), theme));
    return `      <edge id="${escapeXmlAttr(c.id)}" source="${escapeXmlAttr(c.source)}" target="${escapeXmlAttr(c.target)}"${type} kind="${escapeXmlAttr(c.kind)}"${label} weight="${formatNum(c.weight, 6)}"${time}${end}>${values}${colour}</edge>`;
  });
  return [
    XML_DECLARATION,
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${escapeXmlAttr(input.exportDate)}">`,
    '    <creator>Cluster Atlas</creator>',
    `    <description>${escapeXmlText(input.description ?? dataset.name)}</description>`,
    '  </meta>',
    '  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date" timerepresentation="interval">',
    declarations('node', NODE_ATTRIBUTES),
    declarations('edge', EDGE_ATTRIBUTES),
    '    <nodes>',
    ...nodes,
    '    </nodes>',
    '    <edges>',
    ...edges,
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

/** The part of a DOM document or element {@link gexfTimes} reads (browser DOM and @xmldom/xmldom both fit). */
export interface XmlNodeLike {
  getElementsByTagName(name: string): ArrayLike<XmlElementLike>;
}

export interface XmlElementLike extends XmlNodeLike {
  getAttribute(name: string): string | null;
}

export interface GexfInterval {
  readonly start: string | null;
  readonly end: string | null;
}

/**
 * The time data graphology-gexf drops: per edge id, its `start`/`end` attributes and any `<spell>`s, as written.
 * Takes a parsed document, so the caller chooses the DOMParser (browser or @xmldom/xmldom in Node).
 */
export function gexfTimes(doc: XmlNodeLike): Map<string, GexfInterval[]> {
  const out = new Map<string, GexfInterval[]>();
  const edges = doc.getElementsByTagName('edge');
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i];
    const id = edge?.getAttribute('id');
    if (!edge || !id) continue;
    const intervals: GexfInterval[] = [];
    const start = edge.getAttribute('start') || null;
    const end = edge.getAttribute('end') || null;
    if (start !== null || end !== null) intervals.push({ start, end });
    const spells = edge.getElementsByTagName('spell');
    for (let k = 0; k < spells.length; k++) {
      const s = spells[k];
      if (s) intervals.push({ start: s.getAttribute('start') || null, end: s.getAttribute('end') || null });
    }
    out.set(id, intervals);
  }
  return out;
}
