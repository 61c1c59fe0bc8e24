// A QR code as SVG from its module matrix: one path of merged runs, a quiet zone, crisp edges. No QR maths here.
import { el, svgDocument } from './svg-text';

/** Dark modules of a square QR symbol, row by row (1 = dark). */
export interface QrMatrix {
  readonly size: number;
  readonly modules: Uint8Array;
}

/** The standard quiet zone: four modules on every side. */
export const QR_QUIET_ZONE = 4;

/**
 * Path data of the dark modules in module units, offset by `margin`: each horizontal run of dark modules is one
 * rectangle (`M x y h n v1 h -n z`), so a version-10 code stays a few kilobytes.
 */
export function qrPathData(matrix: QrMatrix, margin = QR_QUIET_ZONE): string {
  const { size, modules } = matrix;
  if (modules.length !== size * size) throw new Error(`qr: ${modules.length} modules do not make a ${size}² matrix`);
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules[row * size + col]) col++;
      const run = col - start;
      parts.push(`M${start + margin} ${row + margin}h${run}v1h-${run}z`);
    }
  }
  return parts.join('');
}

export interface QrSvgOptions {
  /** Rendered size of one module in px (the SVG scales freely; this only sets width/height). */
  readonly moduleSize?: number;
  readonly margin?: number;
  /** Accessible title, e.g. the encoded link (plain text, escaped). */
  readonly title?: string;
}

/** A standalone SVG document of the code: white background with quiet zone, black modules. */
export function qrSvgDocument(matrix: QrMatrix, options: QrSvgOptions = {}): string {
  const margin = options.margin ?? QR_QUIET_ZONE;
  const total = matrix.size + 2 * margin;
  const px = total * (options.moduleSize ?? 8);
  return svgDocument(
    {
      width: px,
      height: px,
      viewBox: `0 0 ${total} ${total}`,
      'shape-rendering': 'crispEdges',
      role: 'img',
      'aria-label': options.title,
    },
    [
      options.title ? el('title', {}, [options.title]) : null,
      el('rect', { x: 0, y: 0, width: total, height: total, fill: '#ffffff' }),
      el('path', { d: qrPathData(matrix, margin), fill: '#000000' }),
    ],
  );
}

/** Side of a QR symbol of `version` (1–40), in modules. */
export function qrModuleCount(version: number): number {
  return 17 + 4 * version;
}

/** Bytes a symbol holds in byte mode, by version 1–40 (ISO/IEC 18004 table 7). */
const BYTE_CAPACITY = {
  L: [
    17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858, 929, 1003, 1091,
    1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809, 2953,
  ],
  M: [
    14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911,
    997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
  ],
} as const;

export type QrLevel = keyof typeof BYTE_CAPACITY;

/** Most bytes any symbol holds at `level`. */
export function qrMaxBytes(level: QrLevel): number {
  return BYTE_CAPACITY[level][39]!;
}

/** Smallest version holding `bytes` in byte mode at `level`, or null when even version 40 is too small. */
export function qrVersionFor(bytes: number, level: QrLevel): number | null {
  const i = BYTE_CAPACITY[level].findIndex((capacity) => capacity >= bytes);
  return i < 0 ? null : i + 1;
}

/** UTF-8 length of `text`, which is what byte mode stores. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
