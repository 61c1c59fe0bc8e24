// The built-in dataset: its file names and how its three CSVs are parsed and validated (app, tests and build share this).
import type { Dataset } from '../model/types';
import type { ImportResult } from '../model/errors';
import type { RegionIndex } from '../regions/region-index';
import { parseDatasetCsv } from './dataset-csv';
import { regionResolver } from './region-lookup';

export { regionResolver } from './region-lookup';

export const BUILTIN_NAME = 'Health-tech clusters in Europe (built-in)';
export const BUILTIN_FILES = {
  sources: 'sources.csv',
  organisations: 'organisations.csv',
  collaborations: 'collaborations.csv',
} as const;

export interface BuiltinTexts {
  readonly sources: string;
  readonly organisations: string;
  readonly collaborations: string;
}

/** Parses the built-in CSVs strictly: every record must cite a source, every region must exist. */
export function parseBuiltin(texts: BuiltinTexts, regions: RegionIndex, today: number): ImportResult<Dataset> {
  return parseDatasetCsv(
    {
      name: BUILTIN_NAME,
      sources: { file: BUILTIN_FILES.sources, text: texts.sources },
      organisations: { file: BUILTIN_FILES.organisations, text: texts.organisations },
      collaborations: { file: BUILTIN_FILES.collaborations, text: texts.collaborations },
    },
    { today, regions: regionResolver(regions), requireSources: true },
  );
}
