import { z } from 'zod';

/**
 * Errors travel as data, never as thrown exceptions, so they survive Electron's contextBridge and
 * the WebSocket alike. `code` is for code and translations; `message` is a readable English default.
 */
export const apiErrorCodes = [
  'invalid_input',
  'unknown_call',
  'not_found',
  'forbidden',
  'missing_key',
  /** A sheet that cannot be read (not a spreadsheet, damaged, too large…); the message says why. */
  'unreadable_sheet',
  'disconnected',
  'internal',
] as const;
export const ApiErrorCodeSchema = z.enum(apiErrorCodes);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ApiErrorCodeSchema,
  message: z.string(),
  /** For invalid_input: which field was wrong and why. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by handlers for an expected failure, and by the renderer's client when a call fails. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiError['issues'];

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.issues = error.issues;
  }

  toApiError(): ApiError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}
