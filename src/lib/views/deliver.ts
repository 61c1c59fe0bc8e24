// Delivers computed exports: one download helper, and SVG → PNG rasterisation at a chosen scale.

/** Saves a blob under `fileName` through a temporary object URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** Size an SVG document declares (width/height attributes, in px). */
export function svgSize(svg: string): { width: number; height: number } {
  const head = svg.slice(0, 2000);
  const width = Number(/<svg[^>]*\swidth="([\d.]+)/.exec(head)?.[1] ?? 0);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)/.exec(head)?.[1] ?? 0);
  return { width, height };
}

/**
 * Rasterises a self-contained SVG (no external references, so the canvas is never tainted) at `scale`
 * device pixels per SVG pixel. The background is whatever the SVG draws (white or nothing).
 */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const { width, height } = svgSize(svg);
  if (!(width > 0 && height > 0)) throw new Error('atlas: the SVG has no size');
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('atlas: no 2D canvas');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('atlas: PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
