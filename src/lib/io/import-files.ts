// "Load your own data": any mix of dropped files (CSV set, GEXF, GraphML or project JSON) → one validated dataset.
import type { ImportProblem, ImportResult } from '../model/errors';
import type { Dataset } from '../model/types';
import { looksLikeCollaborations, looksLikeSources } from './columns';
import { readCsv, type CsvTable } from './csv-table';
import { datasetFromTables, tableRows, type DatasetTables } from './dataset-csv';
import { checkIntegrity } from './dataset-integrity';
import { decodeBytes, type TextEncodingName } from './decode';
import { gexfToTables } from './gexf';
import { XML_COLLABORATION_SPEC, XML_ORGANISATION_SPEC, type GraphTables } from './graph-tables';
import { graphmlToTables } from './graphml';
import { checkFileSize } from './limits';
import { ProblemLog, problem } from './problems';
import { parseProject } from './project-json';
import type { RegionResolver } from './region-lookup';
import { ImportAborted, runStepsAsync } from './steps';
import { parseXmlSafely, type ParseXml } from './xml-safety';

export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ImportOptions {
  /** Today as a day number (`todayDay()`); dates after it are flagged. */
  readonly today: number;
  readonly regions: RegionResolver;
  /** `(t) => new DOMParser().parseFromString(t, 'application/xml')` in a browser; xmldom's in Node. */
  readonly parseXml: ParseXml;
  /** Edge attribute to read as each collaboration's start (one of a previous result's `dateAttributes`). */
  readonly dateAttribute?: string;
  readonly onProgress?: (fraction: number) => void;
  /** Checked between chunks; set `aborted` to stop the import with an `aborted` error. */
  readonly signal?: { readonly aborted: boolean };
}

export type ImportFormat = 'csv' | 'gexf' | 'graphml' | 'project';

export interface ImportedData {
  readonly dataset: Dataset;
  /** Organisation id → [x, y] from the file's own layout, so the app can skip its layout; null when absent. */
  readonly positions: Record<string, [number, number]> | null;
  /** Encoding of the file(s) read: `utf-8`, `utf-8-bom`, `windows-1252`…, or `name: encoding` pairs when they differ. */
  readonly encoding: string;
  /** GEXF/GraphML edge attributes that hold dates, for the user to choose as the collaboration date. */
  readonly dateAttributes: readonly string[];
  readonly format: ImportFormat;
  /** From a project file, unvalidated here: the state layer owns their shape. */
  readonly view?: unknown;
  readonly stories?: unknown;
}

type Role = 'project' | 'gexf' | 'graphml' | 'organisations' | 'collaborations' | 'sources' | 'unknown';

interface Classified {
  readonly name: string;
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly role: Role;
  readonly table?: CsvTable;
}

const baseName = (name: string): string => name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || name;
const fail = (errors: ImportProblem[], warnings: ImportProblem[] = []): ImportResult<ImportedData> => ({
  ok: false,
  errors,
  warnings,
});

/** Recognises a file by its content, never its name: users drop files called anything. */
function classify(name: string, text: string, encoding: TextEncodingName): Classified {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('{')) return { name, text, encoding, role: 'project' };
  if (head.startsWith('<')) {
    const role = /<(\w+:)?gexf[\s>]/.test(head) ? 'gexf' : /<(\w+:)?graphml[\s>]/.test(head) ? 'graphml' : 'unknown';
    return { name, text, encoding, role };
  }
  const table = readCsv(name, text);
  const role = looksLikeCollaborations(table.headers)
    ? 'collaborations'
    : looksLikeSources(table.headers)
      ? 'sources'
      : 'organisations';
  return { name, text, encoding, role, table };
}

/** Checks the set: one project/GEXF/GraphML alone, or organisations + collaborations (+ sources) CSVs. */
function checkSet(files: readonly Classified[], log: ProblemLog): void {
  const whole = files.filter((f) => f.role === 'project' || f.role === 'gexf' || f.role === 'graphml');
  for (const f of files.filter((f) => f.role === 'unknown'))
    log.report(
      'error',
      'unrecognised-file',
      { file: f.name, line: 0, field: '' },
      '',
      'This XML file is neither GEXF nor GraphML.',
    );
  if (whole.length > 0) {
    for (const f of files.slice(1))
      log.report(
        'error',
        'extra-file',
        { file: f.name, line: 0, field: '' },
        '',
        `Load ${files[0]?.name ?? 'one file'} on its own: a project, GEXF or GraphML file holds the whole dataset.`,
      );
    return;
  }
  for (const role of ['organisations', 'collaborations', 'sources'] as const) {
    const group = files.filter((f) => f.role === role);
    for (const extra of group.slice(1))
      log.report(
        'error',
        'extra-file',
        { file: extra.name, line: 0, field: '' },
        '',
        `Both ${group[0]?.name ?? ''} and this file look like ${role}; load one of them.`,
      );
    if (group.length === 0 && role !== 'sources')
      log.report(
        'error',
        'missing-file',
        { file: '', line: 0, field: role },
        '',
        role === 'organisations'
          ? 'Add the organisations file (columns Id and Label) next to the collaborations file.'
          : 'Add the collaborations file (columns Source and Target, or From and To) next to the organisations file.',
      );
  }
}

const tick = (signal?: { readonly aborted: boolean }): Promise<void> =>
  new Promise((resolve, reject) =>
    setTimeout(() => (signal?.aborted ? reject(new ImportAborted('import aborted')) : resolve()), 0),
  );

/** Imports the dropped files; never throws on bad input, reports it. */
export async function importFiles(
  files: readonly ImportFile[],
  options: ImportOptions,
): Promise<ImportResult<ImportedData>> {
  try {
    return await importChecked(files, options);
  } catch (e) {
    if (!(e instanceof ImportAborted)) throw e;
    return fail([
      problem(
        'error',
        'aborted',
        { file: '', line: 0, field: '' },
        '',
        'The import was cancelled; nothing was loaded.',
      ),
    ]);
  }
}

async function importChecked(
  files: readonly ImportFile[],
  options: ImportOptions,
): Promise<ImportResult<ImportedData>> {
  const progress = (f: number) => options.onProgress?.(Math.min(1, Math.max(0, f)));
  const tooLarge = files.map((f) => checkFileSize(f.name, f.bytes.length)).filter((p) => p !== null);
  if (tooLarge.length > 0) return fail(tooLarge);
  if (files.length === 0)
    return fail([problem('error', 'missing-file', { file: '', line: 0, field: '' }, '', 'Choose at least one file.')]);
  const log = new ProblemLog();
  const classified: Classified[] = [];
  for (const f of files) {
    const at = { file: f.name, line: 0, field: '' };
    const decoded = decodeBytes(f.bytes);
    if (!decoded.ok) {
      log.report(
        'error',
        'unreadable-file',
        at,
        '',
        `This looks like ${decoded.hint}, not a text file. Save it as CSV (UTF-8), GEXF or GraphML.`,
      );
      continue;
    }
    if (decoded.text.trim() === '') {
      log.report('error', 'empty-file', at, '', 'The file is empty.');
      continue;
    }
    if (decoded.encoding === 'windows-1252')
      log.report(
        'warning',
        'legacy-encoding',
        at,
        'windows-1252',
        'Not UTF-8: read as Windows-1252 (Western European). If letters look wrong, save the file as "CSV UTF-8".',
      );
    classified.push(classify(f.name, decoded.text, decoded.encoding));
    await tick(options.signal);
  }
  progress(0.1);
  if (log.hasErrors) return log.result(null as never);
  checkSet(classified, log);
  if (log.hasErrors) return log.result(null as never);
  const encodings = new Set(classified.map((f) => f.encoding));
  const encoding =
    encodings.size === 1 ? ([...encodings][0] ?? '') : classified.map((f) => `${f.name}: ${f.encoding}`).join('; ');
  const first = classified[0];
  if (!first) return log.result(null as never);
  const base = { encoding, dateAttributes: [] as readonly string[], positions: null };
  const readOptions = { today: options.today, strict: false, requireSources: false, regions: options.regions };
  const rowsProgress = (from: number) => (f: number) => progress(from + (1 - from) * f);

  if (first.role === 'project') {
    const project = parseProject(first.text, first.name, log);
    if (!project) return log.result(null as never);
    checkIntegrity(project.dataset, first.name, log);
    progress(1);
    const { dataset, positions, view, stories } = project;
    return log.result<ImportedData>({
      ...base,
      dataset,
      positions: positions ?? null,
      format: 'project',
      ...(view === undefined ? {} : { view }),
      ...(stories === undefined ? {} : { stories }),
    });
  }

  if (first.role === 'gexf' || first.role === 'graphml') {
    const parsed = parseXmlSafely(first.text, first.name, options.parseXml);
    if (!parsed.ok) return fail([parsed.problem], log.problems());
    progress(0.4);
    await tick(options.signal);
    const read = first.role === 'gexf' ? gexfToTables : graphmlToTables;
    const graph: GraphTables | null = read(parsed.doc, first.name, log, options.dateAttribute);
    if (!graph) return log.result(null as never);
    if (graph.organisations.rows.length === 0) {
      log.report('error', 'empty-file', { file: first.name, line: 0, field: '' }, '', 'The graph has no nodes.');
      return log.result(null as never);
    }
    const tables: DatasetTables = { organisations: graph.organisations, collaborations: graph.collaborations };
    const steps = datasetFromTables(baseName(first.name), tables, log, readOptions, {
      organisations: XML_ORGANISATION_SPEC,
      collaborations: XML_COLLABORATION_SPEC,
    });
    const dataset = await runStepsAsync(steps, {
      total: tableRows(tables),
      onProgress: rowsProgress(0.5),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return log.result<ImportedData>({
      ...base,
      dataset,
      positions: graph.positions,
      dateAttributes: graph.dateAttributes,
      format: first.role,
    });
  }

  const table = (role: Role) => classified.find((f) => f.role === role)?.table;
  const organisations = table('organisations');
  const collaborations = table('collaborations');
  if (!organisations || !collaborations) return log.result(null as never);
  const tables: DatasetTables = { sources: table('sources'), organisations, collaborations };
  const steps = datasetFromTables(baseName(organisations.file), tables, log, readOptions);
  const dataset = await runStepsAsync(steps, {
    total: tableRows(tables),
    onProgress: rowsProgress(0.1),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return log.result<ImportedData>({ ...base, dataset, format: 'csv' });
}
