// Records the graph to WebM while the timeline plays: sigma's layers are composited onto one canvas right after
// each render (WebGL buffers are cleared once shown, so later copies would be blank), MediaRecorder encodes it.

/** What the graph view lends the recorder: its canvases (in stacking order) and a render hook. */
export interface RenderSource {
  canvases(): HTMLCanvasElement[];
  /** Calls `cb` right after each sigma render; returns the unsubscribe function. */
  onRender(cb: () => void): () => void;
  /** Asks for a render now (the first frame). */
  render(): void;
}

let source: (() => RenderSource | null) | null = null;

/** Called by the graph view on mount; the returned function unregisters (safe twice). */
export function provideRenderSource(s: () => RenderSource | null): () => void {
  source = s;
  return () => {
    if (source === s) source = null;
  };
}

export function renderSource(): RenderSource | null {
  return source?.() ?? null;
}

/** The first WebM type this browser records, or null (then recording is not offered). */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return (
    ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ??
    null
  );
}

export interface Recording {
  /** Stops and returns the video. */
  stop(): Promise<Blob>;
}

/**
 * Starts recording `src` at `fps`, with `caption()` (the time window) drawn in the bottom-left corner of each
 * frame on a white background, as the export figures are.
 */
export function startRecording(src: RenderSource, caption: () => string, fps = 30): Recording {
  const type = webmType();
  if (!type) throw new Error('atlas: this browser cannot record WebM video');
  const layers = src.canvases();
  const first = layers[0];
  if (!first) throw new Error('atlas: the graph has no canvas to record');
  const out = document.createElement('canvas');
  // Even sizes: VP8/VP9 encoders want them.
  out.width = first.width - (first.width % 2);
  out.height = first.height - (first.height % 2);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('atlas: no 2D canvas');
  const scale = out.width / Math.max(1, first.clientWidth);
  const draw = () => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    for (const c of layers) ctx.drawImage(c, 0, 0, out.width, out.height);
    const text = caption();
    const size = Math.round(22 * scale);
    ctx.font = `bold ${size}px 'DejaVu Sans', system-ui, sans-serif`;
    const w = ctx.measureText(text).width;
    ctx.fillStyle = 'rgb(255 255 255 / 0.9)';
    ctx.fillRect(size * 0.5, out.height - size * 2.2, w + size, size * 1.7);
    ctx.fillStyle = '#111111';
    ctx.fillText(text, size, out.height - size);
  };
  const unsubscribe = src.onRender(draw);
  draw();
  src.render();
  const recorder = new MediaRecorder(out.captureStream(fps), { mimeType: type, videoBitsPerSecond: 4_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  recorder.start(250);
  return {
    stop() {
      unsubscribe();
      return new Promise<Blob>((resolve) => {
        recorder.onstop = () => resolve(new Blob(chunks, { type: 'video/webm' }));
        if (recorder.state === 'inactive') resolve(new Blob(chunks, { type: 'video/webm' }));
        else recorder.stop();
      });
    },
  };
}
