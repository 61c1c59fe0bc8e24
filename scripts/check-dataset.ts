// Build-time validation of data/*.csv: returns every error and warning as "file:line field = value — message".
import { readFileSync } from 'node:fs';
import { parseBuiltin } from '../src/lib/io/builtin';
import { formatProblem } from '../src/lib/model/errors';
import { todayDay } from '../src/lib/model/dates';
import { regionIndexFromCsv } from '../src/lib/regions/region-index';

const read = (path: string): string => readFileSync(new URL(`../data/${path}`, import.meta.url), 'utf8');

export function checkBuiltinDataset(): { errors: string[]; warnings: string[] } {
  const regions = regionIndexFromCsv({
    regions: read('regions/nuts2021.csv'),
    recodes: read('regions/nuts2016-2021.csv'),
    countries: read('regions/countries.csv'),
  });
  const result = parseBuiltin(
    {
      sources: read('sources.csv'),
      organisations: read('organisations.csv'),
      collaborations: read('collaborations.csv'),
    },
    regions,
    todayDay(),
  );
  const warnings = result.warnings.map(formatProblem);
  return result.ok ? { errors: [], warnings } : { errors: result.errors.map(formatProblem), warnings };
}

// Run as a script (by the Vite plugin): print the report as JSON.
if (process.argv[1]?.endsWith('check-dataset.ts')) {
  process.stdout.write(JSON.stringify(checkBuiltinDataset()));
}
