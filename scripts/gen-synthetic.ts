// CLI: writes a large synthetic dataset (organisations.csv, collaborations.csv, sources.csv) for scale tests.
// npx tsx scripts/gen-synthetic.ts --organisations 50000 --collaborations 250000 --out <dir> [--seed atlas] [--today YYYY-MM-DD]
import { createWriteStream, mkdirSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { firstDay, parseIsoPartialDate, todayDay } from '../src/lib/model/dates';
import { parseRegionsCsv } from '../src/lib/regions/region-csv';
import { COLLABORATION_COLUMNS, ORGANISATION_COLUMNS, SOURCE_COLUMNS, csvLine } from './synthetic/csv';
import { makeSyntheticDataset, type SyntheticOptions } from './synthetic/generate';
import { SyntheticStats } from './synthetic/stats';

const USAGE =
  'usage: npx tsx scripts/gen-synthetic.ts --organisations N --collaborations M --out DIR [--seed atlas] [--today YYYY-MM-DD]';

/** Flush size: large enough that writes are few, small enough that memory stays flat at any row count. */
const CHUNK_CHARS = 1 << 20;

function fail(message: string): never {
  console.error(`gen-synthetic: ${message}\n${USAGE}`);
  process.exit(2);
}

function readOptions(): { options: Omit<SyntheticOptions, 'regions'>; out: string } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        organisations: { type: 'string' },
        collaborations: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: 'atlas' },
        today: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  const count = (name: string, text: string | undefined): number => {
    if (text === undefined) fail(`--${name} is required`);
    const n = Number(text.replace(/_/g, ''));
    if (!Number.isSafeInteger(n) || n < 0) fail(`--${name} must be a whole number, got "${text}"`);
    return n;
  };
  const organisations = count('organisations', values.organisations);
  const collaborations = count('collaborations', values.collaborations);
  if (values.out === undefined || values.out === '') fail('--out is required');
  let today = todayDay();
  if (values.today !== undefined) {
    const d = parseIsoPartialDate(values.today);
    if (d === null || d.precision !== 'day') fail(`--today must be YYYY-MM-DD, got "${values.today}"`);
    today = firstDay(d);
  }
  return { options: { organisations, collaborations, seed: values.seed, today }, out: values.out };
}

/** Streams rows to a file in ~1 MB chunks, waiting for the disk when the stream's buffer is full. */
async function writeCsv<R extends readonly string[]>(
  path: string,
  header: readonly string[],
  rows: Iterable<R>,
  onRow: (row: R) => void,
): Promise<number> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  let chunk = csvLine(header);
  let count = 0;
  for (const row of rows) {
    onRow(row);
    chunk += csvLine(row);
    count++;
    if (chunk.length >= CHUNK_CHARS) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.end(chunk);
  await finished(stream);
  return count;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

async function main(): Promise<void> {
  const { options, out } = readOptions();
  const started = performance.now();
  const regionText = readFileSync(new URL('../data/regions/nuts2021.csv', import.meta.url), 'utf8');
  const regions = parseRegionsCsv(regionText).filter((r) => r.level === 2);
  let dataset;
  try {
    dataset = makeSyntheticDataset({ ...options, regions });
  } catch (e) {
    fail((e as Error).message);
  }
  mkdirSync(out, { recursive: true });
  const stats = new SyntheticStats();
  const files = [
    ['sources.csv', await writeCsv(join(out, 'sources.csv'), SOURCE_COLUMNS, dataset.sources(), () => {})],
    [
      'organisations.csv',
      await writeCsv(join(out, 'organisations.csv'), ORGANISATION_COLUMNS, dataset.organisations(), (r) =>
        stats.addOrganisation(r),
      ),
    ],
    [
      'collaborations.csv',
      await writeCsv(join(out, 'collaborations.csv'), COLLABORATION_COLUMNS, dataset.collaborations(), (r) =>
        stats.addCollaboration(r),
      ),
    ],
  ] as const;
  const seconds = (performance.now() - started) / 1000;
  let total = 0;
  console.log(`gen-synthetic: seed "${options.seed}" → ${out}`);
  for (const [name, rows] of files) {
    const bytes = statSync(join(out, name)).size;
    total += bytes;
    console.log(`  ${name.padEnd(19)} ${rows.toLocaleString('en').padStart(9)} rows  ${megabytes(bytes).padStart(9)}`);
  }
  const s = stats.summary();
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`  total                                ${megabytes(total).padStart(9)}  in ${seconds.toFixed(1)} s`);
  console.log(
    `  degree: max ${s.maxDegree}, median ${s.medianDegree}; cross-border ${pct(s.crossBorder)}; ` +
      `self-loops ${s.selfLoops}; undated ${s.undated}; open-ended ${pct(s.openEnded)} and one-off ${pct(s.oneOff)} of dated`,
  );
  console.log(
    `  organisations: ${s.noCoordinates} at a region centroid (no coordinates), ${s.outsideNuts} outside NUTS, ` +
      `${s.noLocation} without location`,
  );
}

await main();
