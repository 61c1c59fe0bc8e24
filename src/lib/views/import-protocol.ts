// Messages between the app and the import worker: files in (as Blobs), progress, the result and its project text out.
import type { ImportResult } from '../model/errors';
import type { ImportedData } from '../io/import-files';
import type { CollaborationColumns, OrganisationColumns } from '../io/record-columns';
import type { AtlasDerived } from '../state/atlas-data';

/** Records per `records` message: about 10 ms for the page to deserialise and rebuild (0.7 s over 75 at 50k/250k). */
export const RECORDS_PER_MESSAGE = 4000;

export interface ImportRequest {
  readonly type: 'import';
  readonly id: number;
  /**
   * The files as Blobs, read by the worker: posting a Blob shares it without copying, and the page transfers no
   * buffer (a detached buffer makes V8 discard the page's optimised typed-array code; see recount-protocol.ts).
   */
  readonly files: readonly { readonly name: string; readonly blob: Blob }[];
  readonly today: number;
  /** The region tables as CSV text, so the worker builds its own index. */
  readonly regions: { readonly regions: string; readonly recodes: string; readonly countries: string };
  readonly dateAttribute?: string;
  /** Keep the dataset after `done`, for a `write-project` request (an import the browser will store). */
  readonly keepProject?: boolean;
}

export interface ImportCancel {
  readonly type: 'cancel';
  readonly id: number;
}

/**
 * Asks for the project text of the kept dataset (then let go). The page sends it once its views are built: written
 * meanwhile, the text took CPU from the views' build on a two-core machine.
 */
export interface ImportWriteProject {
  readonly type: 'write-project';
  readonly id: number;
}

/** The kept dataset's text will not be asked for (the page failed to show the import): the worker lets it go. */
export interface ImportRelease {
  readonly type: 'release';
  readonly id: number;
}

export type ImportResponse =
  | { readonly type: 'progress'; readonly id: number; readonly fraction: number }
  /** Records sent ahead of `done` in slices, so no single message costs the page a long deserialisation. */
  | {
      readonly type: 'records';
      readonly id: number;
      readonly organisations?: OrganisationColumns;
      /** Endpoints index the organisations sent before them. */
      readonly collaborations?: CollaborationColumns;
    }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly result: ImportResult<ImportedData>;
      /** What the records sent imply (`AtlasDerived`, its buffers transferred), when the import succeeded. */
      readonly derived?: AtlasDerived;
    }
  /** Answers `write-project`: the dataset as project JSON text (what the browser keeps) and its UTF-8 size. */
  | { readonly type: 'project'; readonly id: number; readonly json: string; readonly size: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
