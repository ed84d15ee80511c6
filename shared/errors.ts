// The one list of error codes every layer uses. A message says what happened and what to do,
// and never carries a secret.
import { z } from 'zod';

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

/**
 * What crosses a process boundary: never a stack trace. The schema is the one definition: the
 * IPC boundary parses with it (dropping unknown keys), so the type is inferred from it.
 */
export const errorInfoSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Seconds to wait, for RATE_LIMITED. */
  retryAfterSec: z.number().optional(),
  /** HTTP status, for API errors. */
  status: z.number().optional(),
  /**
   * Which rule a refusal broke or which state was met (e.g. a rotation rule, 'no-run'), so each
   * front end can phrase the next step in its own terms; the message itself names no front end.
   */
  rule: z.string().optional(),
  /** The input field the error concerns (e.g. 'name', 'baseUrl', 'secret'), so a form can show
   * the message beside that field; absent when it concerns the request as a whole. */
  field: z.string().optional(),
  /**
   * The files a refusal concerns (a rotation's locations that still hold the old key, or that
   * could not be given it back), so a front end lists them without parsing the message.
   */
  files: z
    .array(
      z.object({
        path: z.string(),
        variable: z.string().optional(),
        reason: z.string().optional(),
      }),
    )
    .optional(),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSec?: number;
  readonly status?: number;
  readonly rule?: string;
  readonly field?: string;
  readonly files?: NonNullable<ErrorInfo['files']>;

  constructor(code: ErrorCode, message: string, extra: Omit<ErrorInfo, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.retryAfterSec !== undefined) this.retryAfterSec = extra.retryAfterSec;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.rule !== undefined) this.rule = extra.rule;
    if (extra.field !== undefined) this.field = extra.field;
    if (extra.files !== undefined) this.files = extra.files;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.retryAfterSec !== undefined) info.retryAfterSec = this.retryAfterSec;
    if (this.status !== undefined) info.status = this.status;
    if (this.rule !== undefined) info.rule = this.rule;
    if (this.field !== undefined) info.field = this.field;
    if (this.files !== undefined) info.files = this.files;
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

// Which failures are about the machine rather than the key or the request: the keychain could
// not be reached or refused (never a verdict on a key), or ApexVerify could not be reached at all
// (an HTTP error still means the network works).
const KEYCHAIN_CODES: ReadonlySet<ErrorCode> = new Set(['KEYCHAIN_UNAVAILABLE', 'KEYCHAIN_DENIED']);
const NETWORK_CODES: ReadonlySet<ErrorCode> = new Set(['NETWORK', 'TIMEOUT']);

/**
 * The code of an AppError, or of an ErrorInfo that crossed a boundary (a plain object). Any other
 * thrown Error has none, even with a `code` property: only our own errors are classified.
 */
function appCodeOf(e: unknown): ErrorCode | null {
  if (e instanceof AppError) return e.code;
  if (typeof e !== 'object' || e === null || e instanceof Error) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
    ? (code as ErrorCode)
    : null;
}

/** The OS keychain is missing, locked or refused: nothing is known about the key itself. */
export function isKeychainError(e: unknown): boolean {
  const code = appCodeOf(e);
  return code !== null && KEYCHAIN_CODES.has(code);
}

/** ApexVerify could not be reached at all (no answer, or none in time). */
export function isNetworkError(e: unknown): boolean {
  const code = appCodeOf(e);
  return code !== null && NETWORK_CODES.has(code);
}
