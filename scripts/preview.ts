// `vite preview` of a build for the scripts (bench, screenshots, soak): bound to 127.0.0.1, resolved once it answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

export interface Preview {
  readonly url: string;
  stop(): void;
}

export interface PreviewOptions {
  /** Build folder (vite's `--outDir`); default `dist`. */
  readonly outDir?: string;
  /** Port; default a free one. */
  readonly port?: number;
  /** Vite mode (the bench serves `--mode bench`). */
  readonly mode?: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const port = options.port ?? (await freePort());
  const args = [VITE, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  if (options.outDir) args.push('--outDir', options.outDir);
  if (options.mode) args.push('--mode', options.mode);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    if (child.exitCode === null) child.kill();
  };
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url}`);
}
