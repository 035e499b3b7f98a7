/** The messages between the import dialog and its Web Worker. Everything is structured-clone safe. */
import type {
  ColumnChoices,
  ImportProgress,
  ImportResult,
  ImportTarget,
  LineQuantity,
} from '../../../shared/import';

export interface ImportJob {
  readonly type?: 'import';
  /** The file's bytes; transferred, not copied. */
  readonly bytes: ArrayBuffer | Uint8Array;
  readonly fileName: string;
  /** The document method; for target 'catalog', CATALOG_IMPORT_KEY (not read by the worker). */
  readonly method: string;
  readonly target: ImportTarget;
  /** The document's lines, so SN counts are checked against their quantities. */
  readonly lines?: readonly LineQuantity[];
  /** The user's column mapping, when the file's headers did not name every required field. */
  readonly choices?: ColumnChoices;
}

interface CancelJob {
  readonly type: 'cancel';
}

export type ToWorker = ImportJob | CancelJob;

export type FromWorker =
  | { readonly type: 'progress'; readonly progress: ImportProgress }
  /** `report` is the error report (.xlsx), built only when there are row problems to report. */
  | { readonly type: 'done'; readonly result: ImportResult; readonly report: Uint8Array | null }
  | { readonly type: 'cancelled' }
  | { readonly type: 'failed'; readonly message: string };
