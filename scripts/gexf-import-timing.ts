// CLI: times a GEXF import in Node — writes <dir>/network.gexf (with positions) from a synthetic CSV set, imports it
// with the app's importFiles (GEXF through its streaming scanner), and prints parse/total time and heap after GC.
// node --expose-gc --import tsx scripts/gexf-import-timing.ts --dir /tmp/syn-50k [--runs 1]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { datasetToGexf } from '../src/lib/export/gexf-export';
import { regionResolver } from '../src/lib/io/builtin';
import { importFiles, type ImportOptions } from '../src/lib/io/import-files';
import { todayDay } from '../src/lib/model/dates';
import { regionIndexFromCsv } from '../src/lib/regions/region-index';
import { parseXmlLight } from '../src/lib/io/xml-light';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    runs: { type: 'string', default: '1' },
  },
});
if (!values.dir) throw new Error('usage: npx tsx --expose-gc scripts/gexf-import-timing.ts --dir DIR [--runs N]');
const dir = values.dir;
const read = (name: string) => readFileSync(new URL(`../data/regions/${name}`, import.meta.url), 'utf8');
const regions = regionResolver(
  regionIndexFromCsv({
    regions: read('nuts2021.csv'),
    recodes: read('nuts2016-2021.csv'),
    countries: read('countries.csv'),
  }),
);
const options: ImportOptions = {
  today: todayDay(),
  regions,
  // The worker's GraphML parser; GEXF does not use it.
  parseXml: parseXmlLight,
};
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const gexfPath = join(dir, 'network.gexf');
if (!existsSync(gexfPath)) {
  const csv = await importFiles([file('organisations.csv'), file('collaborations.csv'), file('sources.csv')], options);
  if (!csv.ok) throw new Error(`CSV import failed: ${csv.errors[0]?.message}`);
  const { dataset } = csv.dataset;
  // Positions on a golden-angle spiral: deterministic, spread out, and enough for the app to skip its layout.
  const positions = new Float64Array(dataset.organisations.length * 2);
  for (let i = 0; i < dataset.organisations.length; i++) {
    const r = 10 * Math.sqrt(i);
    positions[2 * i] = r * Math.cos(i * 2.399963);
    positions[2 * i + 1] = r * Math.sin(i * 2.399963);
  }
  writeFileSync(gexfPath, datasetToGexf({ dataset, positions, exportDate: '2025-06-01' }));
  console.log(`wrote ${gexfPath}`);
}

const bytes = file('network.gexf');
console.log(`network.gexf: ${(bytes.bytes.length / 2 ** 20).toFixed(1)} MB; heap before ${heapMb().toFixed(0)} MB`);
for (let run = 0; run < Number(values.runs); run++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const cpu = () => (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1e6;
  let parsedAt = 0;
  let parsedCpu = 0;
  const result = await importFiles([bytes], {
    ...options,
    onProgress: (f) => {
      if (f >= 0.4 && parsedAt === 0) {
        parsedAt = performance.now();
        parsedCpu = cpu();
      }
    },
  });
  const total = performance.now() - t0;
  const totalCpu = cpu();
  if (!result.ok) throw new Error(`GEXF import failed: ${result.errors[0]?.message}`);
  const ds = result.dataset.dataset;
  const positioned = Object.keys(result.dataset.positions ?? {}).length;
  console.log(
    `run ${run + 1}: parse ${((parsedAt - t0) / 1000).toFixed(1)} s (CPU ${parsedCpu.toFixed(1)} s), ` +
      `total ${(total / 1000).toFixed(1)} s (CPU ${totalCpu.toFixed(1)} s); ` +
      `${ds.organisations.length} organisations, ${ds.collaborations.length} collaborations, ${positioned} positions; ` +
      `heap with the result ${heapMb().toFixed(0)} MB`,
  );
}
