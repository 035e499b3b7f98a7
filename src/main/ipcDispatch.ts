/**
 * The one path every renderer request takes in main, kept free of Electron so it is tested in Node and
 * reused by the Chromium harness: check the sender, parse the argument against the contract, run the
 * handler, and turn anything thrown into a result. No thrown error crosses IPC.
 */
import type { AnyCallSpec, CallHandlers } from '../shared/ipcTypes';
import { fail, type Result } from '../shared/result';
import { payloadProblem } from './ipcLimits';

interface DispatchContext {
  /** Whether the message came from our own window's main frame (see security.ts). */
  readonly trustedSender: boolean;
}

export type Dispatch = (
  name: string,
  rawInput: unknown,
  context: DispatchContext,
) => Promise<Result<unknown>>;

/** Where unexpected failures are reported; the message must never include a secret (handlers never see one in input). */
export type ErrorLogger = (callName: string, error: unknown) => void;

const maxIssuesReported = 20;

export function createDispatcher<Calls extends Record<string, AnyCallSpec>>(
  calls: Calls,
  handlers: CallHandlers<Calls>,
  logError: ErrorLogger,
): Dispatch {
  return async (name, rawInput, context) => {
    if (!context.trustedSender) return fail('FORBIDDEN_SENDER', '拒绝来自未知页面的请求');
    if (!Object.hasOwn(calls, name)) return fail('INVALID_ARGUMENT', `未知的调用：${name}`);
    const spec = calls[name as keyof Calls] as AnyCallSpec;
    let parsed: ReturnType<AnyCallSpec['input']['safeParse']>;
    try {
      // Bounded before the parser walks it: the parser recurses, and a deep enough payload overflowed it.
      const problem = payloadProblem(rawInput);
      if (problem !== null)
        return fail('INVALID_ARGUMENT', problem === 'too-deep' ? '请求数据层级过深' : '请求数据过大', {
          details: { call: name, problem },
        });
      parsed = spec.input.safeParse(rawInput);
    } catch (error) {
      logError(name, error);
      return fail('INVALID_ARGUMENT', '请求参数无法解析');
    }
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, maxIssuesReported)
        .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
      return fail('INVALID_ARGUMENT', '请求参数不正确', { details: { call: name, issues } });
    }
    const handler = handlers[name as keyof Calls] as (
      input: unknown,
    ) => Promise<Result<unknown>> | Result<unknown>;
    try {
      return await handler(parsed.data);
    } catch (error) {
      logError(name, error);
      return fail('INTERNAL', '程序内部错误，操作未完成。请重试；如果反复出现，请联系管理员。');
    }
  };
}
