// Test helper: the built-in dataset parsed and validated by the app's real importer, read from data/*.csv.
import { readFileSync } from 'node:fs';
import { parseBuiltin } from '../../src/lib/io/builtin';
import { formatProblem } from '../../src/lib/model/errors';
import { todayDay } from '../../src/lib/model/dates';
import type { Dataset } from '../../src/lib/model/types';
import { loadRegionIndex } from './regions';

const read = (name: string): string => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');

let cached: Dataset | undefined;

/** The built-in dataset; throws with every problem listed when it does not validate. */
export function loadBuiltinDataset(): Dataset {
  if (cached) return cached;
  const result = parseBuiltin(
    {
      sources: read('sources.csv'),
      organisations: read('organisations.csv'),
      collaborations: read('collaborations.csv'),
    },
    loadRegionIndex(),
    todayDay(),
  );
  if (!result.ok) throw new Error(`built-in dataset is invalid:\n${result.errors.map(formatProblem).join('\n')}`);
  cached = result.dataset;
  return cached;
}

export { loadRegionIndex } from './regions';
