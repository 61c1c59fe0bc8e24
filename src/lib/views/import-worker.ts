// Module worker: decodes, parses and validates imported files off the main thread and, when asked, writes the project
// text the browser keeps (DOMParser is absent in workers: GEXF streams through xml-scan, GraphML goes through saxes
// into a light tree; entity declarations are refused first).
import { parseXmlLight } from '../io/xml-light';
import { importFiles, type ImportedData } from '../io/import-files';
import { regionResolver } from '../io/builtin';
import { regionIndexFromCsv, type RegionIndex } from '../regions/region-index';
import { deriveAtlas, derivedBuffers } from '../state/atlas-data';
import { projectToJson } from '../io/project-json';
import { utf8Length } from '../io/saved-datasets';
import { columnBuffers, encodeCollaborations, encodeOrganisations } from '../io/record-columns';
import {
  RECORDS_PER_MESSAGE,
  type ImportCancel,
  type ImportRelease,
  type ImportRequest,
  type ImportResponse,
  type ImportWriteProject,
} from './import-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let regionsKey = '';
let regions: RegionIndex | null = null;
const running = new Map<number, { aborted: boolean }>();
/** The last import's dataset, while its project text may still be asked for (one at a time: a new import drops it). */
let kept: { readonly id: number; readonly data: ImportedData } | null = null;

function post(message: ImportResponse): void {
  scope.postMessage(message);
}

/** The kept dataset's project text; on the page it was 4.5 s of one task at 50k/250k, before the report. */
function writeProject(id: number): void {
  const data = kept?.id === id ? kept.data : null;
  kept = null;
  if (!data) {
    post({ type: 'failed', id, message: 'the imported dataset is no longer kept' });
    return;
  }
  try {
    const json = projectToJson({ dataset: data.dataset, positions: data.positions });
    post({ type: 'project', id, json, size: utf8Length(json) });
  } catch (error) {
    post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
}

scope.onmessage = async (event: MessageEvent<ImportRequest | ImportCancel | ImportWriteProject | ImportRelease>) => {
  const message = event.data;
  if (message.type === 'write-project') {
    writeProject(message.id);
    return;
  }
  if (message.type === 'release') {
    if (kept?.id === message.id) kept = null;
    return;
  }
  if (message.type === 'cancel') {
    const signal = running.get(message.id);
    if (signal) signal.aborted = true;
    return;
  }
  const signal = { aborted: false };
  running.set(message.id, signal);
  kept = null;
  try {
    const key = `${message.regions.regions.length}:${message.regions.countries.length}`;
    if (!regions || key !== regionsKey) {
      regions = regionIndexFromCsv(message.regions);
      regionsKey = key;
    }
    const files = await Promise.all(
      message.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) })),
    );
    const result = await importFiles(files, {
      today: message.today,
      regions: regionResolver(regions),
      parseXml: parseXmlLight,
      dateAttribute: message.dateAttribute,
      onProgress: (fraction) => post({ type: 'progress', id: message.id, fraction }),
      signal,
    });
    if (!result.ok) {
      post({ type: 'done', id: message.id, result });
      return;
    }
    // Derived here rather than on the page: it is the longest work left between the last record and the first frame.
    const derived = deriveAtlas(result.dataset.dataset, regions);
    // Large datasets go out in slices: one huge message would freeze the page while it is deserialised.
    const { organisations, collaborations } = result.dataset.dataset;
    // As columns (record-columns.ts): as objects, the page took 1.5 s to deserialise them at 50k/250k; now 0.7 s.
    for (let i = 0; i < organisations.length; i += RECORDS_PER_MESSAGE) {
      const columns = encodeOrganisations(organisations.slice(i, i + RECORDS_PER_MESSAGE));
      scope.postMessage(
        { type: 'records', id: message.id, organisations: columns } satisfies ImportResponse,
        columnBuffers(columns),
      );
    }
    const orgIndex = new Map(organisations.map((o, k) => [o.id, k]));
    for (let i = 0; i < collaborations.length; i += RECORDS_PER_MESSAGE) {
      const columns = encodeCollaborations(collaborations.slice(i, i + RECORDS_PER_MESSAGE), orgIndex);
      scope.postMessage(
        { type: 'records', id: message.id, collaborations: columns } satisfies ImportResponse,
        columnBuffers(columns),
      );
    }
    const shell = { ...result.dataset, dataset: { ...result.dataset.dataset, organisations: [], collaborations: [] } };
    scope.postMessage(
      { type: 'done', id: message.id, result: { ...result, dataset: shell }, derived } satisfies ImportResponse,
      derivedBuffers(derived),
    );
    if (message.keepProject) kept = { id: message.id, data: result.dataset };
  } catch (error) {
    post({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(message.id);
  }
};
