/**
 * The machinery of the IPC contract: how a call and an event are declared, how channel names are derived,
 * and the `window.wdt` type that main, preload and renderer all derive from the one table in ipc.ts.
 */
import type { z } from 'zod';
import type { Result } from './result';

/** One request the renderer may make: its input schema (checked in main) and its output type. */
interface CallSpec<Input extends z.ZodType, Output> {
  readonly input: Input;
  readonly summary: string;
  /** Phantom: carries the output type only. */
  readonly __output?: Output;
}

/** One message main pushes to the renderer. */
interface EventSpec<Payload> {
  readonly summary: string;
  /** Phantom: carries the payload type only. */
  readonly __payload?: Payload;
}

/** `call<Output>()(inputSchema, summary)`: the output type is given, the input type is inferred. */
export function call<Output>() {
  return <Input extends z.ZodType>(input: Input, summary: string): CallSpec<Input, Output> => ({
    input,
    summary,
  });
}

export function event<Payload>(summary: string): EventSpec<Payload> {
  return { summary };
}

export type AnyCallSpec = CallSpec<z.ZodType, unknown>;
type AnyEventSpec = EventSpec<unknown>;

/** Inputs are never mutated, so callers may pass readonly data (drafts, lines) as they hold it. */
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export type CallInput<C> = C extends CallSpec<infer I, unknown> ? DeepReadonly<z.input<I>> : never;
type ParsedCallInput<C> = C extends CallSpec<infer I, unknown> ? z.output<I> : never;
export type CallOutput<C> = C extends CallSpec<z.ZodType, infer O> ? O : never;
export type EventPayload<E> = E extends EventSpec<infer P> ? P : never;

export function callChannel(name: string): string {
  return `wdt:call:${name}`;
}

export function eventChannel(name: string): string {
  return `wdt:event:${name}`;
}

/** What the preload exposes as `window.wdt`: one function per call, one subscription per event. */
export type WdtApi<Calls extends Record<string, AnyCallSpec>, Events extends Record<string, AnyEventSpec>> = {
  readonly [K in keyof Calls]: (input: CallInput<Calls[K]>) => Promise<Result<CallOutput<Calls[K]>>>;
} & {
  readonly events: {
    readonly [K in keyof Events]: (listener: (payload: EventPayload<Events[K]>) => void) => () => void;
  };
};

/** What main implements: one handler per call, given the parsed input. */
export type CallHandlers<Calls extends Record<string, AnyCallSpec>> = {
  readonly [K in keyof Calls]: (
    input: ParsedCallInput<Calls[K]>,
  ) => Promise<Result<CallOutput<Calls[K]>>> | Result<CallOutput<Calls[K]>>;
};
