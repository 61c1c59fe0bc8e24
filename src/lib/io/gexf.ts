// Reads GEXF 1.1–1.3 in one streaming pass: nodes, edges, attributes, viz position/colour and all time data.
import type { ImportProblem } from '../model/errors';
import { problem, type ProblemLog } from './problems';
import { applyDateAttribute, TableBuilder, timeText, type GraphTables } from './graph-tables';
import { finite, rgbToHex } from './xml-dom';
import { scanXml, type XmlAttributes, type XmlHandler } from './xml-scan';
import { readXmlSafely } from './xml-safety';

// graphology-gexf is not used: it drops start/end/spells and never checks for truncation. A DOM (xmldom, then saxes
// into a light tree) took 13 s and 8 s of garbage collection for a 100 MB file; rows are now built as tags stream by.

interface AttributeDecl {
  readonly id: string;
  readonly cls: string;
  /** Index of its `<attributes>` in document order: the DOM reader took each group's children in turn. */
  readonly group: number;
  readonly title: string;
  readonly type: string;
  fallback: string;
}

/** What a node or edge element holds; cells are written when it closes, in the order the DOM reader wrote them. */
interface Item {
  readonly cells: string[];
  readonly path: string;
  readonly attrs: Attrs;
  readonly values: [id: string, value: string][];
  readonly spells: [start: string, end: string][];
  readonly stamps: string[];
  /** First viz child of each kind, by its index in VIZ: its attributes. */
  readonly viz: (Attrs | undefined)[];
}

/** Problems held back until the file is known to be well-formed, then replayed nodes first, as the DOM reader did. */
class Held {
  readonly list: ImportProblem[] = [];
  report(...args: Parameters<ProblemLog['report']>): void {
    this.list.push(problem(...args));
  }
}

// What an open element is to the reader; a stack of these replaces the tree.
const OTHER = 0;
const ROOT = 1;
const GRAPH = 2;
const NODE = 3;
const EDGE = 4;
const ATTVALUES = 5;
const SPELLS = 6;
const TIMESTAMPS = 7;
const GROUP = 8;
const ATTRIBUTE = 9;
const DEFAULT = 10;
const VIZ = ['position', 'color', 'size', 'thickness'];
const [POSITION, COLOR, SIZE, THICKNESS] = [0, 1, 2, 3];

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/** Attributes kept past their tag as name, value, name, value…: a Map each for 300,000 elements kept the GC busy. */
type Attrs = readonly string[];

const copy = (attributes: XmlAttributes): Attrs => {
  const out: string[] = [];
  for (let i = 0; i < attributes.count; i++) out.push(attributes.names[i] ?? '', attributes.values[i] ?? '');
  return out;
};

function get(attrs: Attrs | undefined, name: string): string {
  if (attrs) for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1] ?? '';
  return '';
}

/** One text node of a `<default>` (or of an element inside it), and whether it came from an element. */
type TextPart = [text: string, element: boolean];
const WHITESPACE = /^[ \t\r\n]*$/;

class GexfReader implements XmlHandler {
  readonly nodes = new TableBuilder();
  readonly edges = new TableBuilder();
  readonly positions: Record<string, [number, number]> = {};
  hasPositions = false;
  /** Local and qualified name of the root element. */
  rootName = '';
  rootQName = '';
  version = '';
  hasGraph = false;
  /** Declarations met after a node or edge (or around one): the file is read again with all of them known. */
  late = false;
  readonly nodeProblems = new Held();
  readonly edgeProblems = new Held();
  private readonly roles: number[] = [];
  private readonly declared: AttributeDecl[] = [];
  private decls: { node: Map<string, AttributeDecl>; edge: Map<string, AttributeDecl> } | null;
  /** Index and `class` of each open `<attributes>`, innermost last. */
  private readonly groups: { index: number; cls: string }[] = [];
  private groupCount = 0;
  /** Each open `<attribute>` with whether its first `<default>` was met. */
  private readonly attributeStack: { decl: AttributeDecl; hadDefault: boolean }[] = [];
  private defaultType = 'undirected';
  private graphClosed = false;
  private readonly openItems: { NODE: Item[]; EDGE: Item[] } = { NODE: [], EDGE: [] };
  private readonly pending: { NODE: Item[]; EDGE: Item[] } = { NODE: [], EDGE: [] };
  private nodeCount = 0;
  private edgeCount = 0;
  /** Text nodes of the open elements inside a `<default>`, innermost last; `target` is set on the default itself. */
  private readonly capture: { parts: TextPart[]; hasElement: boolean; target: AttributeDecl | null }[] = [];

  constructor(
    private readonly file: string,
    known: readonly AttributeDecl[] | null,
  ) {
    this.decls = known ? declarations(known) : null;
    this.given = known !== null;
  }

  /** Whether the declarations came from a first read. */
  private readonly given: boolean;

  get allDeclarations(): readonly AttributeDecl[] {
    return this.declared;
  }

  wantsText(): boolean {
    return this.capture.length > 0;
  }

  text(text: string): void {
    this.capture[this.capture.length - 1]?.parts.push([text, false]);
  }

  open(name: string, attributes: XmlAttributes): void {
    const parent = this.roles.length === 0 ? -1 : (this.roles[this.roles.length - 1] ?? OTHER);
    const role = this.role(parent, localName(name), name, attributes);
    this.roles.push(role);
    if (role === DEFAULT) {
      const open = this.attributeStack[this.attributeStack.length - 1]!;
      open.hadDefault = true;
      this.capture.push({ parts: [], hasElement: false, target: open.decl });
    } else if (this.capture.length > 0) this.capture.push({ parts: [], hasElement: false, target: null });
  }

  private role(parent: number, local: string, name: string, attributes: XmlAttributes): number {
    if (parent === -1) {
      this.rootName = local;
      this.rootQName = name;
      this.version = attributes.get('version');
      return ROOT;
    }
    if (parent === ROOT && local === 'graph' && !this.hasGraph) {
      this.hasGraph = true;
      this.defaultType = attributes.get('defaultedgetype') || 'undirected';
      return GRAPH;
    }
    if (!this.hasGraph || this.graphClosed || parent === ROOT) return OTHER;
    if (local === 'node') return this.item('NODE', attributes);
    if (local === 'edge') return this.item('EDGE', attributes);
    if (local === 'attributes') {
      if (!this.given && this.nodeCount + this.edgeCount > 0) this.late = true;
      this.groups.push({ index: this.groupCount++, cls: attributes.get('class') });
      return GROUP;
    }
    if (parent === NODE || parent === EDGE) {
      const item = this.top(parent);
      if (local === 'attvalues') return ATTVALUES;
      if (local === 'spells') return SPELLS;
      if (local === 'timestamps') return TIMESTAMPS;
      const viz = VIZ.indexOf(local);
      if (viz !== -1 && !item.viz[viz]) item.viz[viz] = copy(attributes);
      return OTHER;
    }
    if (parent === ATTVALUES && local === 'attvalue') {
      const item = this.top(this.itemRole());
      item.values.push([attributes.get('for') || attributes.get('id'), attributes.get('value')]);
    } else if (parent === SPELLS && local === 'spell') {
      const start = attributes.get('start') || attributes.get('startopen');
      this.top(this.itemRole()).spells.push([start, attributes.get('end') || attributes.get('endopen')]);
    } else if (parent === TIMESTAMPS && local === 'timestamp') {
      this.top(this.itemRole()).stamps.push(attributes.get('value'));
    } else if (parent === GROUP && local === 'attribute') {
      const { index, cls } = this.groups[this.groups.length - 1]!;
      const id = attributes.get('id');
      const title = attributes.get('title') || id;
      const decl = { id, cls, group: index, title, type: attributes.get('type'), fallback: '' };
      this.declared.push(decl);
      this.attributeStack.push({ decl, hadDefault: false });
      return ATTRIBUTE;
    } else if (
      parent === ATTRIBUTE &&
      local === 'default' &&
      !this.attributeStack[this.attributeStack.length - 1]!.hadDefault
    ) {
      return DEFAULT;
    }
    return OTHER;
  }

  /** NODE or EDGE: the element that holds the open `<attvalues>`/`<spells>`/`<timestamps>`. */
  private itemRole(): number {
    return this.roles[this.roles.length - 2] ?? OTHER;
  }

  private top(role: number): Item {
    const stack = role === NODE ? this.openItems.NODE : this.openItems.EDGE;
    return stack[stack.length - 1]!;
  }

  private item(kind: 'NODE' | 'EDGE', attributes: XmlAttributes): number {
    // Declarations are complete once the first row starts, unless more follow (then `late` forces a second read).
    if (this.decls === null) {
      if (this.groups.length > 0) this.late = true;
      this.decls = declarations(this.declared);
    }
    const table = kind === 'NODE' ? this.nodes : this.edges;
    const path = kind === 'NODE' ? `nodes/node[${++this.nodeCount}]` : `edges/edge[${++this.edgeCount}]`;
    const item: Item = {
      cells: table.row(path),
      path,
      attrs: copy(attributes),
      values: [],
      spells: [],
      stamps: [],
      viz: [],
    };
    this.openItems[kind].push(item);
    this.pending[kind].push(item);
    return kind === 'NODE' ? NODE : EDGE;
  }

  close(): void {
    const role = this.roles.pop();
    if (this.capture.length > 0) this.closeCaptured();
    if (role === GRAPH) this.graphClosed = true;
    else if (role === GROUP) this.groups.pop();
    else if (role === ATTRIBUTE) this.attributeStack.pop();
    else if (role === NODE || role === EDGE) {
      const kind = role === NODE ? 'NODE' : 'EDGE';
      this.openItems[kind].pop();
      // Nested nodes are written parent first, as the DOM reader's document-order walk did.
      if (this.openItems[kind].length === 0) {
        for (const item of this.pending[kind])
          if (kind === 'NODE') this.writeNode(item);
          else this.writeEdge(item);
        this.pending[kind].length = 0;
      }
    }
  }

  /** textContent as the light tree gave it: white space between child elements is dropped. */
  private closeCaptured(): void {
    const frame = this.capture.pop()!;
    const text = frame.parts
      .filter(([t, element]) => element || !frame.hasElement || !WHITESPACE.test(t))
      .map(([t]) => t)
      .join('');
    if (frame.target) frame.target.fallback = text;
    const parent = this.capture[this.capture.length - 1];
    if (parent) {
      parent.parts.push([text, true]);
      parent.hasElement = true;
    }
  }

  private writeNode(item: Item): void {
    const { nodes: table, file } = this;
    const { cells, attrs, path } = item;
    const log = this.nodeProblems;
    const id = get(attrs, 'id');
    cells[table.column('@id')] = id;
    cells[table.column('@label')] = get(attrs, 'label') || id;
    this.writeAttributes(item, this.decls!.node, table);
    const pos = item.viz[POSITION];
    if (pos) {
      const x = finite(get(pos, 'x'));
      const y = finite(get(pos, 'y'));
      if (x !== null && y !== null) {
        Object.defineProperty(this.positions, id, {
          value: [x, y],
          enumerable: true,
          writable: true,
          configurable: true,
        });
        this.hasPositions = true;
      } else
        log.report(
          'warning',
          'invalid-number',
          { file, line: 0, field: 'viz:position', path },
          `${get(pos, 'x')} ${get(pos, 'y')}`,
          'The position is not a pair of numbers; it is ignored.',
        );
    }
    const color = vizColor(item);
    if (color) cells[table.column('color')] = color;
    const size = item.viz[SIZE];
    if (size) cells[table.column('size')] = get(size, 'value');
    // Organisations have no period: keep node times as text attributes.
    for (const [h, v] of [
      ['start', get(attrs, 'start')],
      ['end', get(attrs, 'end')],
      ['spells', spellsText(item, file, log)],
    ] as const)
      if (v !== '') cells[table.attributeColumn(h, 'time')] = v;
    const parent = get(attrs, 'pid');
    if (parent !== '') cells[table.attributeColumn('parent', 'string')] = parent;
  }

  private writeEdge(item: Item): void {
    const { edges: table, file } = this;
    const { cells, attrs, path } = item;
    const log = this.edgeProblems;
    cells[table.column('@id')] = get(attrs, 'id');
    cells[table.column('@source')] = get(attrs, 'source');
    cells[table.column('@target')] = get(attrs, 'target');
    cells[table.column('@label')] = get(attrs, 'label');
    cells[table.column('@weight')] = get(attrs, 'weight');
    cells[table.column('@kind')] = get(attrs, 'kind');
    cells[table.column('@directed')] = String((get(attrs, 'type') || this.defaultType) === 'directed');
    cells[table.column('@start')] = timeText(get(attrs, 'start') || get(attrs, 'startopen'), file, path, log);
    cells[table.column('@end')] = timeText(get(attrs, 'end') || get(attrs, 'endopen'), file, path, log);
    cells[table.column('@spells')] = spellsText(item, file, log);
    this.writeAttributes(item, this.decls!.edge, table);
    const color = vizColor(item);
    if (color) cells[table.column('color')] = color;
    const thickness = item.viz[THICKNESS];
    if (thickness) cells[table.column('thickness')] = get(thickness, 'value');
  }

  /** Writes attvalues (the last value wins for dynamic attributes) and declared defaults into the row. */
  private writeAttributes(item: Item, decls: Map<string, AttributeDecl>, table: TableBuilder): void {
    const { cells, values } = item;
    for (const [id, value] of values) {
      const decl = decls.get(id);
      cells[table.attributeColumn(decl?.title ?? id, decl?.type ?? '')] = value;
    }
    for (const [id, decl] of decls)
      if (decl.fallback !== '' && !values.some(([v]) => v === id))
        cells[table.attributeColumn(decl.title, decl.type)] = decl.fallback;
  }
}

/** `<attributes class="node|edge">` declarations by id, later ones replacing earlier ones. */
function declarations(declared: readonly AttributeDecl[]) {
  const node = new Map<string, AttributeDecl>();
  const edge = new Map<string, AttributeDecl>();
  const inOrder = [...declared].sort((a, b) => a.group - b.group);
  for (const d of inOrder) (d.cls === 'node' ? node : d.cls === 'edge' ? edge : null)?.set(d.id, d);
  return { node, edge };
}

/** `#rrggbb` of a viz:color (`hex` in 1.3, r/g/b in all versions). */
function vizColor(item: Item): string | null {
  const c = item.viz[COLOR];
  if (!c) return null;
  const hex = get(c, 'hex');
  return hex !== '' ? hex : rgbToHex(get(c, 'r'), get(c, 'g'), get(c, 'b'));
}

/** Gephi interval notation for an element's spells and timestamps, so one parser reads CSV and GEXF times. */
function spellsText(item: Item, file: string, log: Held): string {
  const groups: string[] = [];
  const bound = (v: string, open: string) => (v === '' ? open : timeText(v, file, item.path, log) || open);
  for (const [start, end] of item.spells) groups.push(`[${bound(start, '-Infinity')}, ${bound(end, 'Infinity')}]`);
  for (const t of [get(item.attrs, 'timestamp'), ...item.stamps]) if (t !== '') groups.push(`[${bound(t, '')}]`);
  return groups.length === 0 ? '' : `<${groups.join('; ')}>`;
}

/** Scans the text; a second time, with every declaration known, when some came after the first node or edge. */
function scan(text: string, file: string): { value: GexfReader; root: string } {
  let reader = new GexfReader(file, null);
  scanXml(text, reader);
  if (reader.late) {
    reader = new GexfReader(file, reader.allDeclarations);
    scanXml(text, reader);
  }
  return { value: reader, root: reader.rootQName };
}

/**
 * Nodes and edges of a GEXF file; null after reporting when it is unsafe, malformed, cut short or not GEXF.
 * Entity-declaring DOCTYPEs are refused before scanning.
 */
export function gexfToTables(text: string, file: string, log: ProblemLog, dateAttribute?: string): GraphTables | null {
  const read = readXmlSafely(text, file, (t) => scan(t, file));
  if (!read.ok) {
    log.add(read.problem);
    return null;
  }
  const reader = read.value;
  const where = { file, line: 0, field: '' };
  if (reader.rootName !== 'gexf' || !reader.hasGraph) {
    log.report(
      'error',
      'unrecognised-file',
      where,
      reader.rootName,
      'This XML file is not GEXF (no <gexf><graph>). Export it from Gephi as GEXF.',
    );
    return null;
  }
  const { version, nodes, edges } = reader;
  if (version !== '' && !['1.1', '1.2', '1.3'].includes(version))
    log.report('warning', 'unsupported-version', where, version, 'Read as GEXF 1.3; check the result.');
  log.addAll(reader.nodeProblems.list);
  log.addAll(reader.edgeProblems.list);
  const dateAttributes = edges.dateAttributes();
  if (dateAttribute !== undefined && dateAttribute !== '') applyDateAttribute(edges, dateAttribute, file, log);
  return {
    organisations: nodes.build(file),
    collaborations: edges.build(file),
    positions: reader.hasPositions ? reader.positions : null,
    dateAttributes,
  };
}
