// Calibration row: fixed CPU and software-WebGL workloads on a blank page, to flag a degraded or busy machine.
import { loadavg } from 'node:os';
import type { Browser } from 'playwright';
import { newContext } from './measures';

/**
 * Usual values on the 2-core reference machine with a light background load (load average 1–2.5): measured there in
 * November 2026. SwiftShader spreads over both cores, so the WebGL figure doubles when the machine is shared.
 */
export const REFERENCE = { cpuMs: 290, glMs: 260 } as const;
/** A figure this many times the usual one marks the machine as degraded. */
export const DEGRADED_FACTOR = 1.5;

export interface Calibration {
  readonly cpuMs: number;
  readonly glMs: number;
  readonly loadAverage: number;
  readonly degraded: boolean;
  readonly message: string;
}

// Sorts 2 M pseudo-random doubles (CPU, memory); draws 300k points at 1280×800 with SwiftShader and reads a pixel.
const WORKLOAD = String.raw`
(() => {
  const cpu = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const a = new Float64Array(2000000);
    let x = 12345;
    for (let i = 0; i < a.length; i++) { x = (x * 1103515245 + 12345) % 2147483648; a[i] = x; }
    a.sort();
    const m = new Map();
    for (let i = 0; i < 200000; i++) m.set('k' + (i % 50000), i);
    cpu.push(performance.now() - t0);
  }
  const canvas = document.createElement('canvas');
  canvas.width = 1280; canvas.height = 800;
  document.body.append(canvas);
  const gl = canvas.getContext('webgl2');
  const gls = [];
  if (gl) {
    const sh = (type, src) => { const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s); return s; };
    const p = gl.createProgram();
    gl.attachShader(p, sh(gl.VERTEX_SHADER, '#version 300 es\nin vec2 a; void main(){ gl_Position = vec4(a, 0.0, 1.0); gl_PointSize = 3.0; }'));
    gl.attachShader(p, sh(gl.FRAGMENT_SHADER, '#version 300 es\nprecision mediump float; out vec4 c; void main(){ c = vec4(0.2, 0.4, 0.8, 0.5); }'));
    gl.linkProgram(p); gl.useProgram(p);
    const n = 300000;
    const data = new Float32Array(n * 2);
    for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 12.9898) * 0.99;
    const buf = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, buf);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
    gl.enable(gl.BLEND); gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
    const px = new Uint8Array(4);
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      gl.bufferData(gl.ARRAY_BUFFER, data, gl.DYNAMIC_DRAW);
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.drawArrays(gl.POINTS, 0, n);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      gls.push(performance.now() - t0);
    }
  }
  return { cpu, gl: gls };
})()
`;

export async function calibrate(browser: Browser): Promise<Calibration> {
  const ctx = await newContext(browser);
  try {
    const page = await ctx.newPage();
    await page.setContent('<!doctype html><title>calibration</title><body></body>');
    const r = (await page.evaluate(WORKLOAD)) as { cpu: number[]; gl: number[] };
    const cpuMs = Math.min(...r.cpu);
    const glMs = r.gl.length ? [...r.gl].sort((a, b) => a - b)[r.gl.length >> 1]! : NaN;
    const loadAverage = loadavg()[0] ?? 0;
    const slow: string[] = [];
    if (cpuMs > REFERENCE.cpuMs * DEGRADED_FACTOR) slow.push(`CPU ${(cpuMs / REFERENCE.cpuMs).toFixed(1)}× usual`);
    if (!(glMs <= REFERENCE.glMs * DEGRADED_FACTOR))
      slow.push(Number.isFinite(glMs) ? `WebGL ${(glMs / REFERENCE.glMs).toFixed(1)}× usual` : 'no WebGL2');
    const message = slow.length
      ? `WARNING: machine looks degraded (${slow.join(', ')}; load average ${loadAverage.toFixed(1)}): figures will be high`
      : `machine OK (CPU ${cpuMs.toFixed(0)} ms, usual ${REFERENCE.cpuMs}; WebGL ${glMs.toFixed(0)} ms, usual ${REFERENCE.glMs}; load ${loadAverage.toFixed(1)})`;
    return { cpuMs, glMs, loadAverage, degraded: slow.length > 0, message };
  } finally {
    await ctx.close();
  }
}
