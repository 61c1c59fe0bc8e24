// Opens a dataset published next to the app (`?data=folder/`): its CSV files are imported in the worker.
import { formatProblem } from '../model/errors';
import { todayDay } from '../model/dates';
import { makeAtlasData, type AtlasData } from '../state/atlas-data';
import { loadGeography, loadRegionTexts } from '../state/load-builtin';
import { importInWorker } from './import-client';

const FILES = ['organisations.csv', 'collaborations.csv', 'sources.csv'] as const;

/**
 * Only a relative path on the app's own origin is accepted (the CSP allows no other), so a link
 * cannot make the app fetch from elsewhere.
 */
export function dataFolderFrom(search: string): string | null {
  const value = new URLSearchParams(search).get('data');
  if (!value || value.length > 200 || !/^[\w./-]+$/.test(value) || value.includes('..') || value.startsWith('/')) {
    return null;
  }
  return value.endsWith('/') ? value : `${value}/`;
}

export async function loadFromFolder(folder: string, onProgress: (fraction: number) => void): Promise<AtlasData> {
  // The region tables come alongside the dataset's files rather than after them.
  void loadRegionTexts().catch(() => undefined);
  const files: { name: string; blob: Blob }[] = [];
  for (const name of FILES) {
    const res = await fetch(`${folder}${name}`);
    if (!res.ok) {
      if (name === 'sources.csv') continue;
      throw new Error(`${folder}${name}: HTTP ${res.status}`);
    }
    files.push({ name, blob: await res.blob() });
  }
  performance.mark('atlas:data-fetched');
  return loadFromFiles(files, onProgress);
}

/** Imports files in the worker and builds the atlas data; rejects with the first problems listed. */
export async function loadFromFiles(
  files: { name: string; blob: Blob }[],
  onProgress: (fraction: number) => void,
): Promise<AtlasData> {
  const run = importInWorker(files, await loadRegionTexts(), todayDay(), { onProgress });
  // The page's own region index and geometry are built while the worker imports, not before it starts.
  const [result, geo] = await Promise.all([run.result, loadGeography()]);
  if (!result.ok) throw new Error(result.errors.slice(0, 50).map(formatProblem).join('\n'));
  performance.mark('atlas:data-parsed');
  const data = makeAtlasData(
    result.dataset.dataset,
    geo.index,
    geo.topology,
    result.dataset.positions,
    result.dataset.derived,
  );
  performance.mark('atlas:data-ready');
  return data;
}
