/**
 * Reads an ERP answer with a byte limit. A real answer is a few kilobytes; a proxy, a misconfigured URL or a
 * hostile server can send far more, and a body read whole would be held in memory, journaled and sent to the
 * window. The stream is read with a byte counter and abandoned as soon as the limit is passed.
 */
import type { FetchResponseLike } from './fetchLike';

/** 10 MB: thousands of times a real answer, far below what would strain memory or the journal. */
export const MAX_ANSWER_BYTES = 10 * 1024 * 1024;

/** The note shown and journaled when an answer was cut off. */
export const TOO_LARGE_NOTE = '回答超过 10 MB，已停止读取';

type BodyReading = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'too-large' };

export async function readBodyCapped(
  response: FetchResponseLike,
  maxBytes: number = MAX_ANSWER_BYTES,
): Promise<BodyReading> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'too-large' };
  }
  const body = response.body;
  if (body === undefined || body === null) {
    // A fetch without a streamed body (test doubles): already in memory, so only the limit is applied.
    const text = await response.text();
    return new TextEncoder().encode(text).byteLength > maxBytes
      ? { kind: 'too-large' }
      : { kind: 'text', text };
  }
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      // Stop the download: the rest is never read, so it never reaches memory.
      await reader.cancel().catch(() => undefined);
      return { kind: 'too-large' };
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return { kind: 'text', text: parts.join('') };
}
