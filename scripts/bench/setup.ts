// Benchmark setup: the bench-mode build, cached synthetic datasets copied into dist, and a local preview server.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const ASSETS = join(DIST, 'assets');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** Synthetic sizes: organisations and collaborations. `builtin` is the shipped dataset. */
export const SYNTHETIC: Readonly<Record<string, readonly [number, number]>> = {
  '5k': [5000, 25000],
  '10k': [10000, 50000],
  '20k': [20000, 100000],
  '50k': [50000, 250000],
};
export const SEED = 'atlas';
export const TODAY = '2026-11-23';
const FILES = ['organisations.csv', 'collaborations.csv', 'sources.csv'] as const;

/** Runs a command, collecting output; rejects with the output's tail when it fails. */
export function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out.split('\n').slice(-30).join('\n')}`));
    });
  });
}

/**
 * `vite build --mode bench` (bench hooks compiled in). Hidden source maps are written next to the bundles so CPU
 * profiles can be read in source terms; "hidden" adds no sourceMappingURL comment, so the JS bytes are unchanged.
 */
export async function buildApp(): Promise<number> {
  const t0 = performance.now();
  await run(process.execPath, [VITE, 'build', '--mode', 'bench', '--sourcemap', 'hidden', '--logLevel', 'error'], {
    VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
  });
  return performance.now() - t0;
}

/** Hash of the generator's own sources: a changed generator invalidates cached datasets. */
function generatorHash(): string {
  const h = createHash('sha256');
  h.update(readFileSync(join(ROOT, 'scripts/gen-synthetic.ts')));
  const dir = join(ROOT, 'scripts/synthetic');
  for (const f of readdirSync(dir).sort()) h.update(readFileSync(join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

interface Stamp {
  organisations: number;
  collaborations: number;
  seed: string;
  today: string;
  generator: string;
}

function stampOf(size: string): Stamp {
  const [organisations, collaborations] = SYNTHETIC[size]!;
  return { organisations, collaborations, seed: SEED, today: TODAY, generator: generatorHash() };
}

function hasStamp(dir: string, stamp: Stamp): boolean {
  const path = join(dir, 'params.json');
  if (!existsSync(path) || !FILES.every((f) => existsSync(join(dir, f)))) return false;
  return readFileSync(path, 'utf8') === JSON.stringify(stamp);
}

export interface DatasetFiles {
  readonly size: string;
  readonly organisations: number;
  readonly collaborations: number;
  /** Bytes of organisations.csv + collaborations.csv. */
  readonly pairBytes: number;
  readonly dir: string;
  readonly generated: boolean;
}

/**
 * Ensures dist/bench-data/<size>/ holds the synthetic set with these parameters. `vite build` empties dist, so the
 * generated files are cached in bench/tmp/data/<size>/ (gitignored) and copied in; they are regenerated only when
 * the parameters or the generator change.
 */
export async function prepareDataset(size: string): Promise<DatasetFiles> {
  const stamp = stampOf(size);
  const target = join(DIST, 'bench-data', size);
  const cache = join(ROOT, 'bench/tmp/data', size);
  let generated = false;
  if (!hasStamp(target, stamp)) {
    if (!hasStamp(cache, stamp)) {
      rmSync(cache, { recursive: true, force: true });
      await run(process.execPath, [
        TSX,
        'scripts/gen-synthetic.ts',
        '--organisations',
        String(stamp.organisations),
        '--collaborations',
        String(stamp.collaborations),
        '--out',
        cache,
        '--seed',
        SEED,
        '--today',
        TODAY,
      ]);
      writeFileSync(join(cache, 'params.json'), JSON.stringify(stamp));
      generated = true;
    }
    mkdirSync(target, { recursive: true });
    cpSync(cache, target, { recursive: true });
  }
  const pairBytes =
    statSync(join(target, 'organisations.csv')).size + statSync(join(target, 'collaborations.csv')).size;
  return {
    size,
    organisations: stamp.organisations,
    collaborations: stamp.collaborations,
    pairBytes,
    dir: target,
    generated,
  };
}

/** The short commit and whether the working tree differs from it (the bench measures the working tree). */
export async function gitState(): Promise<{ commit: string; dirty: boolean }> {
  try {
    const commit = (await run('git', ['rev-parse', '--short', 'HEAD'])).trim();
    const status = (await run('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src'])).trim();
    return { commit, dirty: status.length > 0 };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}
