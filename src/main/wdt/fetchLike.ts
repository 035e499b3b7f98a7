/**
 * The part of the WHATWG fetch a WDT call uses. The global `fetch` satisfies it; main's network layer
 * (net/) supplies the app's own, and tests supply stand-ins.
 */

interface FetchInit {
  readonly method: 'POST';
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
  readonly signal: AbortSignal;
}

export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  /** Read as a stream with a byte limit (bodyReader.ts); a double without one is read through text(). */
  readonly body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;
