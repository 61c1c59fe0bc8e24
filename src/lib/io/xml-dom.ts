// Namespace-agnostic helpers over the standard DOM, shared by the GEXF and GraphML readers (browser DOM or xmldom).

/** Child elements with a local name, ignoring the namespace prefix (`viz:position`, `y:Geometry`). */
export function childElements(parent: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === localName) out.push(n as Element);
  }
  return out;
}

export const firstChild = (parent: Element, localName: string): Element | undefined =>
  childElements(parent, localName)[0];

/** Every descendant element with a local name, in document order. */
export function descendants(root: Element | Document, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName));
}

/** An attribute's value, or '' when absent. */
export const attr = (el: Element, name: string): string => el.getAttribute(name) ?? '';

/** `#rrggbb` from 0–255 channels; null when a channel is not a number in range. */
export function rgbToHex(r: string, g: string, b: string): string | null {
  const channels = [r, g, b].map((c) => Number(c.trim()));
  if (channels.some((c, i) => [r, g, b][i]?.trim() === '' || !Number.isInteger(c) || c < 0 || c > 255)) return null;
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** A finite number from attribute text, else null. */
export function finite(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
