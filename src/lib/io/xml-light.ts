// A small read-only XML tree built by the streaming parser saxes, with just the DOM surface the GraphML reader uses.
// @xmldom/xmldom took ~30 s and most of the heap for a 100 MB file in the worker; GEXF skips trees (xml-scan.ts).
import { SaxesParser } from 'saxes';

type LightNode = LightElement | LightText;

class LightText {
  readonly nodeType = 3;
  nextSibling: LightNode | null = null;
  parentNode: LightElement | null = null;
  constructor(readonly textContent: string) {}
}

const WHITESPACE = /^[ \t\r\n]*$/;

/** An element: qualified name, local name (after the prefix), attributes by qualified name, line of its start tag. */
class LightElement {
  readonly nodeType = 1;
  firstChild: LightNode | null = null;
  nextSibling: LightNode | null = null;
  parentNode: LightElement | null = null;
  /** Children while the element is open; linked into firstChild/nextSibling when it closes. */
  pending: LightNode[] | null = [];

  constructor(
    readonly nodeName: string,
    readonly localName: string,
    private readonly attributes: Record<string, string>,
    readonly line: number,
  ) {}

  getAttribute(name: string): string | null {
    return Object.hasOwn(this.attributes, name) ? (this.attributes[name] ?? null) : null;
  }

  get textContent(): string {
    let out = '';
    for (let n = this.firstChild; n !== null; n = n.nextSibling) out += n.textContent;
    return out;
  }

  /** Descendants in document order whose local name matches (`namespace` is ignored: the readers pass `*`). */
  getElementsByTagNameNS(_namespace: string, localName: string): LightElement[] {
    return this.collect((e) => localName === '*' || e.localName === localName);
  }

  getElementsByTagName(name: string): LightElement[] {
    return this.collect((e) => name === '*' || e.nodeName === name);
  }

  /** Links the children; whitespace between child elements (indentation) is dropped, as no reader needs it. */
  close(): void {
    let children = this.pending ?? [];
    this.pending = null;
    if (children.some((c) => c.nodeType === 1)) {
      children = children.filter((c) => c.nodeType === 1 || !WHITESPACE.test(c.textContent));
    }
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      child.parentNode = this;
      child.nextSibling = children[i + 1] ?? null;
    }
    this.firstChild = children[0] ?? null;
  }

  private collect(match: (e: LightElement) => boolean): LightElement[] {
    const out: LightElement[] = [];
    // Iterative pre-order walk: deep files must not overflow the stack.
    const stack: LightNode[] = [];
    for (let n = this.firstChild; n !== null; n = n.nextSibling) stack.push(n);
    stack.reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (n.nodeType !== 1) continue;
      if (match(n)) out.push(n);
      const kids: LightNode[] = [];
      for (let c = n.firstChild; c !== null; c = c.nextSibling) kids.push(c);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    return out;
  }
}

/** 1-based number of the last line holding anything but white space. */
function lastLine(text: string): number {
  const end = text.trimEnd().length;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

class LightDocument {
  readonly nodeType = 9;
  constructor(readonly documentElement: LightElement) {}
  getElementsByTagNameNS(namespace: string, localName: string): LightElement[] {
    const e = this.documentElement;
    const self = localName === '*' || e.localName === localName ? [e] : [];
    return [...self, ...e.getElementsByTagNameNS(namespace, localName)];
  }
  getElementsByTagName(name: string): LightElement[] {
    const e = this.documentElement;
    return [...(name === '*' || e.nodeName === name ? [e] : []), ...e.getElementsByTagName(name)];
  }
}

/**
 * Parses XML into the light tree; throws `Error("line L, column C: reason")` on malformed or truncated input
 * (saxes names the unclosed element). DOCTYPE internal subsets are not expanded: callers refuse entity
 * declarations before parsing (`unsafeXml`), and an undefined entity is an error here.
 */
export function parseXmlLight(text: string): Document {
  const parser = new SaxesParser({ position: true });
  const open: LightElement[] = [];
  let root: LightElement | null = null;
  let ending = false;
  parser.on('error', (e) => {
    // saxes writes "line:column: reason"; say it in words so the import report can point at the line.
    const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(e.message);
    if (!m) throw new Error(e.message);
    // A file cut short fails at its very end: point at its last written line, not the empty one after it.
    if (ending) throw new Error(`line ${lastLine(text)}: ${m[3]}`);
    throw new Error(`line ${m[1]}, column ${m[2]}: ${m[3]}`);
  });
  parser.on('opentag', (tag) => {
    const colon = tag.name.indexOf(':');
    const el = new LightElement(
      tag.name,
      colon === -1 ? tag.name : tag.name.slice(colon + 1),
      tag.attributes as Record<string, string>,
      parser.line,
    );
    const parent = open[open.length - 1];
    if (parent) parent.pending!.push(el);
    else root = el;
    // saxes emits closetag for a self-closing tag too, which closes it.
    open.push(el);
  });
  parser.on('closetag', () => open.pop()?.close());
  parser.on('text', (t) => open[open.length - 1]?.pending!.push(new LightText(t)));
  parser.on('cdata', (t) => open[open.length - 1]?.pending!.push(new LightText(t)));
  parser.write(text);
  ending = true;
  parser.close();
  if (!root) throw new Error('no root element');
  return new LightDocument(root) as unknown as Document;
}
