// Runs an import in the import worker with progress and cancel; the page stays responsive whatever the file size.
import type { ImportResult } from '../model/errors';
import type { ImportedData } from '../io/import-files';
import type { ImportRelease, ImportRequest, ImportResponse, ImportWriteProject } from './import-protocol';
import type { Collaboration, Organisation } from '../model/types';
import type { RegionTexts } from '../state/load-builtin';
import type { AtlasDerived } from '../state/atlas-data';
import { decodeCollaborations, decodeOrganisations } from '../io/record-columns';

/** An imported dataset, with what the worker derived from it (see `AtlasDerived`). */
export type WorkerImport = ImportedData & { readonly derived?: AtlasDerived };

/** A successful import's project JSON text and its UTF-8 size, made by the worker when asked. */
export interface ProjectText {
  readonly json: string;
  readonly size: number;
}

export interface ImportRun {
  readonly result: Promise<ImportResult<WorkerImport>>;
  /**
   * Asks the worker for the project text of an import run with `keepProject`, once its result is in (the same promise
   * on every call). Null when the import failed or was not kept, or the worker failed to write it.
   */
  writeProject(): Promise<ProjectText | null>;
  /**
   * Says the project text will not be asked for (the page could not show the import), so the worker lets go of the
   * dataset it keeps (at 50k/250k, over 100 MB of its heap); `writeProject` then gives null.
   */
  release(): void;
  cancel(): void;
}

let worker: Worker | null = null;
let nextId = 1;

function ensureWorker(): Worker {
  worker ??= new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

export interface ImportOptions {
  readonly onProgress: (fraction: number) => void;
  /** The GEXF attribute to read as the collaboration date. */
  readonly dateAttribute?: string;
  /** The worker keeps the dataset for `writeProject` (an import the browser will store). */
  readonly keepProject?: boolean;
}

/** Imports files (a `File` is a Blob) in the worker, which reads them. */
export function importInWorker(
  files: readonly { name: string; blob: Blob }[],
  regions: RegionTexts,
  today: number,
  { onProgress, dateAttribute, keepProject = false }: ImportOptions,
): ImportRun {
  const w = ensureWorker();
  const id = nextId++;
  const request: ImportRequest = { type: 'import', id, files, today, regions, dateAttribute, keepProject };
  let settle: ((r: ImportResult<WorkerImport>) => void) | null = null;
  let fail: ((e: Error) => void) | null = null;
  const result = new Promise<ImportResult<WorkerImport>>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let deliver: (p: ProjectText | null) => void = () => {};
  const project = new Promise<ProjectText | null>((resolve) => (deliver = resolve));
  // `kept`: the result is in and the worker holds the dataset until its text is asked for; `wanted`: asked for;
  // `released`: it never will be.
  let kept = false;
  let wanted = false;
  let released = false;
  const ask = () => {
    kept = false;
    w.postMessage({ type: 'write-project', id } satisfies ImportWriteProject);
  };
  const finish = () => {
    kept = false;
    w.removeEventListener('message', onMessage);
    deliver(null);
  };
  const drop = () => {
    w.postMessage({ type: 'release', id } satisfies ImportRelease);
    finish();
  };
  const organisations: Organisation[] = [];
  const collaborations: Collaboration[] = [];
  const onMessage = (event: MessageEvent<ImportResponse>) => {
    const msg = event.data;
    if (msg.id !== id) return;
    if (msg.type === 'progress') onProgress(msg.fraction);
    else if (msg.type === 'records') {
      if (msg.organisations) for (const o of decodeOrganisations(msg.organisations)) organisations.push(o);
      if (msg.collaborations)
        for (const c of decodeCollaborations(msg.collaborations, organisations)) collaborations.push(c);
    } else if (msg.type === 'project') {
      w.removeEventListener('message', onMessage);
      deliver({ json: msg.json, size: msg.size });
    } else if (msg.type === 'failed') {
      // Before the result, it fails the import; after it, only the project text is missing.
      fail?.(new Error(msg.message));
      finish();
    } else if (!msg.result.ok) {
      settle?.(msg.result);
      finish();
    } else {
      const imported = msg.result.dataset;
      const dataset = { ...imported.dataset, organisations, collaborations };
      settle?.({ ...msg.result, dataset: { ...imported, dataset, derived: msg.derived } });
      // A kept dataset: listening on for its project text.
      if (!keepProject) finish();
      else if (released) drop();
      else if (wanted) ask();
      else kept = true;
    }
  };
  w.addEventListener('message', onMessage);
  w.postMessage(request);
  return {
    result,
    writeProject() {
      if (released) return project;
      wanted = true;
      if (kept) ask();
      return project;
    },
    release() {
      if (wanted || released) return;
      released = true;
      if (kept) drop();
    },
    cancel: () => w.postMessage({ type: 'cancel', id }),
  };
}

/** Ends the worker (tests, teardown); safe to call twice. */
export function stopImportWorker(): void {
  worker?.terminate();
  worker = null;
}
