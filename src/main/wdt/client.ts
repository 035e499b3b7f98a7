/**
 * The WDT client: signs, sends and classifies one call. Everything it needs from the outside (fetch, clock,
 * clock-offset store) is injected, so tests and the CLI run it in plain Node.
 *
 * At-most-once: only two failures are retried automatically, each at most once, because both are known to
 * have created nothing: a request that failed while connecting, before any byte of it was written
 * ('not-sent', see transport.ts), and the ERP's 时间戳错误 (status 7), which it checks before acting. An
 * 'unknown' outcome (including an ERP answer of status 4, 5 or 99) is never retried.
 */
import type { CallOutcome } from '../../shared/outcome';
import type { ResponseShape } from '../../shared/spec';
import { getSpec } from '../../shared/documents';
import { learnOffset, offsetFromDateHeader, createClockOffsetStore, type ClockOffsetStore } from './clock';
import { classifyHttpResponse, unknownOutcome, type ResponseShapeOrGeneric } from './response';
import { classifyTransportError, watchConnectPhase } from './transport';
import { readBodyCapped, TOO_LARGE_NOTE } from './bodyReader';
import type { FetchLike } from './fetchLike';
import {
  bodyTextOf,
  prepareRequest,
  splitAppSecret,
  wdtTimestamp,
  WdtConfigError,
  type PreparedRequest,
  type WdtCredentials,
} from './signer';

/** What every client of one ERP account needs, the create client and the query client alike. */
export interface WdtConnectionOptions {
  /** e.g. http://wdt.wangdian.cn/openapi */
  readonly baseUrl: string;
  readonly credentials: WdtCredentials;
  readonly fetch: FetchLike;
  /** Local wall clock in ms (Date.now in the app). */
  readonly now: () => number;
  /** Whole-call limit per HTTP call: connect, send, and read the full answer. Default 30 s. */
  readonly timeoutMs?: number;
  /**
   * Shared per profile, so an offset learned by one client survives it and serves the profile's other
   * client; a fresh store (offset 0) otherwise.
   */
  readonly clockOffset?: ClockOffsetStore;
}

export interface WdtClientOptions extends WdtConnectionOptions {
  /** How to read a method's success; defaults to the document spec's. Unknown methods are 'generic'. */
  readonly responseShapeOf?: (method: string) => ResponseShape | undefined;
  /** Pause before the single automatic retry of a request that was not sent. Default 500 ms. */
  readonly notSentRetryDelayMs?: number;
}

type AutomaticRetry = 'clock' | 'not-sent';

interface CallResult {
  readonly method: string;
  readonly outcome: CallOutcome;
  /** The body exactly as sent (identical on every attempt); holds no credential, safe to journal. */
  readonly bodyText: string;
  /** Local clock when the call began, ms. */
  readonly startedAt: number;
  readonly durationMs: number;
  /** Requests attempted, 1 to 3. */
  readonly attempts: number;
  /** Why each automatic retry was made, in order. */
  readonly retries: readonly AutomaticRetry[];
}

export interface WdtClient {
  call(method: string, args: readonly unknown[]): Promise<CallResult>;
  readonly clockOffset: ClockOffsetStore;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_NOT_SENT_RETRY_DELAY_MS = 500;
const TIMESTAMP_REJECTED_STATUS = 7;

/** Throws WdtConfigError (Chinese message, no secret) when the credentials or base URL cannot work. */
export function createWdtClient(options: WdtClientOptions): WdtClient {
  splitAppSecret(options.credentials.appsecret);
  watchConnectPhase();
  // A dry run validates the base URL now, not on the first submission.
  prepareRequest({ ...options, method: 'check', args: [], timestamp: 0 });
  const clockOffset = options.clockOffset ?? createClockOffsetStore();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryDelayMs = options.notSentRetryDelayMs ?? DEFAULT_NOT_SENT_RETRY_DELAY_MS;
  const shapeOf = options.responseShapeOf ?? ((method: string) => getSpec(method)?.response);

  async function attempt(prepared: PreparedRequest, shape: ResponseShapeOrGeneric): Promise<CallOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const sentAt = options.now();
    try {
      const response = await options.fetch(prepared.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: prepared.bodyBytes,
        signal: controller.signal,
      });
      // The timer still runs: a body that stalls half-way is as unknown as no answer at all.
      const reading = await readBodyCapped(response);
      // Past the limit the answer is not read, so whether the ERP acted is not known.
      if (reading.kind === 'too-large') return unknownOutcome({ kind: 'too-large' }, TOO_LARGE_NOTE);
      const text = reading.text;
      const estimate = offsetFromDateHeader(response.headers.get('date'), sentAt, options.now());
      const outcome = classifyHttpResponse(response.status, text, shape);
      const clockRejected = outcome.kind === 'refused' && outcome.status === TIMESTAMP_REJECTED_STATUS;
      learnOffset(clockOffset, estimate, clockRejected);
      return outcome;
    } catch (error) {
      if (controller.signal.aborted) {
        // Even an abort during connect is counted as unknown: we cannot tell where it stopped.
        return unknownOutcome({ kind: 'timeout', timeoutMs }, `超时（${timeoutMs} ms）`);
      }
      return classifyTransportError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  async function call(method: string, args: readonly unknown[]): Promise<CallResult> {
    const startedAt = options.now();
    const shape = shapeOf(method) ?? 'generic';
    const retries: AutomaticRetry[] = [];
    let bodyText = '';
    let attempts = 0;
    for (;;) {
      let prepared: PreparedRequest;
      try {
        bodyText = bodyTextOf(args);
        const timestamp = wdtTimestamp((options.now() + clockOffset.get()) / 1000);
        prepared = prepareRequest({ ...options, method, args, timestamp });
      } catch (error) {
        const reason = error instanceof WdtConfigError ? error.message : '请求内容无法转换为 JSON';
        const outcome: CallOutcome = {
          kind: 'not-sent',
          reason,
          explanation: `${reason}。请求没有发出，单据没有创建。`,
        };
        return finish(outcome);
      }
      attempts += 1;
      const outcome = await attempt(prepared, shape);
      if (
        outcome.kind === 'refused' &&
        outcome.status === TIMESTAMP_REJECTED_STATUS &&
        !retries.includes('clock')
      ) {
        retries.push('clock');
        continue;
      }
      if (outcome.kind === 'not-sent' && !retries.includes('not-sent')) {
        retries.push('not-sent');
        await delay(retryDelayMs);
        continue;
      }
      return finish(outcome);
    }

    function finish(outcome: CallOutcome): CallResult {
      return {
        method,
        outcome,
        bodyText,
        startedAt,
        durationMs: Math.max(0, options.now() - startedAt),
        attempts,
        retries,
      };
    }
  }

  return { call, clockOffset };
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
