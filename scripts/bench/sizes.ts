// Transfer sizes from the build manifest: initial JS and CSS (entry + static imports) and the first view's data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './setup';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface SizeEntry {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface Sizes {
  readonly js: readonly SizeEntry[];
  readonly css: readonly SizeEntry[];
  readonly data: readonly SizeEntry[];
  readonly jsGzip: number;
  readonly cssGzip: number;
  readonly dataGzip: number;
}

/** Files the built-in first view fetches: the dataset, region tables, geometry and the baked layout. */
const FIRST_VIEW_DATA = [
  'data/sources.csv',
  'data/organisations.csv',
  'data/collaborations.csv',
  'data/regions/nuts2021.csv',
  'data/regions/nuts2016-2021.csv',
  'data/regions/countries.csv',
  'data/regions/nuts2021.topo.json',
  'data/layout.json',
];

function measure(file: string): SizeEntry {
  const bytes = readFileSync(join(DIST, file));
  // Level 9, as Vite's own report; a server at level 6 sends about 1 % more.
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export function buildSizes(): Sizes {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  if (!entry) throw new Error('no entry chunk in dist/.vite/manifest.json');
  const jsFiles = new Set<string>();
  const cssFiles = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || jsFiles.has(c.file)) return;
    jsFiles.add(c.file);
    for (const css of c.css ?? []) cssFiles.add(css);
    for (const imp of c.imports ?? []) visit(imp);
  };
  visit(entry[0]);
  const js = [...jsFiles].map(measure);
  const css = [...cssFiles].map(measure);
  const data = FIRST_VIEW_DATA.flatMap((src) => (manifest[src] ? [measure(manifest[src].file)] : []));
  const sum = (list: readonly SizeEntry[]) => list.reduce((s, e) => s + e.gzip, 0);
  return { js, css, data, jsGzip: sum(js), cssGzip: sum(css), dataGzip: sum(data) };
}
