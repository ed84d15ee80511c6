// What to do about a failed call: the core's message says what happened; this adds the next step.
import type { ErrorCode, ErrorInfo } from '../../../shared/errors.ts';

// The window's own words for the rules whose core message leaves the next step to each front end
// (the CLI names its commands instead). A Map: a rule crossing IPC must never hit a prototype key.
const RULE_STEPS: ReadonlyMap<string, string> = new Map([
  ['no-run', 'Close this and choose “Rotate…” in the key’s details to start one.'],
  ['run-closed', 'Close this and choose “Rotate…” in the key’s details to start a new rotation.'],
  ['key-in-rotation', 'Open “Resume rotation…” in the key’s details to finish or abort it.'],
  ['deploy-needs-stored-verified-key', 'Use “Generate new key” (or “Save new key”) again.'],
  ['verify-needs-deploy', 'Confirm with “I have deployed the new key” first.'],
  ['generate-in-dashboard', 'Then paste it in “New key”.'],
]);

/** A short, concrete next step for the errors people can act on. */
export function nextStep(error: ErrorInfo, pasted = false): string | null {
  const byRule = error.rule === undefined ? undefined : RULE_STEPS.get(error.rule);
  if (byRule) return byRule;
  switch (error.code) {
    case 'UNAUTHORIZED':
      return pasted
        ? 'Copy the key again from the dashboard (all of it), check that it is enabled there, and paste it again.'
        : "ApexVerify refused the account's key (401): add the account again with a working key.";
    case 'PAYMENT_REQUIRED':
      return 'The account has no credits left (402): add credits in the ApexVerify dashboard, then try again.';
    case 'RATE_LIMITED':
      // With a Retry-After, the alert's one live countdown is the next step: no second number.
      return error.retryAfterSec !== undefined
        ? null
        : 'Too many requests (429): wait a minute, then try again.';
    case 'SERVER_ERROR':
      return `ApexVerify had a server error${error.status ? ` (${error.status})` : ''}: nothing was changed here; try again in a few minutes.`;
    case 'TIMEOUT':
      return 'ApexVerify did not answer in time: check the network connection, then try again.';
    case 'NETWORK':
      return 'ApexVerify cannot be reached: check the network connection; the app shows when it is back online.';
    case 'KEYCHAIN_UNAVAILABLE':
    case 'KEYCHAIN_DENIED':
      return 'Unlock or start the OS keychain, then try again.';
    case 'STORE_BUSY':
      return 'Another window or command of this app is writing the store: try again in a moment.';
    default:
      return null;
  }
}

/** "(HTTP 429)" for API errors, so the title names the status people search for. */
export function statusSuffix(error: ErrorInfo): string {
  return error.status ? ` (HTTP ${error.status})` : '';
}

// The window shows words, never a code (the CLI's --json keeps the codes). A Record over every
// code, so a new code cannot reach the screen without its words.
const CODE_WORDS: Record<ErrorCode, string> = {
  KEYCHAIN_UNAVAILABLE: 'the OS keychain could not be reached',
  KEYCHAIN_DENIED: 'the OS keychain refused access',
  SECRET_MISSING: 'the secret is missing from the OS keychain',
  STORE_CORRUPT: 'the local store is damaged',
  STORE_BUSY: 'the local store was busy',
  STORE_IO: 'the local store could not be read or written',
  ENV_FILE: 'the .env file could not be written',
  UNAUTHORIZED: 'ApexVerify refused the key (401)',
  RATE_LIMITED: 'too many requests (429)',
  PAYMENT_REQUIRED: 'no credits left (402)',
  FORBIDDEN: 'ApexVerify refused the request (403)',
  NOT_FOUND: 'ApexVerify does not know it (404)',
  INVALID: 'ApexVerify refused the request as invalid',
  SERVER_ERROR: 'ApexVerify had a server error',
  NETWORK: 'ApexVerify could not be reached',
  TIMEOUT: 'ApexVerify did not answer in time',
  BAD_RESPONSE: 'ApexVerify sent an answer the app could not read',
  BAD_INPUT: 'the input was not valid',
  UNKNOWN_ACCOUNT: 'the account is not known here',
  UNKNOWN_KEY: 'the key is not known here',
  AMBIGUOUS_LABEL: 'the label matches more than one key',
  DUPLICATE: 'it already exists',
  WRONG_MODE: 'the account’s mode does not allow it',
  NOT_REVOKED: 'the key is not revoked yet',
  CONFIRMATION_MISMATCH: 'the confirmation did not match',
  REFUSED: 'it is not allowed in the key’s current state',
  COMMAND_FAILED: 'the command failed',
  CANCELLED: 'it was cancelled',
  INTERNAL: 'an unexpected error occurred',
};

const WORDS: ReadonlyMap<string, string> = new Map(Object.entries(CODE_WORDS));

/** Why a check failed, in words, from a stored error code (any string: it crossed a boundary). */
export function codeWords(code: string | null | undefined): string | null {
  if (code === null || code === undefined || code === '') return null;
  return WORDS.get(code) ?? CODE_WORDS.INTERNAL;
}

/** A 429 with a Retry-After: the alert says it once, with a live countdown. */
export function isTimedRateLimit(error: ErrorInfo): error is ErrorInfo & { retryAfterSec: number } {
  return error.code === 'RATE_LIMITED' && error.retryAfterSec !== undefined;
}

/** The reason shown under a 429 with a wait, before the countdown (the core's text names the number). */
export const RATE_LIMIT_REASON =
  'ApexVerify’s rate limit for this account is used up; other traffic on the account may be using it.';
