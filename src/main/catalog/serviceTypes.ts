/**
 * What the rest of main sees of the catalog service (service.ts): the active profile's catalog, its sync
 * and its file import. The IPC handlers delegate to this; tests drive it directly.
 */
import type {
  CatalogImportRow,
  CatalogKind,
  CatalogMatch,
  CatalogStatus,
  CatalogSuggestion,
  CatalogSyncMode,
} from '../../shared/catalog';
import type { Result } from '../../shared/result';
import type { SnFilterData } from '../../shared/snFilter';

export interface CatalogSyncRequest {
  readonly mode: CatalogSyncMode;
  /** ISO date (YYYY-MM-DD): where a full sync starts reading; DEFAULT_FULL_SYNC_YEARS back when absent. */
  readonly since?: string;
}

export interface CatalogImportBatch {
  /** The first batch of a file replaces every product. */
  readonly first: boolean;
  /** The last batch records the import and makes it durable. */
  readonly last: boolean;
  readonly rows: readonly CatalogImportRow[];
}

export interface CatalogService {
  status(): Promise<CatalogStatus>;
  /** Starts a sync in the background; BUSY when one runs, NOT_FOUND without an active profile. */
  sync(request: CatalogSyncRequest): Promise<Result<CatalogStatus>>;
  /** Stops the running sync (what was read is kept); answers the status either way. */
  cancel(): Promise<CatalogStatus>;
  /** Empty while the catalog is opening or absent: the catalog never refuses anything. */
  suggest(kind: CatalogKind, text: string, limit?: number): Promise<readonly CatalogSuggestion[]>;
  /** Not found for every code while the catalog is opening or absent. */
  lookup(kind: CatalogKind, codes: readonly string[]): Promise<readonly CatalogMatch[]>;
  codeFilter(): Promise<SnFilterData>;
  importRows(batch: CatalogImportBatch): Promise<Result<CatalogStatus>>;
  /** Status changes, throttled during a sync; returns the unsubscribe. */
  onChange(listener: (status: CatalogStatus) => void): () => void;
  /** Call after the active profile may have changed: switches catalogs now rather than at the next call. */
  profileChanged(): void;
  /** Stops any sync and its timers and closes the open catalog. */
  close(): Promise<void>;
}
