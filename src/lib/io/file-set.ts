// Recognises each dropped file by its content (CSV role by headers, GEXF, GraphML, project JSON) and checks the set is complete.
import { looksLikeCollaborations, looksLikeSources } from './columns';
import { normaliseHeader, readCsv, type CsvTable } from './csv-table';
import { decodeBytes, type TextEncodingName } from './decode';
import type { ProblemLog } from './problems';

export type FileRole = 'project' | 'gexf' | 'graphml' | 'organisations' | 'collaborations' | 'sources' | 'unknown';

export interface RecognisedFile {
  readonly name: string;
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly role: FileRole;
  /** The parsed table, for CSV files. */
  readonly table?: CsvTable;
}

/** Name without folders and extension, for the dataset's name. */
export const baseName = (name: string): string => name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || name;

/** Users drop files called anything, so the content decides: `{` JSON, `<gexf`/`<graphml` XML, else CSV by its headers. */
function classify(name: string, text: string, encoding: TextEncodingName): RecognisedFile {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('{')) return { name, text, encoding, role: 'project' };
  if (head.startsWith('<')) {
    const role = /<(\w+:)?gexf[\s>]/.test(head) ? 'gexf' : /<(\w+:)?graphml[\s>]/.test(head) ? 'graphml' : 'unknown';
    return { name, text, encoding, role };
  }
  const table = readCsv(name, text);
  const headers = table.headers;
  const role = looksLikeCollaborations(headers)
    ? 'collaborations'
    : looksLikeSources(headers)
      ? 'sources'
      : 'organisations';
  return { name, text, encoding, role, table };
}

/** Decodes and recognises one file; null (after reporting) when it is binary or empty. */
export function recogniseFile(name: string, bytes: Uint8Array, log: ProblemLog): RecognisedFile | null {
  const at = { file: name, line: 0, field: '' };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    log.report(
      'error',
      'unreadable-file',
      at,
      '',
      `This looks like ${decoded.hint}, not a text file. Save it as CSV (UTF-8), GEXF or GraphML.`,
    );
    return null;
  }
  if (decoded.text.trim() === '') {
    log.report(
      'error',
      'empty-file',
      at,
      '',
      'The file is empty (0 bytes or only blank lines); export it again from its source.',
    );
    return null;
  }
  if (decoded.legacy)
    log.report(
      'warning',
      'legacy-encoding',
      { ...at, line: decoded.legacy.line },
      'windows-1252',
      decoded.legacy.mixed
        ? 'This line is not UTF-8 while other lines are: the file mixes two encodings. Lines that are not UTF-8 are read as Windows-1252; check their letters, or save the whole file as "CSV UTF-8".'
        : 'Not UTF-8 from this line on: read as Windows-1252 (Western European). If letters look wrong, save the file as "CSV UTF-8".',
    );
  return classify(name, decoded.text, decoded.encoding);
}

/** Reports a set that is not one project/GEXF/GraphML file alone, or organisations + collaborations (+ sources) CSVs. */
export function checkFileSet(files: readonly RecognisedFile[], log: ProblemLog): void {
  const at = (file: string, field = '') => ({ file, line: 0, field });
  const unknown = files.filter((f) => f.role === 'unknown');
  for (const f of unknown)
    log.report('error', 'unrecognised-file', at(f.name), '', 'This XML file is neither GEXF nor GraphML.');
  if (unknown.length > 0) return;
  if (files.some((f) => f.role === 'project' || f.role === 'gexf' || f.role === 'graphml')) {
    for (const f of files.slice(1))
      log.report(
        'error',
        'extra-file',
        at(f.name),
        '',
        `Load ${files[0]?.name ?? 'one file'} on its own: a project, GEXF or GraphML file holds the whole dataset.`,
      );
    return;
  }
  let halfCollaborations = false;
  for (const role of ['organisations', 'collaborations', 'sources'] as const) {
    const group = files.filter((f) => f.role === role);
    for (const extra of group.slice(1)) {
      const half = role === 'organisations' ? missingEndpointColumn(extra.table?.headers ?? []) : null;
      if (half) {
        halfCollaborations = true;
        log.report(
          'error',
          'missing-column',
          { file: extra.name, line: 1, field: half },
          '',
          `This looks like a collaborations file without its ${half} column: add a ${half} column naming the second organisation of each collaboration.`,
        );
        continue;
      }
      log.report(
        'error',
        'extra-file',
        at(extra.name),
        '',
        `Both ${group[0]?.name ?? ''} and this file look like ${role}; load one of them.`,
      );
    }
    if (group.length === 0 && role !== 'sources' && !(role === 'collaborations' && halfCollaborations))
      log.report(
        'error',
        'missing-file',
        at('', role),
        '',
        role === 'organisations'
          ? 'Add the organisations file (columns Id and Label) next to the collaborations file.'
          : 'Add the collaborations file (columns Source and Target, or From and To) next to the organisations file.',
      );
  }
}

/** `Target` or `To` when the headers have one endpoint column of a collaborations table but not the other. */
function missingEndpointColumn(headers: readonly string[]): string | null {
  const keys = new Set(headers.map(normaliseHeader));
  if (keys.has('source') && !keys.has('target')) return 'Target';
  if (keys.has('from') && !keys.has('to')) return 'To';
  return null;
}

/** The encoding to report: one name when all files agree, else `file: encoding` pairs. */
export function encodingOf(files: readonly RecognisedFile[]): string {
  const all = new Set(files.map((f) => f.encoding));
  return all.size === 1 ? ([...all][0] ?? '') : files.map((f) => `${f.name}: ${f.encoding}`).join('; ');
}
