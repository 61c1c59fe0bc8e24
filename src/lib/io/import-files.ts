// "Load your own data": any mix of dropped files (CSV set, GEXF, GraphML or project JSON) → one validated dataset.
import type { ImportResult } from '../model/errors';
import type { Dataset } from '../model/types';
import { datasetFromTables, tableRows, type DatasetTables } from './dataset-csv';
import { checkIntegrity } from './dataset-integrity';
import { baseName, checkFileSet, encodingOf, recogniseFile, type RecognisedFile } from './file-set';
import { gexfToTables } from './gexf';
import { XML_COLLABORATION_SPEC, XML_ORGANISATION_SPEC, type GraphTables } from './graph-tables';
import { graphmlToTables } from './graphml';
import { checkFileSize } from './limits';
import { ProblemLog } from './problems';
import { parseProject } from './project-json';
import type { RegionResolver } from './region-lookup';
import { ImportAborted, runStepsAsync, type Steps } from './steps';
import { parseXmlSafely, type ParseXml } from './xml-safety';

export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ImportOptions {
  /** Today as a day number (`todayDay()`); dates after it are flagged. */
  readonly today: number;
  readonly regions: RegionResolver;
  /**
   * GraphML's parser, `(t) => new DOMParser().parseFromString(t, 'application/xml')`; may throw or return a
   * <parsererror> document. GEXF is read by its own streaming scanner.
   */
  readonly parseXml: ParseXml;
  /** Edge attribute to read as each collaboration's start (one of a previous result's `dateAttributes`). */
  readonly dateAttribute?: string;
  /** Called with 0…1 between chunks. */
  readonly onProgress?: (fraction: number) => void;
  /** Checked between chunks; once `aborted` is true the import stops with an `aborted` error. */
  readonly signal?: { readonly aborted: boolean };
}

export type ImportFormat = 'csv' | 'gexf' | 'graphml' | 'project';

export interface ImportedData {
  readonly dataset: Dataset;
  /** Organisation id → [x, y] from the file's own layout, so the app can skip its layout; null when absent. */
  readonly positions: Record<string, [number, number]> | null;
  /** `utf-8`, `utf-8-bom`, `windows-1252`, `utf-16le`, `utf-16be`, or `file: encoding` pairs when files differ. */
  readonly encoding: string;
  /** GEXF/GraphML edge attributes whose values are dates, for the user to pick as the collaboration date. */
  readonly dateAttributes: readonly string[];
  readonly format: ImportFormat;
  /** From a project file, passed through unvalidated: the state layer owns their shape. */
  readonly view?: unknown;
  readonly stories?: unknown;
}

type Result = ImportResult<ImportedData>;

/** Yields to the event loop so a cancel message can arrive, then honours it. */
const tick = (signal?: { readonly aborted: boolean }): Promise<void> =>
  new Promise((resolve, reject) =>
    setTimeout(() => (signal?.aborted ? reject(new ImportAborted('import aborted')) : resolve()), 0),
  );

/**
 * Imports the dropped files. Bad input is reported, never thrown: errors block the import, warnings
 * travel with the data. Progress runs 0 → 1; an abort between chunks returns an `aborted` error.
 */
export async function importFiles(files: readonly ImportFile[], options: ImportOptions): Promise<Result> {
  const log = new ProblemLog();
  try {
    const result = await run(files, options, log);
    options.onProgress?.(1);
    return result;
  } catch (e) {
    if (!(e instanceof ImportAborted)) throw e;
    log.report(
      'error',
      'aborted',
      { file: '', line: 0, field: '' },
      '',
      'The import was cancelled; nothing was loaded.',
    );
    return log.failure();
  }
}

async function run(files: readonly ImportFile[], options: ImportOptions, log: ProblemLog): Promise<Result> {
  for (const f of files) {
    const tooLarge = checkFileSize(f.name, f.bytes.length);
    if (tooLarge) log.add(tooLarge);
  }
  if (files.length === 0)
    log.report('error', 'missing-file', { file: '', line: 0, field: '' }, '', 'Choose at least one file.');
  if (log.hasErrors) return log.failure();
  const recognised: RecognisedFile[] = [];
  for (const f of files) {
    const file = recogniseFile(f.name, f.bytes, log);
    if (file) recognised.push(file);
    await tick(options.signal);
  }
  options.onProgress?.(0.1);
  // A file that could not be read would also show up as "missing": report only the real cause.
  if (log.hasErrors) return log.failure();
  checkFileSet(recognised, log);
  const first = recognised[0];
  if (log.hasErrors || !first) return log.failure();
  const common = { encoding: encodingOf(recognised), dateAttributes: [], positions: null };
  if (first.role === 'project') return importProject(first, log, common);
  if (first.role === 'gexf' || first.role === 'graphml') return importGraph(first, options, log, common);
  const table = (role: RecognisedFile['role']) => recognised.find((f) => f.role === role)?.table;
  const organisations = table('organisations');
  const collaborations = table('collaborations');
  if (!organisations || !collaborations) return log.failure();
  const tables: DatasetTables = { sources: table('sources'), organisations, collaborations };
  const dataset = await validate(
    datasetFromTables(baseName(organisations.file), tables, log, readOptions(options)),
    tables,
    0.1,
    options,
  );
  return log.result<ImportedData>({ ...common, dataset, format: 'csv' });
}

const readOptions = (options: ImportOptions) => ({
  today: options.today,
  strict: false,
  requireSources: false,
  regions: options.regions,
});

/** Runs the row validation in chunks, mapping its progress onto [from, 1]. */
function validate(
  steps: Steps<Dataset>,
  tables: DatasetTables,
  from: number,
  options: ImportOptions,
): Promise<Dataset> {
  return runStepsAsync(steps, {
    total: tableRows(tables),
    onProgress: (f) => options.onProgress?.(from + (1 - from) * f),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

type Common = Pick<ImportedData, 'encoding' | 'dateAttributes' | 'positions'>;

function importProject(file: RecognisedFile, log: ProblemLog, common: Common): Result {
  const project = parseProject(file.text, file.name, log);
  if (!project) return log.failure();
  checkIntegrity(project.dataset, file.name, log);
  const { dataset, positions, view, stories } = project;
  return log.result<ImportedData>({
    ...common,
    dataset,
    positions: positions ?? null,
    format: 'project',
    ...(view === undefined ? {} : { view }),
    ...(stories === undefined ? {} : { stories }),
  });
}

/** Tables of a GEXF (streamed, tree-free) or GraphML (DOM) file; null once the reason is reported. */
function readGraph(file: RecognisedFile, options: ImportOptions, log: ProblemLog): GraphTables | null {
  if (file.role === 'gexf') return gexfToTables(file.text, file.name, log, options.dateAttribute);
  const parsed = parseXmlSafely(file.text, file.name, options.parseXml);
  if (!parsed.ok) {
    log.add(parsed.problem);
    return null;
  }
  return graphmlToTables(parsed.value, file.name, log, options.dateAttribute);
}

async function importGraph(
  file: RecognisedFile,
  options: ImportOptions,
  log: ProblemLog,
  common: Common,
): Promise<Result> {
  const graph = readGraph(file, options, log);
  if (!graph) return log.failure();
  options.onProgress?.(0.4);
  await tick(options.signal);
  if (graph.organisations.rows.length === 0) {
    log.report('error', 'empty-file', { file: file.name, line: 0, field: '' }, '', 'The graph has no nodes.');
    return log.failure();
  }
  const tables: DatasetTables = { organisations: graph.organisations, collaborations: graph.collaborations };
  const specs = { organisations: XML_ORGANISATION_SPEC, collaborations: XML_COLLABORATION_SPEC };
  const steps = datasetFromTables(baseName(file.name), tables, log, readOptions(options), specs);
  const dataset = await validate(steps, tables, 0.5, options);
  const format = file.role === 'gexf' ? 'gexf' : 'graphml';
  return log.result<ImportedData>({
    ...common,
    dataset,
    positions: graph.positions,
    dateAttributes: graph.dateAttributes,
    format,
  });
}
