/**
 * Where the ERP's answer enters: checks the HTTP status and the envelope, then classifies it into a
 * CallOutcome. Anything we cannot read with certainty becomes 'unknown', never 'refused': a refusal promises
 * nothing was created, and we only promise that when the ERP said so in a well-formed envelope, with a
 * status that proves it.
 */
import type { CallOutcome, ErpResponse } from '../../shared/outcome';
import type { ResponseShape } from '../../shared/spec';
import { explainErpAnswer, explainUnknown, type UnknownCause } from './explain';

/** 'generic' for methods without a spec: success carries no document number. */
export type ResponseShapeOrGeneric = ResponseShape | 'generic';

type EnvelopeParse =
  | { readonly ok: true; readonly response: ErpResponse }
  | { readonly ok: false; readonly cause: 'not-json' | 'not-envelope'; readonly reason: string };

/** The ERP marks "created, approval failed" with this `data.status`. */
const APPROVAL_FAILED_STATUS = 20;

const EXCERPT_LENGTH = 200;

export function parseEnvelope(bodyText: string): EnvelopeParse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return { ok: false, cause: 'not-json', reason: '响应不是 JSON' };
  }
  if (!isPlainObject(parsed)) {
    return { ok: false, cause: 'not-envelope', reason: '响应不是 JSON 对象' };
  }
  const status = parsed['status'];
  if (typeof status !== 'number' || !Number.isSafeInteger(status)) {
    return { ok: false, cause: 'not-envelope', reason: '响应缺少整数 status' };
  }
  const message = optionalText(parsed['message']);
  const code = optionalText(parsed['code']);
  if (message === false || code === false) {
    return { ok: false, cause: 'not-envelope', reason: '响应的 message 或 code 不是文本' };
  }
  const response: ErpResponse = {
    status,
    ...(message !== undefined ? { message } : {}),
    ...(code !== undefined ? { code } : {}),
    ...('data' in parsed ? { data: parsed['data'] } : {}),
  };
  return { ok: true, response };
}

/** Classifies an HTTP answer: any non-2xx, non-JSON or malformed body is 'unknown'. */
export function classifyHttpResponse(
  httpStatus: number,
  bodyText: string,
  shape: ResponseShapeOrGeneric,
): CallOutcome {
  if (httpStatus < 200 || httpStatus > 299) {
    return unknownOutcome({ kind: 'http-error', httpStatus }, `HTTP ${httpStatus}`, httpStatus, bodyText);
  }
  const envelope = parseEnvelope(bodyText);
  if (!envelope.ok) {
    return unknownOutcome({ kind: envelope.cause }, envelope.reason, httpStatus, bodyText);
  }
  const outcome = classifyEnvelope(envelope.response, shape);
  if (outcome.kind === 'unknown') return { ...outcome, httpStatus, bodyExcerpt: excerpt(bodyText) };
  return outcome;
}

/**
 * Classifies a well-formed envelope by the method's documented response shape. A non-zero status is a
 * refusal only when it proves nothing was created (see erpMessages/status.ts); otherwise the outcome is
 * unknown, with the ERP's answer kept. Every method we send creates something (the five document methods,
 * and any other method is treated the same, because nothing proves it harmless to repeat).
 */
export function classifyEnvelope(response: ErpResponse, shape: ResponseShapeOrGeneric): CallOutcome {
  if (response.status !== 0) {
    const message = response.message ?? '';
    const reading = explainErpAnswer(response.status, message);
    if (reading.verdict === 'unknown') {
      return {
        kind: 'unknown',
        reason: message === '' ? `状态 ${response.status}` : `状态 ${response.status}：${message}`,
        explanation: reading.explanation,
        response,
      };
    }
    return {
      kind: 'refused',
      status: response.status,
      ...(response.code !== undefined ? { code: response.code } : {}),
      message,
      resendable: reading.resendable,
      explanation: reading.explanation,
      response,
    };
  }
  // Envelope status 0: the ERP says it acted. Only the inner data can still say "approval failed" or
  // contradict itself.
  const data = isPlainObject(response.data) ? response.data : undefined;
  if (shape === 'statusMessage') {
    const innerStatus = data?.['status'];
    const innerMessage = data?.['message'];
    if (innerStatus === APPROVAL_FAILED_STATUS) {
      const reason = typeof innerMessage === 'string' && innerMessage !== '' ? innerMessage : '审核失败';
      return { kind: 'approval-failed', reason, response };
    }
    if (innerStatus !== undefined && innerStatus !== 0) {
      return unknownOutcome({ kind: 'unexpected-data' }, `data.status 为 ${String(innerStatus)}`);
    }
    return accepted(response, nonEmptyText(innerMessage));
  }
  if (shape === 'transferNo') return accepted(response, nonEmptyText(data?.['transfer_no']));
  return accepted(response, undefined);
}

export function unknownOutcome(
  cause: UnknownCause,
  reason: string,
  httpStatus?: number,
  bodyText?: string,
): Extract<CallOutcome, { kind: 'unknown' }> {
  return {
    kind: 'unknown',
    reason,
    explanation: explainUnknown(cause),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    ...(bodyText !== undefined ? { bodyExcerpt: excerpt(bodyText) } : {}),
  };
}

/** The start of a body, whitespace collapsed, short enough for a log line. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

function accepted(response: ErpResponse, documentNo: string | undefined): CallOutcome {
  return { kind: 'accepted', ...(documentNo !== undefined ? { documentNo } : {}), response };
}

function nonEmptyText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** undefined when absent or null; false when present but not text-like. */
function optionalText(value: unknown): string | undefined | false {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
