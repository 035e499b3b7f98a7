/**
 * One handler per contract call, each a short delegation to the module that does the work. Inputs
 * arrive already parsed (ipcDispatch.ts); every handler returns a Result and never a secret.
 */
import { fail, ok, type Result } from '../shared/result';
import type { CallHandlers } from '../shared/ipcTypes';
import type { AppInfo, IpcCalls } from '../shared/ipc';
import type { DraftStore } from './drafts/store';
import {
  DraftIdError,
  DraftMissingError,
  DraftPatchRefusedError,
  DraftTooLargeError,
  DraftWriteError,
} from './drafts/errors';
import type { Journal } from './journal/journal';
import type { Settings } from './settings';
import type { Vault } from './vault/types';
import type { Submit } from './submit';
import type { ReconcileEntry } from './reconcile/runner';
import type { WdtClient } from './wdt/client';
import type { PracticeEnvironment } from './practice';
import { testConnection } from './connectionTest';
import type { ErpRoute } from './net/route';
import { exportJournal } from './journal/export';
import type { Redactor } from './redactOutgoing';
import { createSentSnFilterSource } from './journal/sentSnFilterSource';
import { createRecentValues } from './journal/recentValues';
import { suggestSnShape } from '../shared/snShape';
import type { CatalogService } from './catalog/serviceTypes';
import type { ReceiptPrinter } from './platform/printReceipt';

/** The suggestion reads the newest accepted SNs only: the labels in use now, at a bounded cost. */
const SUGGESTION_SAMPLE = 5000;

interface HandlerServices {
  /** Read at each call: notices can be added while the app runs (AppCore.addStartupNotice). */
  readonly info: () => AppInfo;
  readonly vault: Vault;
  readonly settings: Settings;
  /** Resolves once the journal is replayed; only the log and submissions wait for it. */
  readonly journal: () => Promise<Journal>;
  readonly drafts: DraftStore;
  readonly submit: Submit;
  /** 核对 of an unknown entry (reconcile/runner.ts): queries only, never resends. */
  readonly reconcileEntry: ReconcileEntry;
  readonly clientForProfile: (profileId: string) => Promise<Result<WdtClient>>;
  /** How a profile's calls leave this PC (direct, which proxy), for 测试连接; absent without a network. */
  readonly routeFor?: (profileId: string) => Promise<ErpRoute | undefined>;
  readonly now: () => number;
  /** Removes every secret from the export's cells, which leave main as bytes that IPC redaction cannot read. */
  readonly redact: Redactor;
  /** The built-in practice ERP, whose settings the 练习环境 profile shows. */
  readonly practice: Pick<PracticeEnvironment, 'erpSettings' | 'setErpSettings'>;
  /** The active profile's local catalog (issue #14): sync, import, autocomplete and lookups. */
  readonly catalog: CatalogService;
  /** The window's printing (platform/printReceipt.ts); answers "cannot print" where there is no window. */
  readonly printer: ReceiptPrinter;
}

export function createHandlers(services: HandlerServices): CallHandlers<IpcCalls> {
  const { vault, settings, journal, drafts } = services;
  const sentSnFilter = createSentSnFilterSource();
  const recentValues = createRecentValues();
  /** The catalog shown and synced is the active profile's: it switches as soon as the active profile does. */
  const followProfile = <T>(result: T): T => {
    services.catalog.profileChanged();
    return result;
  };
  return {
    getAppInfo: () => ok(services.info()),

    listProfiles: () => ok({ profiles: vault.listProfiles(), protection: vault.protectionStatus() }),
    createProfile: (input) => vault.createProfile(input),
    updateProfile: ({ id, patch }) => vault.updateProfile(id, patch),
    deleteProfile: ({ id }) => followProfile(vault.deleteProfile(id)),
    setActiveProfile: ({ id }) => followProfile(vault.setActive(id)),
    testConnection: async ({ id }) => {
      const client = await services.clientForProfile(id);
      if (!client.ok) return client;
      return ok(await testConnection(client.value, await services.routeFor?.(id)));
    },

    getSettings: () => ok(settings.get()),
    updateSettings: (patch) => followProfile(settings.update(patch)),

    submitDocument: (request) => services.submit(request),

    listDrafts: async () => ok(await drafts.listDrafts()),
    loadDraft: async ({ id }) => {
      const loaded = await drafts.loadDraft(id);
      if (loaded.status === 'found') {
        const found = { found: true as const, savedAt: loaded.savedAt, data: loaded.data };
        const skipped = loaded.skipped?.length ?? 0;
        if (skipped === 0) return ok(found);
        return ok({
          ...found,
          notice: `草稿最后的 ${skipped} 处更改未能恢复（保存时程序被中断），其余内容已恢复，请核对。`,
        });
      }
      if (loaded.status === 'missing') return ok({ found: false });
      return ok({
        found: false,
        notice: `上次的草稿文件已损坏，已另存为 ${loaded.setAsideAs}，本单据从空白开始。`,
      });
    },
    saveDraft: async ({ id, data }) => {
      try {
        return ok(await drafts.saveDraft(id, data));
      } catch (error) {
        if (error instanceof DraftTooLargeError) return fail('VALIDATION', error.message);
        if (error instanceof DraftIdError) return fail('INVALID_ARGUMENT', error.message);
        if (error instanceof DraftWriteError) return fail('STORE_FAILED', error.message);
        throw error;
      }
    },
    patchDraft: async ({ id, patches }) => {
      try {
        return ok(await drafts.patchDraft(id, patches));
      } catch (error) {
        if (error instanceof DraftTooLargeError) return fail('VALIDATION', error.message);
        if (error instanceof DraftIdError) return fail('INVALID_ARGUMENT', error.message);
        if (error instanceof DraftMissingError) return fail('NOT_FOUND', error.message);
        if (error instanceof DraftWriteError) return fail('STORE_FAILED', error.message);
        // The renderer answers with a full save of its latest state; the failure before was reported.
        if (error instanceof DraftPatchRefusedError)
          return fail('STORE_FAILED', error.message, { details: { needsFullSave: true } });
        throw error;
      }
    },
    deleteDraft: async ({ id }) => {
      await drafts.deleteDraft(id);
      return ok(null);
    },

    queryJournal: async (query) => ok(await (await journal()).query(query)),
    getJournalEntry: async ({ id }) => {
      const detail = await (await journal()).getDetail(id);
      return detail ? ok(detail) : fail('NOT_FOUND', '找不到这条提交记录');
    },
    exportJournal: async (filters) =>
      ok(await exportJournal(await journal(), filters, new Date(services.now()), services.redact)),
    printReceipt: async ({ target, name }) => {
      if (target === 'printer') return services.printer.toPrinter();
      const pdf = await services.printer.toPdf(name);
      return pdf.ok ? ok({ printed: true, pdf: pdf.value }) : pdf;
    },
    findSentSns: async ({ sns }) => {
      const opened = await journal();
      return ok(sns.filter((sn) => opened.hasAcceptedSn(sn)));
    },
    sentSnFilter: async () => ok(sentSnFilter(await journal())),
    recentHeaderValues: async ({ method, field }) =>
      ok(await recentValues(await journal(), { method, field, profileName: vault.getActive().name })),

    reconcileEntry: ({ id }) => services.reconcileEntry(id),
    getPracticeErpSettings: () => ok(services.practice.erpSettings()),
    updatePracticeErpSettings: (patch) => ok(services.practice.setErpSettings(patch)),
    suggestSnShape: async () => {
      const opened = await journal();
      const from = Math.max(0, opened.acceptedSnCount - SUGGESTION_SAMPLE);
      return ok(suggestSnShape([...opened.acceptedSns(from)]));
    },

    catalogStatus: async () => ok(await services.catalog.status()),
    syncCatalog: (request) => services.catalog.sync(request),
    cancelCatalogSync: async () => ok(await services.catalog.cancel()),
    suggestFromCatalog: async ({ kind, text, limit }) =>
      ok(await services.catalog.suggest(kind, text, limit)),
    lookupInCatalog: async ({ kind, codes }) => ok(await services.catalog.lookup(kind, codes)),
    catalogCodeFilter: async () => ok(await services.catalog.codeFilter()),
    importCatalogRows: (batch) => services.catalog.importRows(batch),
  };
}
