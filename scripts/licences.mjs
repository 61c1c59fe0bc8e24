// Lists the shipped (production) dependencies, direct and transitive, with the licence each declares in its package.json.
// `npm run licences` (add `--markdown` for a table). Exits 1 if a shipped package declares no licence or needs an
// install script (the project installs with ignore-scripts, so such a package would be silently broken).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const lock = readJson(join(root, 'package-lock.json'));
const own = readJson(join(root, 'package.json'));

/** Every non-dev package in the lockfile: what the production bundle can contain. */
const shipped = Object.entries(lock.packages)
  .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
  .map(([path, entry]) => {
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    let licence = entry.license ?? '';
    try {
      // The installed package.json is the source; the lockfile copy is the fallback for a missing install.
      const pkg = readJson(join(root, path, 'package.json'));
      licence = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? licence);
    } catch {
      // not installed: keep the lockfile's field
    }
    return {
      name,
      version: entry.version,
      licence,
      direct: name in (own.dependencies ?? {}),
      installScript: Boolean(entry.hasInstallScript),
    };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const markdown = process.argv.includes('--markdown');
if (markdown) {
  console.log('| package | version | licence | |\n| --- | --- | --- | --- |');
  for (const p of shipped)
    console.log(`| ${p.name} | ${p.version} | ${p.licence || '?'} | ${p.direct ? 'direct' : ''} |`);
} else {
  for (const p of shipped)
    console.log(
      `${p.name.padEnd(36)} ${p.version.padEnd(10)} ${(p.licence || '?').padEnd(14)} ${p.direct ? 'direct' : ''}`,
    );
}
const counts = new Map();
for (const p of shipped) counts.set(p.licence || '?', (counts.get(p.licence || '?') ?? 0) + 1);
console.log(`\n${shipped.length} shipped packages: ${[...counts].map(([l, n]) => `${l} ${n}`).join(', ')}`);

const withScripts = Object.entries(lock.packages)
  .filter(([, e]) => e.hasInstallScript)
  .map(([path]) => path);
if (withScripts.length) console.log(`install scripts (not run, ignore-scripts): ${withScripts.join(', ')}`);
const unlicensed = shipped.filter((p) => !p.licence);
const needScripts = shipped.filter((p) => p.installScript);
if (unlicensed.length || needScripts.length) {
  for (const p of unlicensed) console.error(`no licence declared: ${p.name}`);
  for (const p of needScripts) console.error(`shipped package needs an install script: ${p.name}`);
  process.exit(1);
}
