// Reads GEXF 1.1–1.3 over the standard DOM: nodes, edges, attributes, viz position/colour and all time data.
import type { ProblemLog } from './problems';
import { applyDateAttribute, TableBuilder, timeText, type GraphTables } from './graph-tables';
import { attr, childElements, descendants, finite, firstChild, rgbToHex } from './xml-dom';

// graphology-gexf is not used: it drops start/end/spells, never checks <parsererror>, and would need this DOM pass
// anyway for time data and element paths; reading the DOM directly is one pass and ~150 lines.

interface AttributeDecl {
  readonly title: string;
  readonly type: string;
  readonly fallback: string;
}

/** `<attributes class="node|edge">` declarations by id. */
function declarations(graph: Element, cls: 'node' | 'edge'): Map<string, AttributeDecl> {
  const decls = new Map<string, AttributeDecl>();
  for (const group of descendants(graph, 'attributes')) {
    if (attr(group, 'class') !== cls) continue;
    for (const a of childElements(group, 'attribute')) {
      const fallback = firstChild(a, 'default')?.textContent ?? '';
      decls.set(attr(a, 'id'), { title: attr(a, 'title') || attr(a, 'id'), type: attr(a, 'type'), fallback });
    }
  }
  return decls;
}

/** Writes attvalues (the last value wins for dynamic attributes) and declared defaults into the row. */
function writeAttributes(el: Element, decls: Map<string, AttributeDecl>, table: TableBuilder, cells: string[]): void {
  const seen = new Set<string>();
  for (const holder of childElements(el, 'attvalues'))
    for (const v of childElements(holder, 'attvalue')) {
      const id = attr(v, 'for') || attr(v, 'id');
      const decl = decls.get(id);
      seen.add(id);
      cells[table.attributeColumn(decl?.title ?? id, decl?.type ?? '')] = attr(v, 'value');
    }
  for (const [id, decl] of decls)
    if (!seen.has(id) && decl.fallback !== '') cells[table.attributeColumn(decl.title, decl.type)] = decl.fallback;
}

/** `#rrggbb` of a viz:color (`hex` in 1.3, r/g/b in all versions). */
function vizColor(el: Element): string | null {
  const c = firstChild(el, 'color');
  if (!c) return null;
  const hex = attr(c, 'hex');
  return hex !== '' ? hex : rgbToHex(attr(c, 'r'), attr(c, 'g'), attr(c, 'b'));
}

/** Gephi interval notation for an element's spells and timestamps, so one parser reads CSV and GEXF times. */
function spellsText(el: Element, file: string, path: string, log: ProblemLog): string {
  const groups: string[] = [];
  const bound = (v: string, open: string) => (v === '' ? open : timeText(v, file, path, log) || open);
  for (const holder of childElements(el, 'spells'))
    for (const s of childElements(holder, 'spell')) {
      const start = attr(s, 'start') || attr(s, 'startopen');
      const end = attr(s, 'end') || attr(s, 'endopen');
      groups.push(`[${bound(start, '-Infinity')}, ${bound(end, 'Infinity')}]`);
    }
  const stamps = [
    attr(el, 'timestamp'),
    ...childElements(el, 'timestamps').flatMap((t) => childElements(t, 'timestamp').map((s) => attr(s, 'value'))),
  ];
  for (const t of stamps) if (t !== '') groups.push(`[${bound(t, '')}]`);
  return groups.length === 0 ? '' : `<${groups.join('; ')}>`;
}

/** Nodes and edges of a parsed GEXF document; null after reporting when it is not one. */
export function gexfToTables(doc: Document, file: string, log: ProblemLog, dateAttribute?: string): GraphTables | null {
  const root = doc.documentElement;
  const graph = firstChild(root, 'graph');
  const where = { file, line: 0, field: '' };
  if (root.localName !== 'gexf' || !graph) {
    log.report(
      'error',
      'unrecognised-file',
      where,
      root.localName,
      'This XML file is not GEXF (no <gexf><graph>). Export it from Gephi as GEXF.',
    );
    return null;
  }
  const version = attr(root, 'version');
  if (version !== '' && !['1.1', '1.2', '1.3'].includes(version))
    log.report('warning', 'unsupported-version', where, version, 'Read as GEXF 1.3; check the result.');
  const nodeDecls = declarations(graph, 'node');
  const edgeDecls = declarations(graph, 'edge');
  const nodes = new TableBuilder();
  const positions: Record<string, [number, number]> = {};
  let hasPositions = false;
  descendants(graph, 'node').forEach((el, i) => {
    const path = `nodes/node[${i + 1}]`;
    const cells = nodes.row(path);
    const id = attr(el, 'id');
    cells[nodes.column('@id')] = id;
    cells[nodes.column('@label')] = attr(el, 'label') || id;
    writeAttributes(el, nodeDecls, nodes, cells);
    const pos = firstChild(el, 'position');
    if (pos) {
      const x = finite(attr(pos, 'x'));
      const y = finite(attr(pos, 'y'));
      if (x !== null && y !== null) {
        Object.defineProperty(positions, id, { value: [x, y], enumerable: true, writable: true, configurable: true });
        hasPositions = true;
      } else
        log.report(
          'warning',
          'invalid-number',
          { ...where, field: 'viz:position', path },
          `${attr(pos, 'x')} ${attr(pos, 'y')}`,
          'The position is not a pair of numbers; it is ignored.',
        );
    }
    const color = vizColor(el);
    if (color) cells[nodes.column('color')] = color;
    const size = firstChild(el, 'size');
    if (size) cells[nodes.column('size')] = attr(size, 'value');
    // Organisations have no period: keep node times as text attributes.
    for (const [h, v] of [
      ['start', attr(el, 'start')],
      ['end', attr(el, 'end')],
      ['spells', spellsText(el, file, path, log)],
    ] as const)
      if (v !== '') cells[nodes.attributeColumn(h, 'time')] = v;
    const parent = attr(el, 'pid');
    if (parent !== '') cells[nodes.attributeColumn('parent', 'string')] = parent;
  });
  const edges = new TableBuilder();
  const defaultType = attr(graph, 'defaultedgetype') || 'undirected';
  descendants(graph, 'edge').forEach((el, i) => {
    const path = `edges/edge[${i + 1}]`;
    const cells = edges.row(path);
    cells[edges.column('@id')] = attr(el, 'id');
    cells[edges.column('@source')] = attr(el, 'source');
    cells[edges.column('@target')] = attr(el, 'target');
    cells[edges.column('@label')] = attr(el, 'label');
    cells[edges.column('@weight')] = attr(el, 'weight');
    cells[edges.column('@kind')] = attr(el, 'kind');
    cells[edges.column('@directed')] = String((attr(el, 'type') || defaultType) === 'directed');
    cells[edges.column('@start')] = timeText(attr(el, 'start') || attr(el, 'startopen'), file, path, log);
    cells[edges.column('@end')] = timeText(attr(el, 'end') || attr(el, 'endopen'), file, path, log);
    cells[edges.column('@spells')] = spellsText(el, file, path, log);
    writeAttributes(el, edgeDecls, edges, cells);
    const color = vizColor(el);
    if (color) cells[edges.column('color')] = color;
    const thickness = firstChild(el, 'thickness');
    if (thickness) cells[edges.column('thickness')] = attr(thickness, 'value');
  });
  const dateAttributes = edges.dateAttributes();
  if (dateAttribute !== undefined && dateAttribute !== '') applyDateAttribute(edges, dateAttribute, file, log);
  return {
    organisations: nodes.build(file),
    collaborations: edges.build(file),
    positions: hasPositions ? positions : null,
    dateAttributes,
  };
}
