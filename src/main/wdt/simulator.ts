/**
 * A fake WDT ERP: a real HTTP server on 127.0.0.1 that checks signatures and timestamps as the ERP does,
 * checks bodies against its own model of the vendor pages (never the client's validator) under the seller's
 * ERP settings, remembers what it created, and misbehaves on demand. Tests use it, and the app ships it as
 * the '练习环境' profile.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErpResponse } from '../../shared/outcome';
import type { PracticeErpSettings } from '../../shared/practiceErp';
import { splitAppSecret, type WdtCredentials } from './signer';
import { verifyRequest } from './simulated-erp/verify';
import { createFaultQueue, type FaultSpec } from './simulated-erp/faults';
import { createDocumentDesk, type CreatedDocument } from './simulated-erp/documents';
import { answerQuery, defaultQueryStyle, isQueryMethod, type QueryStyle } from './simulated-erp/queries';
import {
  answerMasterData,
  createMasterDataStore,
  isMasterDataMethod,
  practiceMasterData,
  type MasterData,
  type MasterDataDesk,
} from './simulated-erp/masterData/index';

export type { FaultSpec } from './simulated-erp/faults';

/** Fixed practice credentials; they unlock nothing but the simulator. */
export const demoAccount: WdtCredentials = {
  sid: 'wdtdemo',
  appkey: 'wdtdesk-demo',
  appsecret: 'd3m0s3cr3t0000000000000000000000:d3m0sa1t0000000000000000000000',
};

const SIMULATOR_PATH = '/openapi';
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface SimulatorOptions {
  /** 0 (default): the OS picks a free port. */
  readonly port?: number;
  /** Default: [demoAccount]. */
  readonly accounts?: readonly WdtCredentials[];
  /** How far the simulated ERP's clock is from the real one. */
  readonly clockSkewMs?: number;
  /** The real clock; Date.now by default. */
  readonly now?: () => number;
  /**
   * Warehouse numbers whose documents are created but fail approval (data.status 20) when approval is
   * asked for (is_check true, PurchaseReturn create_mode 2).
   */
  readonly approvalFailsFor?: readonly string[];
  /** The seller's ERP settings that change its answers; the most accepting ones by default. */
  readonly erpSettings?: Partial<PracticeErpSettings>;
  /** The seller's warehouses; by default every warehouse number exists. */
  readonly warehouses?: readonly string[];
  /**
   * How the query methods answer (not-found form, time format, refused methods); see QueryStyle. It
   * applies to the master-data methods too.
   */
  readonly queryStyle?: Partial<QueryStyle>;
  /**
   * The goods, suites, warehouses, suppliers and employees the master-data methods answer from; by
   * default practiceMasterData() with times spread before the simulator's clock. Kept apart from
   * `warehouses`, which decides what the create methods accept.
   */
  readonly masterData?: MasterData;
  /**
   * Warehouses and suppliers refuse a query without times (参数中必须包含起止时间), as some ERPs do although
   * their pages mark the times optional. Off by default: the pages' own reading.
   */
  readonly masterDataTimesRequired?: boolean;
}

interface PreCreateOptions {
  /** When the ERP created it, on the simulated server's clock (ms); now by default. */
  readonly at?: number;
  /** The seller; the first account's by default. */
  readonly sid?: string;
}

interface ReceivedRequest {
  readonly httpMethod: string;
  readonly path: string;
  /** The `method` query parameter, when given. */
  readonly apiMethod?: string;
  readonly bodyText: string;
  /** The fault applied to it, if any. */
  readonly fault?: FaultSpec['kind'];
}

export interface Simulator {
  /** e.g. http://127.0.0.1:54321/openapi */
  readonly url: string;
  readonly port: number;
  readonly accounts: readonly WdtCredentials[];
  readonly created: readonly CreatedDocument[];
  /** Every request received, in order. */
  readonly requests: readonly ReceivedRequest[];
  readonly clockSkewMs: number;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  setClockSkew(ms: number): void;
  setApprovalFailsFor(warehouseNos: readonly string[]): void;
  readonly erpSettings: PracticeErpSettings;
  /** Changes some settings for the requests that follow; returns them all. */
  setErpSettings(patch: Partial<PracticeErpSettings>): PracticeErpSettings;
  /** undefined: every warehouse number exists again. */
  setWarehouses(warehouseNos: readonly string[] | undefined): void;
  readonly queryStyle: QueryStyle;
  /** Changes how the query methods answer, for the requests that follow; returns the whole style. */
  setQueryStyle(patch: Partial<QueryStyle>): QueryStyle;
  /** Edits the master data as someone in the ERP would; each edit stamps modified = the simulator's now. */
  readonly masterData: MasterDataDesk;
  /**
   * Creates a document as if someone had sent it earlier (e.g. an earlier stock-out of the same purchase
   * return, or SNs uploaded by hand): `args` as a create method's body, checked as a request would be.
   * Throws when the ERP would refuse it; returns the document, which the queries then answer.
   */
  preCreate(method: string, args: readonly unknown[], options?: PreCreateOptions): CreatedDocument;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const accounts = [...(options.accounts ?? [demoAccount])];
  for (const account of accounts) splitAppSecret(account.appsecret);
  const realNow = options.now ?? Date.now;
  let clockSkewMs = checkSkew(options.clockSkewMs ?? 0);
  const serverNow = (): number => realNow() + clockSkewMs;
  const faults = createFaultQueue();
  const desk = createDocumentDesk({
    ...(options.approvalFailsFor ? { approvalFailsFor: options.approvalFailsFor } : {}),
    ...(options.erpSettings ? { erpSettings: options.erpSettings } : {}),
    ...(options.warehouses ? { warehouses: options.warehouses } : {}),
  });
  let queryStyle: QueryStyle = { ...defaultQueryStyle, ...options.queryStyle };
  const masterData = createMasterDataStore(
    options.masterData ?? practiceMasterData({ now: serverNow() }),
    serverNow,
  );
  const requests: ReceivedRequest[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();

  function later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      pendingTimers.delete(timer);
      run();
    }, ms);
    pendingTimers.add(timer);
  }

  function answer(url: URL, rawBody: Buffer, createDocument: boolean): ErpResponse {
    const verification = verifyRequest(url.searchParams, rawBody, accounts, serverNow());
    if (!verification.ok) return verification.refusal;
    const args = parseJsonBody(rawBody);
    if (args === undefined) return { status: 1, message: '参数个数错误' };
    if (isMasterDataMethod(verification.method)) {
      return answerMasterData(
        { sid: verification.account.sid, method: verification.method, query: url.searchParams, args },
        masterData,
        queryStyle,
        serverNow(),
        { timesRequired: options.masterDataTimesRequired === true },
      );
    }
    if (isQueryMethod(verification.method)) {
      const { sid } = verification.account;
      return answerQuery(
        { sid, method: verification.method, query: url.searchParams, args },
        desk.created,
        queryStyle,
      );
    }
    return desk.handle(verification.account.sid, verification.method, args, serverNow(), createDocument);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readBody(req);
    if (rawBody === undefined) {
      sendText(res, 413, 'text/plain', 'Payload Too Large', serverNow());
      return;
    }
    const apiMethod = url.searchParams.get('method');
    const query = apiMethod !== null && (isQueryMethod(apiMethod) || isMasterDataMethod(apiMethod));
    const fault =
      req.method === 'POST' && url.pathname === SIMULATOR_PATH ? faults.take({ query }) : undefined;
    requests.push({
      httpMethod: req.method ?? '',
      path: url.pathname,
      ...(apiMethod !== null ? { apiMethod } : {}),
      bodyText: rawBody.toString('utf8'),
      ...(fault ? { fault: fault.kind } : {}),
    });

    if (req.method !== 'POST') {
      sendJson(res, 405, { status: 1, message: '只支持 POST 请求' }, serverNow());
      return;
    }
    if (url.pathname !== SIMULATOR_PATH) {
      sendText(res, 404, 'text/plain', 'Not Found', serverNow());
      return;
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      sendJson(res, 200, { status: 1, message: '请求体必须是 application/json' }, serverNow());
      return;
    }

    switch (fault?.kind) {
      case undefined:
        sendJson(res, 200, answer(url, rawBody, true), serverNow());
        return;
      case 'delay':
        // The document is created after the delay even when the client has gone: a slow ERP still acts.
        later(fault.ms, () => sendJson(res, 200, answer(url, rawBody, true), serverNow()));
        return;
      case 'http500':
        sendText(res, 500, 'text/plain', 'Internal Server Error', serverNow());
        return;
      case 'html':
        sendText(res, 200, 'text/html; charset=utf-8', PORTAL_PAGE, serverNow());
        return;
      case 'reset':
        answer(url, rawBody, fault.createDocument ?? true);
        req.socket.destroy();
        return;
      case 'rateLimit':
        sendJson(res, 200, { status: 100, message: '超过每分钟最大调用频率限制，请稍后重试' }, serverNow());
        return;
      case 'loseReply':
        answer(url, rawBody, true);
        req.socket.destroy();
        return;
      case 'loseRequest':
        req.socket.destroy();
        return;
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'text/plain', 'Internal Server Error', serverNow());
      else res.destroy();
    });
  });
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}${SIMULATOR_PATH}`,
    port,
    accounts,
    created: desk.created,
    requests,
    get clockSkewMs() {
      return clockSkewMs;
    },
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setClockSkew(ms) {
      clockSkewMs = checkSkew(ms);
    },
    setApprovalFailsFor: (warehouseNos) => desk.setApprovalFailsFor(warehouseNos),
    get erpSettings() {
      return desk.erpSettings;
    },
    setErpSettings: (patch) => desk.setErpSettings(patch),
    setWarehouses: (warehouseNos) => desk.setWarehouses(warehouseNos),
    get queryStyle() {
      return queryStyle;
    },
    setQueryStyle(patch) {
      queryStyle = { ...queryStyle, ...patch };
      return queryStyle;
    },
    masterData: masterData.desk,
    preCreate(method, args, preOptions = {}) {
      const sid = preOptions.sid ?? accounts[0]?.sid ?? demoAccount.sid;
      const response = desk.handle(sid, method, args, preOptions.at ?? serverNow(), true);
      const document = desk.created.at(-1);
      if (response.status !== 0 || !document) {
        throw new Error(
          `the practice ERP refuses this document: ${response.status} ${response.message ?? ''}`,
        );
      }
      return document;
    },
    close() {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

const PORTAL_PAGE =
  '<!DOCTYPE html><html><head><title>网络认证</title></head><body><h1>请先登录上网认证</h1></body></html>';

function checkSkew(ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError('clock skew must be a finite number of ms');
  return ms;
}

function parseJsonBody(rawBody: Buffer): unknown {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(rawBody);
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The full body, or undefined when it exceeds the limit. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, httpStatus: number, body: ErpResponse, serverNowMs: number): void {
  sendText(res, httpStatus, 'application/json; charset=utf-8', JSON.stringify(body), serverNowMs);
}

/** Always with the simulated clock's Date header: clients learn the ERP's time from it. */
function sendText(
  res: ServerResponse,
  httpStatus: number,
  contentType: string,
  text: string,
  serverNowMs: number,
): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(httpStatus, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text, 'utf8'),
    Date: new Date(serverNowMs).toUTCString(),
  });
  res.end(text);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
