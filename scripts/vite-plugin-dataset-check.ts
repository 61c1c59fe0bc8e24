// Vite plugin: validates data/*.csv at build start so an invalid row fails the build with file and line.
import type { Plugin } from 'vite';

export function builtinDatasetCheck(): Plugin {
  return {
    name: 'cluster-atlas:dataset-check',
    apply: 'build',
    async buildStart() {
      const { checkBuiltinDataset } = await import('./check-dataset');
      const problems = checkBuiltinDataset();
      for (const w of problems.warnings) this.warn(w);
      if (problems.errors.length > 0) this.error(`built-in dataset is invalid:\n${problems.errors.join('\n')}`);
    },
  };
}
