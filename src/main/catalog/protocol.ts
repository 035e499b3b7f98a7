/**
 * The messages between main (workerHost.ts) and the catalog worker (catalogWorker.ts). Main checks every
 * reply against the answer its method promises before handing it on: the worker is our code, but a reply
 * that is not what the caller was promised would fail far from its cause.
 */
import { z } from 'zod';
import { catalogKinds, catalogSources } from '../../shared/catalog';
import { snFilterData } from '../../shared/snFilter';

/** Given to the worker at start. */
export interface CatalogWorkerData {
  readonly file?: string;
}

export type CatalogMethod =
  | 'apply'
  | 'clearProducts'
  | 'readMeta'
  | 'writeMeta'
  | 'checkpoint'
  | 'counts'
  | 'suggest'
  | 'lookup'
  | 'codeFilter'
  | 'contents'
  | 'memory';

export interface CatalogRequest {
  readonly id: number;
  readonly method: CatalogMethod;
  readonly args: readonly unknown[];
}

/** From the worker: that it opened (or could not), then one reply per request. */
export type CatalogWorkerMessage =
  | { readonly type: 'ready'; readonly openNotice?: string }
  | { readonly type: 'openFailed'; readonly message: string }
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly type: 'reply';
      readonly id: number;
      readonly ok: false;
      readonly name: string;
      readonly message: string;
    };

export const workerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), openNotice: z.string().optional() }),
  z.object({ type: z.literal('openFailed'), message: z.string() }),
  z.object({
    type: z.literal('reply'),
    id: z.number().int(),
    ok: z.boolean(),
    value: z.unknown().optional(),
    name: z.string().optional(),
    message: z.string().optional(),
  }),
]);

const kind = z.enum(catalogKinds);
const counts = z.object({
  specs: z.number(),
  suites: z.number(),
  barcodes: z.number(),
  warehouses: z.number(),
  providers: z.number(),
  employees: z.number(),
  purchasers: z.number(),
});
const suggestion = z.object({
  kind,
  value: z.string(),
  label: z.string(),
  barcode: z.string().optional(),
  note: z.string().optional(),
});
const match = z.union([suggestion.extend({ found: z.literal(true) }), z.object({ found: z.literal(false) })]);
const meta = z.object({
  origin: z.enum(['erp', 'file', 'empty']),
  syncedUpTo: z.number().optional(),
  lastFullAt: z.number().optional(),
  problems: z.array(z.object({ source: z.enum(catalogSources), method: z.string(), message: z.string() })),
  cursor: z.unknown().optional(),
});
const contents = z.object({
  products: z.array(
    z.object({
      specNo: z.string(),
      goodsNo: z.string(),
      goodsName: z.string(),
      specName: z.string(),
      barcodes: z.array(z.string()),
      suite: z.boolean(),
    }),
  ),
  warehouses: z.array(z.object({ warehouseNo: z.string(), name: z.string(), disabled: z.boolean() })),
  providers: z.array(z.object({ providerNo: z.string(), providerName: z.string(), disabled: z.boolean() })),
  employees: z.array(
    z.object({
      nickname: z.string(),
      name: z.string(),
      employeeNo: z.string(),
      purchaser: z.boolean(),
      disabled: z.boolean(),
    }),
  ),
});
/** The worker's own memory (its heap; the WASM database is in arrayBuffers); rss is the whole process's. */
const workerMemory = z.object({
  heapUsed: z.number(),
  heapTotal: z.number(),
  external: z.number(),
  arrayBuffers: z.number(),
  rss: z.number(),
});
export type WorkerMemory = z.infer<typeof workerMemory>;

const nothing = z.undefined();

/** What each method's reply must be. */
export const replySchemas = {
  apply: nothing,
  clearProducts: nothing,
  readMeta: meta,
  writeMeta: nothing,
  checkpoint: nothing,
  counts,
  suggest: z.array(suggestion),
  lookup: z.array(match),
  codeFilter: snFilterData,
  contents,
  memory: workerMemory,
} satisfies Record<CatalogMethod, z.ZodType>;
