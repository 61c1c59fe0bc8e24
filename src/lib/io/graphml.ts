// Reads GraphML over the standard DOM, including `<key for="all">` and yEd's graphics keys (labels, positions, colours).
import type { ProblemLog } from './problems';
import { applyDateAttribute, isLabelTitle, TableBuilder, type GraphTables } from './graph-tables';
import { attr, childElements, descendants, finite, firstChild } from './xml-dom';

// graphology-graphml throws on the valid `for="all"` and on yEd's keys, so this small reader replaces it.

interface KeyDecl {
  readonly title: string;
  readonly type: string;
  /** node, edge, graph, all, … */
  readonly domain: string;
  /** yEd's `yfiles.type` (nodegraphics, edgegraphics, resources, …), '' for plain data keys. */
  readonly yfiles: string;
  readonly fallback: string;
}

function keyDeclarations(root: Element): Map<string, KeyDecl> {
  const keys = new Map<string, KeyDecl>();
  for (const k of childElements(root, 'key')) {
    keys.set(attr(k, 'id'), {
      title: attr(k, 'attr.name') || attr(k, 'id'),
      type: attr(k, 'attr.type'),
      domain: attr(k, 'for') || 'all',
      yfiles: attr(k, 'yfiles.type'),
      fallback: firstChild(k, 'default')?.textContent ?? '',
    });
  }
  return keys;
}

/** What yEd's graphics data says about an element: label, centre and colour. */
interface Graphics {
  label?: string;
  x?: number;
  y?: number;
  color?: string;
}

function yedGraphics(data: Element): Graphics {
  const g: Graphics = {};
  const label = [...descendants(data, 'NodeLabel'), ...descendants(data, 'EdgeLabel')][0];
  if (label) g.label = (label.textContent ?? '').trim();
  const geometry = descendants(data, 'Geometry')[0];
  if (geometry) {
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => finite(attr(geometry, a)));
    // yEd gives the top-left corner with y pointing down; store the centre with y up, as Gephi does.
    if (x !== null && x !== undefined && y !== null && y !== undefined) {
      g.x = x + (w ?? 0) / 2;
      g.y = -(y + (h ?? 0) / 2);
    }
  }
  const paint = descendants(data, 'Fill')[0] ?? descendants(data, 'LineStyle')[0];
  if (paint && attr(paint, 'color') !== '') g.color = attr(paint, 'color').slice(0, 7);
  return g;
}

/** Reads the `<data>` children of a node or edge into the row; returns yEd graphics and plain x/y/r/g/b values. */
function readData(
  el: Element,
  domain: 'node' | 'edge',
  keys: Map<string, KeyDecl>,
  table: TableBuilder,
  cells: string[],
) {
  const graphics: Graphics = {};
  const special = new Map<string, string>();
  const seen = new Set<string>();
  const write = (decl: KeyDecl, value: string) => {
    const lower = decl.title.toLowerCase();
    // Gephi's GraphML export stores the layout and colour as x, y, r, g, b keys.
    if (domain === 'node' && ['x', 'y', 'r', 'g', 'b'].includes(lower)) special.set(lower, value);
    else if (domain === 'node' && isLabelTitle(decl.title)) special.set('label', value);
    else cells[table.attributeColumn(decl.title, decl.type)] = value;
  };
  for (const d of childElements(el, 'data')) {
    const id = attr(d, 'key');
    const decl = keys.get(id) ?? { title: id, type: '', domain, yfiles: '', fallback: '' };
    seen.add(id);
    if (decl.yfiles.endsWith('graphics')) Object.assign(graphics, yedGraphics(d));
    else if (decl.yfiles === '') write(decl, (d.textContent ?? '').trim());
  }
  for (const [id, decl] of keys)
    if (!seen.has(id) && decl.fallback !== '' && (decl.domain === domain || decl.domain === 'all'))
      write(decl, decl.fallback);
  return { graphics, special };
}

/** Nodes and edges of a parsed GraphML document; null after reporting when it is not one. */
export function graphmlToTables(
  doc: Document,
  file: string,
  log: ProblemLog,
  dateAttribute?: string,
): GraphTables | null {
  const root = doc.documentElement;
  const where = { file, line: 0, field: '' };
  if (root.localName !== 'graphml' || !firstChild(root, 'graph')) {
    log.report(
      'error',
      'unrecognised-file',
      where,
      root.localName,
      'This XML file is not GraphML (no <graphml><graph>).',
    );
    return null;
  }
  const keys = keyDeclarations(root);
  const nodes = new TableBuilder();
  const positions: Record<string, [number, number]> = {};
  let hasPositions = false;
  descendants(root, 'node').forEach((el, i) => {
    const cells = nodes.row(`graph/node[${i + 1}]`);
    const id = attr(el, 'id');
    const { graphics, special } = readData(el, 'node', keys, nodes, cells);
    cells[nodes.column('@id')] = id;
    cells[nodes.column('@label')] = special.get('label') || graphics.label || id;
    const x = graphics.x ?? finite(special.get('x') ?? '');
    const y = graphics.y ?? finite(special.get('y') ?? '');
    if (x !== null && y !== null) {
      Object.defineProperty(positions, id, { value: [x, y], enumerable: true, writable: true, configurable: true });
      hasPositions = true;
    }
    const [r, g, b] = ['r', 'g', 'b'].map((c) => finite(special.get(c) ?? ''));
    const rgb = r !== null && g !== null && b !== null && r !== undefined && g !== undefined && b !== undefined;
    const color =
      graphics.color ?? (rgb ? `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}` : '');
    if (color) cells[nodes.column('color')] = color;
  });
  const edges = new TableBuilder();
  descendants(root, 'edge').forEach((el, i) => {
    const cells = edges.row(`graph/edge[${i + 1}]`);
    // The nearest enclosing <graph> gives the default direction; an edge's own `directed` overrides it.
    const graph = el.parentNode as Element | null;
    const edgedefault = graph ? attr(graph, 'edgedefault') : '';
    const own = attr(el, 'directed');
    const { graphics } = readData(el, 'edge', keys, edges, cells);
    cells[edges.column('@id')] = attr(el, 'id');
    cells[edges.column('@source')] = attr(el, 'source');
    cells[edges.column('@target')] = attr(el, 'target');
    cells[edges.column('@directed')] = own !== '' ? own : String(edgedefault === 'directed');
    if (graphics.label) cells[edges.column('@label')] = graphics.label;
    if (graphics.color) cells[edges.column('color')] = graphics.color;
  });
  const hyper = descendants(root, 'hyperedge').length;
  if (hyper > 0)
    log.report(
      'warning',
      'ignored-element',
      { ...where, path: 'graph/hyperedge' },
      String(hyper),
      'Hyperedges (links between more than two nodes) are not supported and were skipped.',
    );
  const dateAttributes = edges.dateAttributes();
  if (dateAttribute !== undefined && dateAttribute !== '') applyDateAttribute(edges, dateAttribute, file, log);
  return {
    organisations: nodes.build(file),
    collaborations: edges.build(file),
    positions: hasPositions ? positions : null,
    dateAttributes,
  };
}
