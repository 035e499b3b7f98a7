/**
 * Everything main does, assembled from plain modules with injected dependencies, without Electron. The
 * Electron entry (index.ts) and the Chromium harness (test/e2e) both open this and bind its dispatcher, so
 * what the tests drive is what the app runs.
 */
import { join } from 'node:path';
import type { IpcCalls, IpcEventName, IpcEvents, AppInfo } from '../shared/ipc';
import { ipcCalls } from '../shared/ipc';
import type { CallHandlers, EventPayload } from '../shared/ipcTypes';
import { fail, ok, type Result } from '../shared/result';
import type { ProfileSummary } from '../shared/profile';
import type { JournalOpenReport } from '../shared/journal';
import { openDraftStore } from './drafts/store';
import type { FileLayer } from './files/fileLayer';
import { settingsFileNotices } from './files/storeNotice';
import type { Encryptor } from './encryptor';
import { createDispatcher, type Dispatch, type ErrorLogger } from './ipcDispatch';
import { openJournal } from './journal/journal';
import type { KeyValueStore } from './keyValueStore';
import { createPracticeEnvironment } from './practice';
import { activeProfilePointer, openSettings } from './settings';
import { createSubmitter } from './submit';
import { openVault } from './vault/vault';
import { createRedactor, redactLogged } from './redactOutgoing';
import { createHandlers } from './handlers';
import { createCatalogService } from './catalog/service';
import { openCatalogInProcess, type OpenedCatalogDb } from './catalog/inProcess';
import { runCatalogSync } from './catalog/sync/runner';
import { createClockOffsetStore, type ClockOffsetStore } from './wdt/clock';
import { createWdtClient, type WdtClient } from './wdt/client';
import type { FetchLike } from './wdt/fetchLike';
import { createWdtQueryClient, type QueryClient } from './wdt/query';
import { createReconciler } from './reconcile/runner';
import { startAutoReconcile } from './reconcile/auto';
import { splitAppSecret, WdtConfigError, type WdtCredentials } from './wdt/signer';
import type { ErpNetwork } from './net/network';
import type { ProfileNetworkSource } from './net/chromiumNetwork';
import type { ErpRoute } from './net/route';
import { createReceiptPrinter, type PrintSurface } from './platform/printReceipt';

interface AppCoreOptions {
  /** Drafts and the journal live here. */
  readonly dataFolder: string;
  readonly encryptor: Encryptor;
  /** Settings and profiles: the userData settings file in the app, a JSON file in tests and the harness. */
  readonly store: KeyValueStore;
  /** Used for every profile unless `network` is given (tests, and the practice ERP's loopback calls). */
  readonly fetch: FetchLike;
  /**
   * How each profile reaches its ERP (its proxy setting): Chromium's network stack in the app, the
   * HTTPS_PROXY environment in the Chromium harness. Without it every call uses `fetch`.
   */
  readonly network?: (profiles: ProfileNetworkSource) => ErpNetwork;
  readonly now?: () => number;
  readonly version: string;
  readonly logError: ErrorLogger;
  /** Per-attempt limit for ERP calls; the client's default (30 s) unless given. */
  readonly timeoutMs?: number;
  /** The drafts' file system: Node's unless the fault suite injects failures. */
  readonly files?: FileLayer;
  /** Delay of the automatic 核对 after an unknown outcome and after start-up (reconcile/auto.ts defaults). */
  readonly autoReconcileDelayMs?: number;
  /** Opens one profile's catalog file: in a worker thread in the app, in-process by default (tests, CLI). */
  readonly openCatalog?: (options: { readonly file: string }) => Promise<OpenedCatalogDb>;
  /** Delay of the catalog's automatic resume or incremental sync after it opens (catalog/service.ts default). */
  readonly catalogAutoSyncDelayMs?: number;
  /** The window's printing (Electron: platform/printElectron.ts); absent, printing answers that it cannot. */
  readonly printSurface?: PrintSurface;
}

type EventListener = <E extends IpcEventName>(name: E, payload: EventPayload<IpcEvents[E]>) => void;

export interface AppCore {
  readonly dispatch: Dispatch;
  readonly calls: IpcCalls;
  readonly handlers: CallHandlers<IpcCalls>;
  /** The paged-query client (核对) of a profile, built as the create client is and sharing its clock offset. */
  readonly queryClientForProfile: (profileId: string) => Promise<Result<QueryClient>>;
  /** Main-to-renderer events; the edge forwards them to the window. */
  onEvent(listener: EventListener): () => void;
  /**
   * Adds a notice for the page the next time it loads (a renderer crash reloads it: rendererRecovery.ts).
   * The same text is kept once; like the start-up notices, it stays for the rest of the run.
   */
  addStartupNotice(text: string): void;
  /** What replaying the journal found; the core serves drafts, profiles and settings before it resolves. */
  journalReport(): Promise<JournalOpenReport>;
  close(): Promise<void>;
}

/** What both ERP clients of a profile share: its URL, its account and the clock offset they learn. */
interface ProfileConnection {
  readonly baseUrl: string;
  readonly credentials: WdtCredentials;
  readonly clockOffset: ClockOffsetStore;
}

export async function openAppCore(options: AppCoreOptions): Promise<AppCore> {
  const now = options.now ?? Date.now;
  const listeners = new Set<EventListener>();
  const emit: EventListener = (name, payload) => {
    if (listeners.size === 0) return;
    const safe = redact(payload);
    for (const listener of listeners) listener(name, safe);
  };

  /** Every secret in use this session: the journal refuses to write any of them (defence in depth). */
  const secretsInUse = new Set<string>();
  // Replaying a large journal takes about a second at 100,000 entries: drafts, profiles and settings are
  // served at once, and only the log and submissions wait for it.
  const journalOpening = openJournal({
    folder: join(options.dataFolder, 'journal'),
    now,
    forbidden: () => [...secretsInUse],
  });
  const journal = async () => (await journalOpening).journal;
  const { store: drafts } = await openDraftStore({
    folder: join(options.dataFolder, 'drafts'),
    now,
    ...(options.files ? { files: options.files } : {}),
  });
  const settings = openSettings({ store: options.store });
  const practice = createPracticeEnvironment({ store: options.store });
  const vault = openVault({
    store: options.store,
    encryptor: options.encryptor,
    activeProfile: activeProfilePointer(settings),
    practiceCredentials: () => practice.credentials(),
  });
  const network = options.network?.(vault);
  const fetchFor = (profileId: string): FetchLike => network?.fetchFor(profileId) ?? options.fetch;
  /** How 测试连接 says the ERP was reached; undefined when calls simply use `fetch`. */
  const routeFor = async (profileId: string): Promise<ErpRoute | undefined> => {
    if (!network) return undefined;
    const credentials = await vault.credentialsFor(profileId);
    return credentials.ok ? network.routeFor(profileId, credentials.value.url) : undefined;
  };
  // Every reply, event, export and log line leaves through this, without any profile's secret or salt.
  const forbiddenNow = (): string[] => [...secretsInUse, ...vault.forbiddenStrings()];
  const redact = createRedactor(forbiddenNow);
  const logError: ErrorLogger = (context, error) =>
    options.logError(context, redactLogged(error, forbiddenNow()));

  const clockOffsets = new Map<string, ClockOffsetStore>();
  /** What both clients of a profile need: its URL, account and shared clock offset. */
  const connectionFor = async (profileId: string): Promise<Result<ProfileConnection>> => {
    const credentials = await vault.credentialsFor(profileId);
    if (!credentials.ok) return credentials;
    const { url, ...account } = credentials.value;
    try {
      const parts = splitAppSecret(account.appsecret);
      secretsInUse.add(parts.secret).add(parts.salt);
    } catch (error) {
      if (error instanceof WdtConfigError) return fail('VALIDATION', error.message);
      throw error;
    }
    let clockOffset = clockOffsets.get(profileId);
    if (!clockOffset) clockOffsets.set(profileId, (clockOffset = createClockOffsetStore()));
    return ok({ baseUrl: url, credentials: account, clockOffset });
  };
  /** A client of the profile's ERP; a configuration the client refuses is a validation failure. */
  const clientFor = async <T>(
    profileId: string,
    create: (options: ProfileConnection & { fetch: FetchLike; now: () => number; timeoutMs?: number }) => T,
  ): Promise<Result<T>> => {
    const connection = await connectionFor(profileId);
    if (!connection.ok) return connection;
    try {
      return ok(
        create({ ...connection.value, fetch: fetchFor(profileId), now, timeoutMs: options.timeoutMs }),
      );
    } catch (error) {
      if (error instanceof WdtConfigError) return fail('VALIDATION', error.message);
      throw error;
    }
  };
  const clientForProfile = (profileId: string): Promise<Result<WdtClient>> =>
    clientFor(profileId, createWdtClient);
  /** The paged-query client for 核对, sharing the profile's clock offset with its create client. */
  const queryClientForProfile = (profileId: string): Promise<Result<QueryClient>> =>
    clientFor(profileId, createWdtQueryClient);
  const operatorFor = (profile: ProfileSummary): string => profile.operator || settings.get().operatorName;

  const submit = createSubmitter({
    journal,
    activeProfile: () => vault.getActive(),
    operatorFor,
    clientFor: (profile) => clientForProfile(profile.id),
    progress: (progress) => emit('submissionProgress', progress),
    outerTransferReference: () => settings.get().outerTransferReference,
  });
  const reconcileEntry = createReconciler({
    journal,
    profiles: () => vault.listProfiles(),
    queryClientFor: queryClientForProfile,
    now,
    progress: (progress) => emit('reconcileProgress', progress),
  });
  const autoReconcile = startAutoReconcile({
    journal,
    reconcile: reconcileEntry,
    recoveredAsUnknown: async () => (await journalOpening).report.recoveredAsUnknown,
    now,
    ...(options.autoReconcileDelayMs !== undefined && {
      afterUnknownMs: options.autoReconcileDelayMs,
      afterStartupMs: options.autoReconcileDelayMs,
    }),
    logError,
  });
  const unsubscribeJournal = journal().then(
    (opened) => opened.onChange((change) => emit('journalChanged', change)),
    (error: unknown) => {
      // A journal that cannot be opened fails each call that needs it (as INTERNAL); the rest still works.
      logError('openJournal', error);
      return () => undefined;
    },
  );

  // Notices a window shows when its page loads: problems found at start, and later ones the edge adds.
  const startupNotices = [...settingsFileNotices(options.store.opening)];
  const addNotice = (text: string): void => {
    if (!startupNotices.includes(text)) startupNotices.push(text);
  };
  const info = (): AppInfo => ({
    version: options.version,
    dataFolder: options.dataFolder,
    ...(startupNotices.length > 0 ? { startupNotices: [...startupNotices] } : {}),
  });
  // The active profile's catalog opens in the background: nothing the first screen asks for waits for it.
  const catalog = createCatalogService({
    folder: join(options.dataFolder, 'catalog'),
    activeProfileId: () => vault.getActive().id,
    openDb: async (file) => {
      const opened = await (options.openCatalog ?? openCatalogInProcess)({ file });
      if (opened.openNotice !== undefined) addNotice(opened.openNotice);
      return opened;
    },
    runSync: async ({ profileId, ...run }) => {
      const client = await queryClientForProfile(profileId);
      if (!client.ok) return client;
      return ok(await runCatalogSync({ ...run, client: client.value, now }));
    },
    now,
    logError,
    ...(options.catalogAutoSyncDelayMs !== undefined && { autoSyncDelayMs: options.catalogAutoSyncDelayMs }),
  });
  const unsubscribeCatalog = catalog.onChange((status) => emit('catalogChanged', status));
  const handlers = createHandlers({
    info,
    vault,
    settings,
    journal,
    drafts,
    submit,
    reconcileEntry,
    clientForProfile,
    routeFor,
    now,
    practice,
    redact,
    catalog,
    printer: createReceiptPrinter(options.printSurface),
  });
  const dispatch = createDispatcher(ipcCalls, handlers, logError);

  return {
    dispatch: async (name, input, context) => redact(await dispatch(name, input, context)),
    calls: ipcCalls,
    handlers,
    queryClientForProfile,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addStartupNotice: addNotice,
    journalReport: async () => (await journalOpening).report,
    async close() {
      autoReconcile.stop();
      unsubscribeCatalog();
      await catalog.close();
      (await unsubscribeJournal)();
      listeners.clear();
      await (await journalOpening.catch(() => undefined))?.journal.close();
      await drafts.close();
      await practice.close();
      await network?.close();
    },
  };
}
