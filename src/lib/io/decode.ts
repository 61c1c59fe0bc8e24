// Bytes of a user's file → text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; binary files refused.

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: TextEncodingName;
      /** Windows-1252 only: the first line (1-based) that is not UTF-8, and whether other lines are UTF-8. */
      readonly legacy?: { readonly line: number; readonly mixed: boolean };
    }
  /** `hint` says what the bytes look like (an Excel workbook, a PDF, …) for the error message. */
  | { readonly ok: false; readonly hint: string };

// Windows-1252 bytes 0x80–0x9F (WHATWG table; the five unassigned bytes map to C1 controls as browsers do).
// Node's TextDecoder('windows-1252') decodes these as Latin-1 C1 controls, unlike browsers, so we map them ourselves
// and get the same text everywhere.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes Windows-1252 (a superset of Latin-1 for printable characters). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i] ?? 0;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** What a binary file probably is, so the message can say how to get a CSV out of it. */
function binaryHint(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'a zip archive or an Excel/LibreOffice workbook';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'an old Excel (.xls) workbook';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'a PDF document';
  // Text never holds NUL or many other control bytes; look at the first 64 KB.
  const n = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return 'a binary file';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls > n / 100 ? 'a binary file' : null;
}

/**
 * Strict UTF-8 first (a BOM is noted and removed); if the bytes are not valid UTF-8 they are read as
 * Windows-1252, which every byte sequence is. UTF-16 is recognised only by its BOM.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe]))
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const hint = binaryHint(bytes);
  if (hint !== null) return { ok: false, hint };
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  try {
    // ignoreBOM: keep the BOM in the text so we can strip it ourselves and report it.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text: bom ? text.slice(1) : text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return decodeLegacy(bytes);
  }
}

/**
 * Bytes that are not valid UTF-8, line by line: a line that is valid UTF-8 is kept as UTF-8 (files glued together
 * from two exports mix both), any other line is read as Windows-1252. Reports the first non-UTF-8 line.
 */
function decodeLegacy(bytes: Uint8Array): Decoded {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const lines: string[] = [];
  let first = 0;
  let mixed = false;
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const chunk = bytes.subarray(start, end);
    let text: string | null = null;
    try {
      text = utf8.decode(chunk);
      if (chunk.some((b) => b >= 0x80)) mixed = true;
    } catch {
      if (first === 0) first = line;
    }
    lines.push(text ?? decodeWindows1252(chunk));
    start = end + 1;
  }
  return { ok: true, text: lines.join('\n'), encoding: 'windows-1252', legacy: { line: first, mixed } };
}
