// Encodes text (a link) as a QR module matrix with qrcode-generator; imported lazily, only when the QR dialog opens.
import qrcode from 'qrcode-generator';
import { qrMaxBytes, qrVersionFor, utf8Length, type QrLevel, type QrMatrix } from './qr-svg';

export type QrResult =
  | { readonly ok: true; readonly matrix: QrMatrix; readonly level: QrLevel; readonly version: number }
  | { readonly ok: false; readonly bytes: number; readonly maxBytes: number };

/**
 * Level M (15 % of the code may be damaged: a projected slide, a crease) when the text fits, else L; too long for
 * either gives `ok: false` with the sizes, for the warning.
 */
export function encodeQr(text: string): QrResult {
  const bytes = utf8Length(text);
  const level: QrLevel | null =
    qrVersionFor(bytes, 'M') !== null ? 'M' : qrVersionFor(bytes, 'L') !== null ? 'L' : null;
  if (level === null) return { ok: false, bytes, maxBytes: qrMaxBytes('L') };
  const qr = qrcode(0, level);
  // The library's byte mode keeps the low byte of each UTF-16 unit: hand it the UTF-8 bytes one per char.
  const utf8 = new TextEncoder().encode(text);
  qr.addData(String.fromCharCode(...utf8), 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const modules = new Uint8Array(size * size);
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) modules[r * size + c] = qr.isDark(r, c) ? 1 : 0;
  return { ok: true, matrix: { size, modules }, level, version: (size - 17) / 4 };
}
