// The one list of error codes every layer uses. A message says what happened and what to do,
// and never carries a secret.

export const ERROR_CODES = [
  // keychain
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_DENIED',
  'SECRET_MISSING',
  // local store and files
  'STORE_CORRUPT',
  'STORE_BUSY',
  'STORE_IO',
  'ENV_FILE',
  // ApexVerify API
  'UNAUTHORIZED',
  'RATE_LIMITED',
  'PAYMENT_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID',
  'SERVER_ERROR',
  'NETWORK',
  'TIMEOUT',
  'BAD_RESPONSE',
  // the app's own rules
  'BAD_INPUT',
  'UNKNOWN_ACCOUNT',
  'UNKNOWN_KEY',
  'AMBIGUOUS_LABEL',
  'DUPLICATE',
  'WRONG_MODE',
  'NOT_REVOKED',
  'CONFIRMATION_MISMATCH',
  /** The operation is not allowed in the key's current state. */
  'REFUSED',
  'COMMAND_FAILED',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What crosses a process boundary: never a stack trace. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Seconds to wait, for RATE_LIMITED. */
  retryAfterSec?: number;
  /** HTTP status, for API errors. */
  status?: number;
  /**
   * Which rule a refusal broke or which state was met (e.g. a rotation rule, 'no-run'), so each
   * front end can phrase the next step in its own terms; the message itself names no front end.
   */
  rule?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSec?: number;
  readonly status?: number;
  readonly rule?: string;

  constructor(code: ErrorCode, message: string, extra: Omit<ErrorInfo, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.retryAfterSec !== undefined) this.retryAfterSec = extra.retryAfterSec;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.rule !== undefined) this.rule = extra.rule;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.retryAfterSec !== undefined) info.retryAfterSec = this.retryAfterSec;
    if (this.status !== undefined) info.status = this.status;
    if (this.rule !== undefined) info.rule = this.rule;
    return info;
  }
}

export function isAppError(e: unknown, code?: ErrorCode): e is AppError {
  return e instanceof AppError && (code === undefined || e.code === code);
}

/** Anything thrown becomes an ErrorInfo; unknown errors lose their text, which might hold a secret. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof AppError) return e.toInfo();
  return {
    code: 'INTERNAL',
    message: 'An unexpected error occurred. Nothing was changed by the failed step.',
  };
}
