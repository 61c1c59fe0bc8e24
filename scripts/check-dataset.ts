// Build-time validation of data/*.csv: returns every error and warning as "file:line field = value — message".
import { readFileSync } from 'node:fs';
import { parseBuiltin } from '../src/lib/io/builtin';
import { formatProblem } from '../src/lib/model/errors';
import { todayDay } from '../src/lib/model/dates';
import { regionIndexFromCsv } from '../src/lib/regions/region-index';
import { checkStoryAgainstDataset, datasetFacts } from '../src/lib/story/story-check';
import { parseStory } from '../src/lib/story/story-format';
import { formatStoryProblem } from '../src/lib/story/story-model';

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
  if (!result.ok) return { errors: result.errors.map(formatProblem), warnings };
  // The built-in story must read cleanly and select and cite only what the dataset holds.
  const story = parseStory(read('stories/builtin.json'));
  const storyErrors = story.ok
    ? [
        ...story.notices,
        ...checkStoryAgainstDataset(
          story.story,
          datasetFacts(result.dataset, (code) => regions.get(code) !== undefined),
        ).map(formatStoryProblem),
      ]
    : story.errors.map(formatStoryProblem);
  return { errors: storyErrors.map((e) => `stories/builtin.json: ${e}`), warnings };
}

// Run as a script (by the Vite plugin): print the report as JSON.
if (process.argv[1]?.endsWith('check-dataset.ts')) {
  process.stdout.write(JSON.stringify(checkBuiltinDataset()));
}
