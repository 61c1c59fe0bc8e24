// XML text safety for every exported file: escaping, fixed-precision numbers and an allow-listed SVG element builder.
import { AtlasError } from '../model/errors';

/** Prolog of every exported XML file. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
/** Namespace of the root `<svg>`; without it browsers show the file as plain XML. */
export const SVG_NS = 'http://www.w3.org/2000/svg';

// Everything outside XML 1.0's Char production: C0 controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF.
// A single one makes the whole file unreadable to a conforming parser, so they are dropped, not escaped.
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes characters that XML 1.0 forbids even as character references (U+0000–U+0008, U+FFFE, lone surrogates…). */
export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML, '');
}

/**
 * Escapes text content. `>` is escaped too so `]]>` can never appear, and CR becomes `&#13;` because parsers would
 * otherwise fold CRLF into LF.
 */
export function escapeXmlText(text: string): string {
  return stripIllegalXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * Escapes a value for a double- or single-quoted attribute. Tab, LF and CR become character references: attribute
 * value normalisation would turn them into spaces.
 */
export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

/** Fixed precision, trailing zeros trimmed, never `-0` or an exponent. Throws on NaN/Infinity: that is a bug upstream. */
export function formatNum(value: number, precision = 2): string {
  if (!Number.isFinite(value)) throw new AtlasError('export-number', `svg: cannot write the number ${value}`);
  // toFixed switches to exponent notation from 1e21 on; such values are whole numbers anyway.
  const text = Math.abs(value) >= 1e21 ? BigInt(value).toString() : value.toFixed(precision);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

const SAFE_COLOUR =
  /^(#[0-9a-fA-F]{3,8}|rgba?\(\s*[\d.]+%?(\s*,\s*[\d.]+%?){2,3}\s*\)|[a-zA-Z]{3,20}|url\(#[A-Za-z_][\w.-]*\))$/;

/** True for hex, rgb()/rgba(), a colour keyword or a local `url(#id)` — never a URL that could load anything. */
export function isSafeColour(value: string): boolean {
  return SAFE_COLOUR.test(value.trim());
}

/** `value` when it is a safe colour, otherwise `fallback` (colours may come from imported files). */
export function safeColour(value: string | undefined, fallback = '#999999'): string {
  return value !== undefined && isSafeColour(value) ? value.trim() : fallback;
}

const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'path', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'clipPath', 'use',
]); // prettier-ignore

const ATTRIBUTES = new Set([
  'xmlns', 'version', 'width', 'height', 'viewBox', 'preserveAspectRatio', 'overflow', 'x', 'y', 'x1', 'y1', 'x2',
  'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points', 'transform', 'fill', 'fill-opacity', 'fill-rule', 'stroke',
  'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'opacity', 'paint-order',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'dx', 'dy', 'id',
  'class', 'clip-path', 'role', 'aria-label', 'aria-hidden', 'xml:lang', 'href', 'vector-effect', 'shape-rendering',
]); // prettier-ignore

const COLOUR_ATTRIBUTES = new Set(['fill', 'stroke']);
// Whitespace between their children is insignificant, so each child gets its own line: snapshot diffs stay readable.
const CONTAINERS = new Set(['svg', 'g', 'defs', 'clipPath']);
const ID_PATTERN = /^[A-Za-z_][\w.-]*$/;

/** Trusted markup: only {@link el}, {@link fragment} and {@link text} create it, so it holds no unescaped input. */
export interface Markup {
  readonly xml: string;
  readonly [MARKUP]: true;
}
declare const MARKUP: unique symbol;

function markup(xml: string): Markup {
  return { xml } as Markup;
}

/** A child: trusted markup, or plain text/number (escaped). Null, undefined and false are skipped. */
export type SvgChild = Markup | string | number | null | undefined | false;
/** Attribute values; undefined and null leave the attribute out, numbers use {@link formatNum}. */
export type SvgAttrs = Readonly<Record<string, string | number | null | undefined>>;

function childXml(child: SvgChild): string {
  if (child === null || child === undefined || child === false) return '';
  if (typeof child === 'string') return escapeXmlText(child);
  if (typeof child === 'number') return formatNum(child);
  return child.xml;
}

function checkAttr(element: string, name: string, value: string): void {
  const fail = (why: string): never => {
    throw new AtlasError('export-unsafe-svg', `svg: <${element} ${name}> ${why}`);
  };
  if (!ATTRIBUTES.has(name)) fail('is not an allowed attribute');
  // Only local references: an export must never load, link to or run anything.
  if (name === 'href' && !/^#[A-Za-z_][\w.-]*$/.test(value)) fail('may only point to a local #id');
  if (name === 'id' && !ID_PATTERN.test(value)) fail('is not a valid id');
  if (COLOUR_ATTRIBUTES.has(name) && !isSafeColour(value)) fail(`has an unsafe colour "${value}"`);
  if (name === 'clip-path' && !/^url\(#[A-Za-z_][\w.-]*\)$/.test(value)) fail('may only use url(#id)');
}

/**
 * Builds one element from a fixed allow-list of SVG element and attribute names. Text children are escaped; an
 * unknown element or attribute (`script`, `foreignObject`, `onload`, `style`…), an `href` other than `#id` or an
 * unsafe colour throws, so a bug can never turn into an injection.
 */
export function el(name: string, attrs: SvgAttrs = {}, children: readonly SvgChild[] = []): Markup {
  if (!ELEMENTS.has(name)) throw new AtlasError('export-unsafe-svg', `svg: <${name}> is not an allowed element`);
  let xml = `<${name}`;
  for (const [key, raw] of Object.entries(attrs)) {
    if (raw === undefined || raw === null) continue;
    const value = typeof raw === 'number' ? formatNum(raw) : raw;
    checkAttr(name, key, value);
    xml += ` ${key}="${escapeXmlAttr(value)}"`;
  }
  const parts = children.map(childXml).filter((c) => c !== '');
  if (parts.length === 0) return markup(`${xml}/>`);
  if (CONTAINERS.has(name)) return markup(`${xml}>\n${parts.join('\n')}\n</${name}>`);
  return markup(`${xml}>${parts.join('')}</${name}>`);
}

/** Several elements as one piece of markup, in order, one per line (use inside containers, not inside text). */
export function fragment(children: readonly SvgChild[]): Markup {
  return markup(
    children
      .map(childXml)
      .filter((c) => c !== '')
      .join('\n'),
  );
}

/** Plain text as markup (escaped). */
export function text(value: string): Markup {
  return markup(escapeXmlText(value));
}

/** A complete standalone SVG document: XML declaration, then the root `<svg>` with its namespace. */
export function svgDocument(attrs: SvgAttrs, children: readonly SvgChild[]): string {
  return `${XML_DECLARATION}\n${el('svg', { xmlns: SVG_NS, version: '1.1', ...attrs }, children).xml}\n`;
}
