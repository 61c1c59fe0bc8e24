// Parses a user's XML safely: entity-declaring or external DOCTYPEs refused before parsing, parser errors and truncation caught.
import type { ImportProblem } from '../model/errors';
import { problem } from './problems';

/** Parses XML text into a DOM Document: the browser's DOMParser, or @xmldom/xmldom's in Node tests. */
export type ParseXml = (text: string) => Document;

const DOCTYPE = /<!DOCTYPE/i;
const ENTITY = /<!ENTITY/i;
// `<!DOCTYPE name SYSTEM "…">` or `PUBLIC "…" "…"`: the parser would be asked to fetch a DTD.
const EXTERNAL_ID = /^<!DOCTYPE\s+[^\s[>]+\s+(SYSTEM|PUBLIC)\b/i;

/**
 * A `unsafe-xml` problem when the text declares entities or points to an external DTD, else null.
 * A 160 KB "billion laughs" file froze Chromium's parser for 18 s, so this runs before any parsing;
 * it is a linear scan, since entity declarations can only appear inside a DOCTYPE.
 */
export function unsafeXml(text: string, file: string): ImportProblem | null {
  const at = text.search(DOCTYPE);
  if (at === -1) return null;
  const doctype = text.slice(at, at + 2000);
  if (!ENTITY.test(text) && !EXTERNAL_ID.test(doctype)) return null;
  return problem(
    'error',
    'unsafe-xml',
    { file, line: lineAt(text, at), field: '<!DOCTYPE>' },
    doctype.slice(0, 60),
    'The file declares XML entities or an external DTD, which graph files never need and which can freeze the browser. ' +
      'Export it again from Gephi or yEd, or remove the <!DOCTYPE …> block.',
  );
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The line a parser error points at: Chromium writes "error on line 11 at column 30", xmldom "[line:11,col:30]"
 * or "line: 11"; a message without one (e.g. "unexpected end of input") points at the last line.
 */
function errorLine(detail: string, text: string): number {
  const m = /line[\s:]*(\d+)/i.exec(detail);
  return m ? Number(m[1]) : lineAt(text, text.trimEnd().length);
}

/** Text with trailing whitespace, comments and processing instructions removed. */
function trimTrailer(text: string): string {
  let t = text.trimEnd();
  for (;;) {
    if (t.endsWith('-->')) {
      const open = t.lastIndexOf('<!--');
      if (open === -1) return t;
      t = t.slice(0, open).trimEnd();
    } else if (t.endsWith('?>')) {
      const open = t.lastIndexOf('<?');
      if (open === -1) return t;
      t = t.slice(0, open).trimEnd();
    } else return t;
  }
}

/** True when the text ends by closing its root element; a file cut short mid-download does not. */
export function endsWithRoot(text: string, rootName: string): boolean {
  const t = trimTrailer(text);
  // A self-closed root (`<gexf … />`) is an empty but complete file.
  if (t.endsWith('/>')) return t.slice(t.lastIndexOf('<') + 1).startsWith(rootName);
  // On the last tag only: an end-anchored pattern would still scan the whole of a 100 MB text.
  const close = /<\/\s*([^\s<>]+)\s*>$/.exec(t.slice(t.lastIndexOf('<')));
  return close?.[1] === rootName;
}

/** The parser's error text: Chromium and WebKit insert a <parsererror> element; Firefox makes it the root. */
function parserError(doc: Document): string | null {
  const found = doc.getElementsByTagName('parsererror')[0] ?? doc.getElementsByTagNameNS('*', 'parsererror')[0];
  if (found) return (found.textContent ?? '').trim().replace(/\s+/g, ' ');
  return doc.documentElement ? null : 'no root element';
}

export type XmlRead<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ImportProblem };

/**
 * Safety check, then `read`, refusing parser errors and truncated files: a partial graph is never returned.
 * `read` throws on malformed XML and names the root element (qualified) of what it read.
 */
export function readXmlSafely<T>(
  text: string,
  file: string,
  read: (text: string) => { readonly value: T; readonly root: string },
): XmlRead<T> {
  const unsafe = unsafeXml(text, file);
  if (unsafe) return { ok: false, problem: unsafe };
  const unreadable = (detail: string): XmlRead<T> => ({
    ok: false,
    problem: problem(
      'error',
      'unreadable-file',
      { file, line: errorLine(detail, text), field: '' },
      detail,
      'The XML is malformed or cut short (an incomplete download?). Export the file again; nothing was imported.',
    ),
  });
  let result: { readonly value: T; readonly root: string };
  try {
    result = read(text);
  } catch (e) {
    return unreadable(String(e instanceof Error ? e.message : e).slice(0, 200));
  }
  if (!endsWithRoot(text, result.root)) return unreadable(`the file does not end with </${result.root}>`);
  return { ok: true, value: result.value };
}

/**
 * `readXmlSafely` over a DOM parser, which may throw (xmldom does on fatal errors) or return a document with
 * <parsererror> (browsers).
 */
export function parseXmlSafely(text: string, file: string, parseXml: ParseXml): XmlRead<Document> {
  return readXmlSafely(text, file, (t) => {
    const doc = parseXml(t);
    const error = parserError(doc);
    if (error !== null) throw new Error(error);
    return { value: doc, root: doc.documentElement.nodeName };
  });
}
