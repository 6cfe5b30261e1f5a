import type { z } from 'zod';
import { calls, type CallOutput, type ParsedCallInput } from '../../shared/contract/calls.ts';
import { ApiCallError, type ApiError, type CallResult } from '../../shared/contract/errors.ts';
import { isCallName, type CallName } from '../../shared/contract/names.ts';

/** What main implements: one function per call, given input that has already been validated. */
export type Handlers = {
  [K in CallName]: (input: ParsedCallInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
};

/** The transport-agnostic entry point that both Electron IPC and the WebSocket bridge call. */
export type Dispatch = (name: unknown, input: unknown) => Promise<CallResult<unknown>>;

/**
 * Wraps the handler table: refuses unknown calls, validates input against the contract, and turns
 * every outcome into a result envelope. Unexpected exceptions are reported and become `internal`
 * errors without their stack, which stays in main.
 */
export function createDispatcher(handlers: Handlers, onInternalError: (error: unknown, call: CallName) => void): Dispatch {
  return async (name, input) => {
    if (!isCallName(name)) {
      return failure({ code: 'unknown_call', message: `Unknown call ${JSON.stringify(name)}.` });
    }
    const parsed = calls[name].input.safeParse(input);
    if (!parsed.success) return failure(invalidInput(name, parsed.error));
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ApiCallError) return failure(error.toApiError());
      onInternalError(error, name);
      return failure({ code: 'internal', message: `${name} failed inside Genvid; the details are in the log.` });
    }
  };
}

function failure(error: ApiError): CallResult<never> {
  return { ok: false, error };
}

function invalidInput(name: CallName, error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const details = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return { code: 'invalid_input', message: `Invalid input for ${name}: ${details}`, issues };
}
