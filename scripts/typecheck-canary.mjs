// Proves the type-check really checks: svelte-check must fail on tests/canary's two deliberate errors.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['svelte-check', '--tsconfig', 'tests/canary/tsconfig.json', '--output', 'machine'], {
  encoding: 'utf8',
});
const out = `${run.stdout}${run.stderr}`;
const expected = [/Canary\.svelte.*not assignable to type 'string'/, /canary\.ts.*undefined/];
const missing = expected.filter((re) => !re.test(out));
if (run.status === 0 || missing.length > 0) {
  console.error('type-check canary: svelte-check did not report the deliberate errors.');
  console.error(out);
  process.exit(1);
}
console.log('type-check canary: svelte-check reports the deliberate errors (ok)');
