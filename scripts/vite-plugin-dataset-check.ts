// Vite plugin: validates data/*.csv at build start so an invalid row fails the build with file and line.
import { spawnSync } from 'node:child_process';
import type { Plugin } from 'vite';

/**
 * The check runs in its own tsx process: importing the app's modules into the Vite config would make
 * Vite bundle half of src/ just to load its configuration.
 */
export function builtinDatasetCheck(): Plugin {
  return {
    name: 'cluster-atlas:dataset-check',
    apply: 'build',
    buildStart() {
      const run = spawnSync('node_modules/.bin/tsx', ['scripts/check-dataset.ts'], { encoding: 'utf8' });
      if (run.error) this.error(`built-in dataset check could not run: ${run.error.message}`);
      let report: { errors: string[]; warnings: string[] };
      try {
        report = JSON.parse(run.stdout) as { errors: string[]; warnings: string[] };
      } catch {
        this.error(`built-in dataset check failed:\n${run.stderr || run.stdout}`);
      }
      if (report.warnings.length)
        this.info(`built-in dataset: ${report.warnings.length} warnings (undated, not on the map)`);
      if (report.errors.length > 0) this.error(`built-in dataset is invalid:\n${report.errors.join('\n')}`);
    },
  };
}
