// Tree-free XML tokenizer over a whole string: tags, attributes and text go straight to a handler, so a 100 MB GEXF
// never becomes millions of objects (saxes + a light tree spent most of its time in the garbage collector).
import { lineAt } from './xml-safety';

/** The attributes of the tag being reported; reused for every tag, so read them before returning from `open`. */
export class XmlAttributes {
  readonly names: string[] = [];
  readonly values: string[] = [];
  count = 0;

  /** The value by qualified name, or '' when absent (as `attr()` over a DOM). */
  get(name: string): string {
    for (let i = 0; i < this.count; i++) if (this.names[i] === name) return this.values[i] ?? '';
    return '';
  }
}

export interface XmlHandler {
  /** Whether `text` wants character data now; when false the scanner only checks it. */
  wantsText(): boolean;
  /** A start tag by qualified name; a self-closing tag is followed by `close`. */
  open(name: string, attributes: XmlAttributes): void;
  close(name: string): void;
  /** One run of character data between two pieces of markup, or one CDATA section, with entities resolved. */
  text(text: string): void;
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// XML 1.0 (fifth edition) Name production.
const START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
// eslint-disable-next-line no-misleading-character-class -- code point ranges of the Name production, not text
const NAME = new RegExp(`^[${START}][${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*$`, 'u');
// Characters XML 1.0 forbids anywhere: C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates. The
// lone-surrogate pattern is slow on 100 MB, so it runs only when the text holds a surrogate at all.
// eslint-disable-next-line no-control-regex -- these control characters are what XML forbids
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Offset of the first character XML forbids, or -1. */
function forbiddenAt(text: string): number {
  const control = CONTROL.exec(text)?.index ?? -1;
  const lone = SURROGATE.test(text) ? (LONE_SURROGATE.exec(text)?.index ?? -1) : -1;
  return control === -1 ? lone : lone === -1 ? control : Math.min(control, lone);
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
const isChar = (n: number): boolean =>
  n === 0x9 ||
  n === 0xa ||
  n === 0xd ||
  (n >= 0x20 && n <= 0xd7ff) ||
  (n >= 0xe000 && n <= 0xfffd) ||
  (n >= 0x10000 && n <= 0x10ffff);

/** Thrown for malformed XML; the message reads "line L, column C: reason" like the saxes-based tree's. */
class XmlError extends Error {}

/** Scans one XML document; throws `Error("line L[, column C]: reason")` at the first well-formedness error. */
export function scanXml(text: string, handler: XmlHandler): void {
  new Scanner(text, handler).run();
}

class Scanner {
  private pos = 0;
  private readonly open: string[] = [];
  /** Checked names by first and last character and length: a hit is confirmed in place, without a slice. */
  private readonly names = new Map<number, string>();
  private readonly attributes = new XmlAttributes();
  private sawRoot = false;
  private closedRoot = false;
  private sawDoctype = false;
  // Next '&' and ']]>' at or after the scan position: one indexOf each per occurrence keeps text checks linear.
  private nextAmp = -1;
  private nextCdataEnd = -1;

  constructor(
    private readonly text: string,
    private readonly handler: XmlHandler,
  ) {}

  run(): void {
    const forbidden = forbiddenAt(this.text);
    try {
      this.scan();
    } catch (e) {
      // The first error in document order wins, as in a streaming parser.
      if (forbidden !== -1 && e instanceof XmlError && forbidden < this.pos)
        this.fail('disallowed character.', forbidden);
      throw e;
    }
    if (forbidden !== -1) this.fail('disallowed character.', forbidden);
  }

  private scan(): void {
    const { text } = this;
    const n = text.length;
    this.nextAmp = text.indexOf('&');
    this.nextCdataEnd = text.indexOf(']]>');
    while (this.pos < n) {
      const lt = text.indexOf('<', this.pos);
      const end = lt === -1 ? n : lt;
      if (end > this.pos) this.characters(this.pos, end);
      if (lt === -1) break;
      this.markup(lt);
    }
    this.pos = n;
    if (!this.sawRoot) this.failAtEnd('document must contain a root element.');
    const unclosed = this.open[this.open.length - 1];
    if (unclosed !== undefined) this.failAtEnd(`unclosed tag: ${unclosed}`);
  }

  /** Character data in [start, end): checked, and passed on only when the handler wants it. */
  private characters(start: number, end: number): void {
    const { text } = this;
    this.pos = start;
    if (this.open.length === 0) {
      for (let i = start; i < end; i++)
        if (!isSpace(text.charCodeAt(i))) this.fail('text data outside of root node.', i);
      this.pos = end;
      return;
    }
    if (this.nextCdataEnd !== -1 && this.nextCdataEnd < start) this.nextCdataEnd = text.indexOf(']]>', start);
    if (this.nextCdataEnd !== -1 && this.nextCdataEnd < end)
      this.fail('the string "]]>" is disallowed in char data.', this.nextCdataEnd);
    if (this.nextAmp !== -1 && this.nextAmp < start) this.nextAmp = text.indexOf('&', start);
    const hasEntity = this.nextAmp !== -1 && this.nextAmp < end;
    if (hasEntity || this.handler.wantsText()) {
      const value = this.decode(start, end, false);
      if (this.handler.wantsText()) this.handler.text(value);
    }
    this.pos = end;
  }

  /** Text of [start, end) with references resolved, CR LF → LF, and in attributes white space → space. */
  private decode(start: number, end: number, attribute: boolean): string {
    const { text } = this;
    let out = '';
    let from = start;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x26) {
        const semi = text.indexOf(';', i + 1);
        if (semi === -1 || semi >= end) this.fail('disallowed character in entity name.', i);
        out += text.slice(from, i) + this.entity(text.slice(i + 1, semi), i);
        i = semi;
        from = semi + 1;
      } else if (c === 0x0d) {
        out += `${text.slice(from, i)}${attribute ? ' ' : '\n'}`;
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        from = i + 1;
      } else if (attribute && (c === 0x0a || c === 0x09)) {
        out += `${text.slice(from, i)} `;
        from = i + 1;
      }
    }
    return from === start ? text.slice(start, end) : out + text.slice(from, end);
  }

  private entity(name: string, at: number): string {
    if (name.charCodeAt(0) === 0x23) {
      const hex = /^#x[0-9a-f]+$/i.test(name);
      const n = hex ? parseInt(name.slice(2), 16) : /^#[0-9]+$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
      if (!isChar(n)) this.fail('malformed character entity.', at);
      return String.fromCodePoint(n);
    }
    const value = Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
    if (value === undefined)
      this.fail(
        name === ''
          ? 'empty entity name.'
          : NAME.test(name)
            ? 'undefined entity.'
            : 'disallowed character in entity name.',
        at,
      );
    return value;
  }

  private markup(lt: number): void {
    const { text } = this;
    this.pos = lt;
    const c = text.charCodeAt(lt + 1);
    if (c === 0x2f) this.closeTag(lt + 2);
    else if (c === 0x21) this.bang(lt);
    else if (c === 0x3f) this.instruction(lt);
    else this.openTag(lt + 1);
  }

  /** The end of a name starting at `from`: the first white space, `/`, `>`, `=`, quote or `<`. */
  private nameEnd(from: number): number {
    const { text } = this;
    let i = from;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d || c === 0x22 || c === 0x27 || c === 0x3c) break;
    }
    return i;
  }

  private name(from: number, end: number, what: string): string {
    const { text } = this;
    // Millions of tags repeat a handful of names: reuse the checked string instead of slicing a new one each time.
    const key = ((text.charCodeAt(from) * 0x10000 + text.charCodeAt(end - 1)) * 0x100 + (end - from)) | 0;
    const known = this.names.get(key);
    if (known !== undefined && known.length === end - from && text.startsWith(known, from)) return known;
    const name = text.slice(from, end);
    if (!NAME.test(name)) this.fail(`disallowed character in ${what}.`, from);
    this.names.set(key, name);
    return name;
  }

  private skipSpaces(from: number): number {
    let i = from;
    while (i < this.text.length && isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  private openTag(from: number): void {
    const { text, attributes } = this;
    const nameEnd = this.nameEnd(from);
    const name = this.name(from, nameEnd, 'tag name');
    if (this.closedRoot) this.fail('documents may contain only one root.', from);
    attributes.count = 0;
    let i = nameEnd;
    for (;;) {
      const spaced = i < text.length && isSpace(text.charCodeAt(i));
      i = this.skipSpaces(i);
      if (i >= text.length) this.failAtEnd(`unclosed tag: ${this.open[this.open.length - 1] ?? name}`);
      const c = text.charCodeAt(i);
      if (c === 0x3e || c === 0x2f) {
        if (c === 0x2f && text.charCodeAt(i + 1) !== 0x3e)
          this.fail('forward-slash in opening tag not followed by >.', i);
        this.sawRoot = true;
        this.pos = i + (c === 0x2f ? 2 : 1);
        this.handler.open(name, attributes);
        if (c === 0x2f) this.closed(name);
        else this.open.push(name);
        return;
      }
      if (!spaced) this.fail('no whitespace between attributes.', i);
      i = this.attribute(i);
    }
  }

  /** Reads `name="value"` at `from` into the attribute list; returns the position after the closing quote. */
  private attribute(from: number): number {
    const { text, attributes } = this;
    const nameEnd = this.nameEnd(from);
    const name = this.name(from, nameEnd, 'attribute name');
    let i = this.skipSpaces(nameEnd);
    if (text.charCodeAt(i) !== 0x3d) this.fail('attribute without value.', i);
    i = this.skipSpaces(i + 1);
    const quote = text.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) this.fail('unquoted attribute value.', i);
    const start = i + 1;
    const close = text.indexOf(quote === 0x22 ? '"' : "'", start);
    if (close === -1) this.failAtEnd(`unclosed tag: ${this.open[this.open.length - 1] ?? name}`);
    let plain = true;
    for (let j = start; j < close; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x3c) this.fail('disallowed character.', j);
      if (c === 0x26 || c === 0x0d || c === 0x0a || c === 0x09) plain = false;
    }
    for (let k = 0; k < attributes.count; k++)
      if (attributes.names[k] === name) this.fail(`duplicate attribute: ${name}.`, from);
    attributes.names[attributes.count] = name;
    attributes.values[attributes.count] = plain ? text.slice(start, close) : this.decode(start, close, true);
    attributes.count++;
    return close + 1;
  }

  private closeTag(from: number): void {
    const { text } = this;
    const nameEnd = this.nameEnd(from);
    const name = this.name(from, nameEnd, 'closing tag');
    const gt = this.skipSpaces(nameEnd);
    if (gt >= text.length) this.failAtEnd(`unclosed tag: ${this.open[this.open.length - 1] ?? name}`);
    if (text.charCodeAt(gt) !== 0x3e) this.fail('disallowed character in closing tag.', gt);
    const top = this.open[this.open.length - 1];
    if (top === undefined) this.fail(`unmatched closing tag: ${name}.`, from);
    if (top !== name) this.fail('unexpected close tag.', from);
    this.open.pop();
    this.pos = gt + 1;
    this.closed(name);
  }

  private closed(name: string): void {
    if (this.open.length === 0) this.closedRoot = true;
    this.handler.close(name);
  }

  /** `<!--…-->`, `<![CDATA[…]]>` or `<!DOCTYPE …>` (entity-declaring ones were refused before scanning). */
  private bang(lt: number): void {
    const { text } = this;
    if (text.startsWith('<!--', lt)) {
      const dashes = text.indexOf('--', lt + 4);
      if (dashes === -1) this.failAtEnd('unexpected end.');
      if (text.charCodeAt(dashes + 2) !== 0x3e) this.fail('malformed comment.', dashes);
      this.pos = dashes + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      if (this.open.length === 0) this.fail('text data outside of root node.', lt);
      const end = text.indexOf(']]>', lt + 9);
      if (end === -1) this.failAtEnd(`unclosed tag: ${this.open[this.open.length - 1] ?? ''}`);
      if (this.handler.wantsText()) {
        const raw = text.slice(lt + 9, end);
        this.handler.text(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
      }
      this.pos = end + 3;
    } else if (text.startsWith('<!DOCTYPE', lt)) {
      if (this.sawDoctype || this.sawRoot) this.fail('inappropriately located doctype declaration.', lt);
      this.sawDoctype = true;
      this.pos = this.doctypeEnd(lt + 9);
    } else this.fail('incorrect syntax.', lt);
  }

  /** The position after a DOCTYPE's closing `>`, skipping quoted literals and an internal subset. */
  private doctypeEnd(from: number): number {
    const { text } = this;
    let depth = 0;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22 || c === 0x27) {
        const close = text.indexOf(c === 0x22 ? '"' : "'", i + 1);
        if (close === -1) break;
        i = close;
      } else if (c === 0x5b) depth++;
      else if (c === 0x5d) depth--;
      else if (c === 0x3e && depth <= 0) return i + 1;
    }
    return this.failAtEnd('unexpected end.');
  }

  /** `<?target …?>`; the XML declaration only at the very start, with a version. */
  private instruction(lt: number): void {
    const { text } = this;
    const targetEnd = this.nameEnd(lt + 2);
    const target = this.name(lt + 2, targetEnd, 'processing instruction target');
    const end = text.indexOf('?>', targetEnd);
    if (end === -1) this.failAtEnd('unexpected end.');
    if (target === 'xml') {
      if (lt !== 0) this.fail('an XML declaration must be at the start of the document.', lt);
      const version = /^\s+version\s*=\s*(["'])(.*?)\1/.exec(text.slice(targetEnd, end));
      if (!version) this.fail('XML declaration is incomplete.', lt);
      if (!/^1\.[0-9]+$/.test(version[2] ?? '')) this.fail('version number must match /^1\\.[0-9]+$/.', lt);
    } else if (target.toLowerCase() === 'xml') this.fail('xml is a reserved processing instruction target.', lt);
    this.pos = end + 2;
  }

  private fail(reason: string, at: number): never {
    if (at >= this.text.trimEnd().length) this.failAtEnd(reason);
    const line = lineAt(this.text, at);
    const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
    this.pos = at;
    throw new XmlError(`line ${line}, column ${at - lineStart + 1}: ${reason}`);
  }

  /** A file cut short fails at its very end: point at its last written line, not the empty one after it. */
  private failAtEnd(reason: string): never {
    this.pos = this.text.length;
    throw new XmlError(`line ${lineAt(this.text, this.text.trimEnd().length)}: ${reason}`);
  }
}
