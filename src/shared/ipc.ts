/**
 * The IPC contract: the one table of every call the renderer may make and every event main sends it.
 * Main binds handlers to it (src/main/ipc.ts), the preload builds `window.wdt` from it, and channel names
 * are derived from its keys (ipcTypes.ts). Inputs are checked at runtime in main with these schemas.
 *
 * How to add a call: add an entry here with its input schema and output type, add its handler in
 * src/main/handlers.ts (TypeScript insists), and use it in the renderer as `window.wdt.<name>(input)`.
 * test/shared/ipc.test.ts keeps contract, preload and handlers in step.
 */
import { z } from 'zod';
import { isDraftId } from './draftIds';
import { call, event, type WdtApi } from './ipcTypes';
import type { AppSettings, ProfileSummary, ProtectionBackend } from './profile';
import { environmentIds, proxyBounds, proxyModes, scannerSuffixKeys, settingsBounds } from './profile';
import {
  journalOutcomes,
  type JournalChange,
  type JournalEntry,
  type JournalEntryDetail,
  type JournalPage,
} from './journal';
import type { CallOutcome, OutcomeKind } from './outcome';
import type { SnFilterData } from './snFilter';
import type { PracticeErpSettings } from './practiceErp';
import type { ReconcileFinding, ReconcileProgress } from './reconcile';
import { snShapeBounds, type SnShape } from './snShape';
import type { Problem } from './spec';
import {
  catalogKinds,
  catalogLimits,
  type CatalogMatch,
  type CatalogStatus,
  type CatalogSuggestion,
} from './catalog';

// ---------------------------------------------------------------------------------------------------------
// Input schemas. Bounds keep a hostile or buggy renderer from exhausting main's memory.

const shortText = z.string().max(500);
const id = z.string().min(1).max(200);
/** The largest document a user may build: matches the import limit. */
const maxLines = 200_000;
const rawValue = z.union([
  z.string().max(100_000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(500)).max(maxLines),
  z.null(),
]);
const rawRecord = z.record(z.string().max(100), rawValue.optional());

const documentDraftSchema = z.object({
  header: rawRecord,
  lines: z.array(rawRecord).max(maxLines),
});

/** How a profile reaches the ERP (issue #19); the vault checks the contents. */
const proxyInput = z.object({
  mode: z.enum(proxyModes),
  server: shortText.optional(),
  pacUrl: z.string().max(proxyBounds.pacUrlMaxLength).optional(),
  username: shortText.optional(),
  password: shortText.optional(),
  clearLogin: z.boolean().optional(),
});

const profileInput = z.object({
  name: shortText,
  environment: z.enum(environmentIds).exclude(['practice']),
  url: shortText.optional(),
  sid: shortText,
  appkey: shortText,
  appsecret: shortText,
  operator: shortText.optional(),
  proxy: proxyInput.optional(),
});

const snLength = z.number().int().min(snShapeBounds.length.min).max(snShapeBounds.length.max);
const snShape = z.object({
  minLength: snLength,
  maxLength: snLength,
  pattern: z.string().max(snShapeBounds.patternMaxLength),
});

const settingsPatch = z.object({
  snShape: z.object({ profileId: id, shape: snShape.nullable() }).optional(),
  outerTransferReference: z.boolean().optional(),
  activeProfileId: id.nullable().optional(),
  operatorName: shortText.optional(),
  sound: z
    .object({ enabled: z.boolean().optional(), volume: z.number().min(0).max(1).optional() })
    .optional(),
  scanner: z
    .object({
      suffixKeys: z.array(z.enum(scannerSuffixKeys)).min(1).max(scannerSuffixKeys.length).optional(),
      maxInterKeyMs: z
        .number()
        .int()
        .min(settingsBounds.maxInterKeyMs.min)
        .max(settingsBounds.maxInterKeyMs.max)
        .optional(),
      minLength: z
        .number()
        .int()
        .min(settingsBounds.minLength.min)
        .max(settingsBounds.minLength.max)
        .optional(),
      bounceWindowMs: z
        .number()
        .int()
        .min(settingsBounds.bounceWindowMs.min)
        .max(settingsBounds.bounceWindowMs.max)
        .optional(),
    })
    .optional(),
  language: z.literal('zh-CN').optional(),
});

const journalQuery = z.object({
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  methods: z.array(shortText).max(20).optional(),
  outcomes: z.array(z.enum(journalOutcomes)).max(journalOutcomes.length).optional(),
  operator: shortText.optional(),
  profileName: shortText.optional(),
  text: shortText.optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

/** Draft ids name files in main: the rules are in draftIds.ts. */
const draftId = z.string().refine(isDraftId);

/** See src/shared/draftPatch.ts: set `value` at `path` (object keys and array indices). */
const draftPatches = z
  .array(
    z.object({
      path: z.array(z.union([z.string().max(100), z.number().int().min(0).max(10_000_000)])).max(32),
      value: z.json(),
    }),
  )
  .min(1)
  .max(1000);

const catalogCode = z.string().max(catalogLimits.codeMaxLength);
const catalogText = z.string().max(catalogLimits.codeMaxLength);
const catalogImportRow = z.object({
  specNo: catalogCode.min(1),
  goodsName: z.string().max(catalogLimits.nameMaxLength),
  specName: z.string().max(catalogLimits.nameMaxLength),
  barcodes: z.array(catalogCode.min(1)).max(50),
});

// ---------------------------------------------------------------------------------------------------------
// Output types that exist only at the boundary.

export interface ProfilesView {
  readonly profiles: readonly ProfileSummary[];
  readonly protection: {
    readonly backend: ProtectionBackend;
    readonly canStoreSecrets: boolean;
    readonly warning: string | null;
  };
}

export interface ConnectionTestResult {
  /** True when the ERP let the probe through to its business checks: address, sid, key, secret, IP and clock are right. */
  readonly ok: boolean;
  readonly outcome: OutcomeKind;
  /** Plain Chinese: what the answer means and what to do. */
  readonly summary: string;
  readonly detail: string;
  readonly durationMs: number;
}

export type SubmitResponse =
  /** Main re-validated the document and found errors; nothing was sent. */
  | { readonly status: 'invalid'; readonly problems: readonly Problem[] }
  /** The same document was sent before and was created, or may have been: the user must confirm. */
  | { readonly status: 'needs-confirmation'; readonly prior: readonly JournalEntry[] }
  /** Sent; the outcome says what became of it, and the journal entry records it. */
  | { readonly status: 'sent'; readonly entry: JournalEntry; readonly outcome: CallOutcome };

export interface DraftSummary {
  readonly id: string;
  /** ISO 8601 time of the last full save. */
  readonly savedAt: string;
  readonly bytes: number;
}

export interface DraftPatchSummary {
  /** ISO 8601 time of this patch. */
  readonly savedAt: string;
  /** Patch calls in the draft's log now, this one included (0 again after a full save or a compaction). */
  readonly pending: number;
}

type DraftContent =
  /** `notice` says what of the draft's latest changes could not be restored, when something could not. */
  | { readonly found: true; readonly savedAt: string; readonly data: unknown; readonly notice?: string }
  /** `notice` says why a draft that existed could not be used (a damaged file, set aside for support). */
  | { readonly found: false; readonly notice?: string };

export interface ExportFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** A receipt printed: `printed` false when the user closed the dialog; `pdf` for the 'pdf' target. */
interface PrintReceiptResult {
  readonly printed: boolean;
  readonly pdf?: ExportFile;
}

export interface AppInfo {
  readonly version: string;
  /** Where drafts, the journal and settings live, for support. */
  readonly dataFolder: string;
  /**
   * Problems found at start that the user must hear about (a damaged settings file set aside, what was
   * recovered, what to re-enter), in Chinese; shown once when the window opens. Absent when there were none.
   */
  readonly startupNotices?: readonly string[];
}

export interface SubmissionProgress {
  readonly draftId: string;
  readonly phase: 'checking' | 'journaling' | 'sending' | 'done';
}

// ---------------------------------------------------------------------------------------------------------
// The table.

export const ipcCalls = {
  getAppInfo: call<AppInfo>()(z.undefined(), 'Version and data folder'),

  listProfiles: call<ProfilesView>()(
    z.undefined(),
    'Profiles without secrets, and how secrets are protected',
  ),
  createProfile: call<ProfileSummary>()(profileInput, 'Add a credential profile (the secret is encrypted)'),
  updateProfile: call<ProfileSummary>()(
    z.object({ id, patch: profileInput.partial() }),
    'Change a profile; a missing appsecret keeps the stored one',
  ),
  deleteProfile: call<readonly ProfileSummary[]>()(
    z.object({ id }),
    'Remove a profile (not the practice one)',
  ),
  setActiveProfile: call<ProfileSummary>()(z.object({ id }), 'Choose the profile documents are sent with'),
  testConnection: call<ConnectionTestResult>()(z.object({ id }), 'A signed probe that creates nothing'),

  getSettings: call<AppSettings>()(z.undefined(), 'The typed settings'),
  updateSettings: call<AppSettings>()(settingsPatch, 'Change some settings'),
  suggestSnShape: call<SnShape | null>()(
    z.undefined(),
    'An SN shape every recently accepted SN fits, or null with too few of them',
  ),

  submitDocument: call<SubmitResponse>()(
    z.object({
      method: shortText,
      draftId,
      draft: documentDraftSchema,
      /** Journal ids of earlier sends of the same document the user has seen and chosen to send again. */
      confirmedPriorIds: z.array(id).max(100).optional(),
    }),
    'Validate in main, journal, sign, send and classify: at most once per confirmation',
  ),

  listDrafts: call<readonly DraftSummary[]>()(z.undefined(), 'Saved drafts'),
  loadDraft: call<DraftContent>()(z.object({ id: draftId }), 'One saved draft'),
  saveDraft: call<DraftSummary>()(z.object({ id: draftId, data: z.json() }), 'Save a draft durably'),
  patchDraft: call<DraftPatchSummary>()(
    z.object({ id: draftId, patches: draftPatches }),
    'Save a small change to a saved draft durably, appended to its log (cost follows the change, not the draft)',
  ),
  deleteDraft: call<null>()(z.object({ id: draftId }), 'Forget a draft'),

  queryJournal: call<JournalPage>()(journalQuery, 'Submission log, filtered and paged, newest first'),
  getJournalEntry: call<JournalEntryDetail>()(z.object({ id }), 'One submission with request and response'),
  exportJournal: call<ExportFile>()(
    journalQuery.omit({ offset: true, limit: true }),
    'The filtered log as .xlsx',
  ),
  printReceipt: call<PrintReceiptResult>()(
    z.object({ target: z.enum(['printer', 'pdf']), name: z.string().max(200) }).strict(),
    'Print the window as its print style sheet lays it out (the log receipt): the system dialog, or a PDF',
  ),
  findSentSns: call<readonly string[]>()(
    z.object({ sns: z.array(z.string().max(500)).max(maxLines) }),
    'Which of these SNs were already sent in an accepted submission',
  ),
  recentHeaderValues: call<readonly string[]>()(
    z.object({ method: shortText, field: z.string().max(100) }).strict(),
    '最近使用: values a header field held in documents the ERP recently created with the active profile',
  ),
  sentSnFilter: call<SnFilterData>()(
    z.undefined(),
    'A Bloom filter of every SN sent in an accepted submission: scans of SNs it lacks need no lookup',
  ),

  reconcileEntry: call<ReconcileFinding>()(
    z.object({ id }),
    '核对: ask the ERP what an unknown outcome did and record the finding; never resends',
  ),
  getPracticeErpSettings: call<PracticeErpSettings>()(
    z.undefined(),
    'The practice ERP’s settings that change its answers (允许添加相同的货品, 批次有效期必传, 小数数量)',
  ),
  updatePracticeErpSettings: call<PracticeErpSettings>()(
    z
      .object({
        allowSameGoods: z.boolean().optional(),
        batchAndExpiryRequired: z.boolean().optional(),
        decimalQuantities: z.boolean().optional(),
      })
      .strict(),
    'Change some practice ERP settings; they apply to the next practice call and are kept',
  ),

  catalogStatus: call<CatalogStatus>()(
    z.undefined(),
    'The active profile’s catalog: counts, last sync, the run going on',
  ),
  syncCatalog: call<CatalogStatus>()(
    z.object({ mode: z.enum(['full', 'incremental']), since: z.iso.date().optional() }).strict(),
    'Start reading the catalog from the ERP in the background (progress comes as catalogChanged)',
  ),
  cancelCatalogSync: call<CatalogStatus>()(z.undefined(), 'Stop the running sync; what was read is kept'),
  suggestFromCatalog: call<readonly CatalogSuggestion[]>()(
    z
      .object({
        kind: z.enum(catalogKinds),
        text: catalogText,
        limit: z.number().int().min(1).max(catalogLimits.suggestMax).optional(),
      })
      .strict(),
    'Autocomplete: codes, barcodes and names that match what was typed, best first',
  ),
  lookupInCatalog: call<readonly CatalogMatch[]>()(
    z
      .object({ kind: z.enum(catalogKinds), codes: z.array(catalogCode).max(catalogLimits.lookupMax) })
      .strict(),
    'What each code is in the catalog (a barcode answers with its spec_no); never a refusal',
  ),
  catalogCodeFilter: call<SnFilterData>()(
    z.undefined(),
    'A Bloom filter of every spec_no, suite_no and barcode (as catalogFilterKey): scans it lacks need no lookup',
  ),
  importCatalogRows: call<CatalogStatus>()(
    z
      .object({
        /** The first batch of a file replaces every product; the last one makes the import durable. */
        first: z.boolean(),
        last: z.boolean(),
        rows: z.array(catalogImportRow).max(catalogLimits.importBatchMax),
      })
      .strict(),
    'Part of a goods-list file (商家编码, 货品名称, 规格名称, 条码) into the catalog',
  ),
} as const;

export const ipcEvents = {
  journalChanged: event<JournalChange>('A submission was added or its result arrived'),
  submissionProgress: event<SubmissionProgress>('Where a submission is'),
  reconcileProgress: event<ReconcileProgress>('Where a 核对 is (started by the user or by main itself)'),
  catalogChanged: event<CatalogStatus>(
    'The catalog’s status changed: sync progress, counts, the active profile',
  ),
} as const;

export type IpcCalls = typeof ipcCalls;
export type IpcEvents = typeof ipcEvents;
export type IpcCallName = keyof IpcCalls;
export type IpcEventName = keyof IpcEvents;

/** `window.wdt` as the preload exposes it. */
export type WdtBridge = WdtApi<IpcCalls, IpcEvents>;

export const ipcCallNames = Object.keys(ipcCalls) as IpcCallName[];
export const ipcEventNames = Object.keys(ipcEvents) as IpcEventName[];
