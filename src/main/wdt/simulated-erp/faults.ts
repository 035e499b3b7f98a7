/**
 * Faults the simulator can be told to produce, for the next N requests or until cleared. Each says what
 * happens to the document, because that is what the client must be honest about.
 */

export type FaultSpec =
  /** Waits `ms`, then answers normally (the document IS created, even if the client gave up). */
  | { readonly kind: 'delay'; readonly ms: number; readonly times?: number }
  /** HTTP 500 with a text body; nothing is processed (a gateway failing in front of the ERP). */
  | { readonly kind: 'http500'; readonly times?: number }
  /** HTTP 200 with an HTML page (a proxy or captive portal); nothing is processed. */
  | { readonly kind: 'html'; readonly times?: number }
  /**
   * Reads the whole request, processes it, then destroys the socket without answering. By default the
   * document IS created, the worst case for the client; `createDocument: false` drops it instead.
   */
  | { readonly kind: 'reset'; readonly times?: number; readonly createDocument?: boolean }
  /** status 100 超过每分钟最大调用频率限制; nothing is processed. */
  | { readonly kind: 'rateLimit'; readonly times?: number }
  /**
   * "Create, then lose the reply": the document IS created, then the connection is destroyed before the
   * answer. Only calls that create are hit; queries pass untouched (and do not use up `times`), so a 核对
   * after it sees the ERP as it is.
   */
  | { readonly kind: 'loseReply'; readonly times?: number }
  /**
   * "Lose the request before creating": the connection is destroyed and nothing is created. Creates only,
   * as loseReply. To the client both look the same: the request was sent and no answer came.
   */
  | { readonly kind: 'loseRequest'; readonly times?: number };

type FaultKind = FaultSpec['kind'];

/** Faults that only hit calls that create; queries pass them by. */
const CREATES_ONLY: ReadonlySet<FaultKind> = new Set(['loseReply', 'loseRequest']);

/** Upper bound on an injected delay, so a mistaken test cannot hang the suite for long. */
const MAX_FAULT_DELAY_MS = 120_000;

interface ActiveFault {
  readonly spec: FaultSpec;
  /** undefined: until cleared. */
  remaining: number | undefined;
}

interface FaultQueue {
  add(spec: FaultSpec): void;
  clear(): void;
  /**
   * The fault for the request now arriving, counted as used; undefined when none applies. `query`: the
   * request is a query, which create-only faults leave alone.
   */
  take(request?: { readonly query: boolean }): FaultSpec | undefined;
  readonly pending: number;
}

export function createFaultQueue(): FaultQueue {
  const active: ActiveFault[] = [];
  return {
    add(spec) {
      active.push({ spec: checkFault(spec), remaining: spec.times });
    },
    clear() {
      active.length = 0;
    },
    take(request) {
      const index = active.findIndex(
        (fault) => !(request?.query === true && CREATES_ONLY.has(fault.spec.kind)),
      );
      const first = active[index];
      if (!first) return undefined;
      if (first.remaining !== undefined) {
        first.remaining -= 1;
        if (first.remaining <= 0) active.splice(index, 1);
      }
      return first.spec;
    },
    get pending() {
      return active.length;
    },
  };
}

function checkFault(spec: FaultSpec): FaultSpec {
  const kinds: readonly FaultKind[] = [
    'delay',
    'http500',
    'html',
    'reset',
    'rateLimit',
    'loseReply',
    'loseRequest',
  ];
  if (!kinds.includes(spec.kind)) throw new RangeError(`unknown fault kind: ${String(spec.kind)}`);
  if (spec.times !== undefined && (!Number.isSafeInteger(spec.times) || spec.times < 1)) {
    throw new RangeError('fault times must be a positive integer');
  }
  if (spec.kind === 'delay' && !(spec.ms >= 0 && spec.ms <= MAX_FAULT_DELAY_MS)) {
    throw new RangeError(`fault delay must be 0..${MAX_FAULT_DELAY_MS} ms`);
  }
  return spec;
}
