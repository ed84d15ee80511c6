// What to do about a failed call: the core's message says what happened; this adds the next step.
import type { ErrorInfo } from '../../../shared/errors.ts';

export const NETWORK_CODES: ReadonlySet<string> = new Set(['NETWORK', 'TIMEOUT']);
export const KEYCHAIN_CODES: ReadonlySet<string> = new Set([
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_DENIED',
]);

/** A short, concrete next step for the errors people can act on. */
export function nextStep(error: ErrorInfo, pasted = false): string | null {
  switch (error.code) {
    case 'UNAUTHORIZED':
      return pasted
        ? 'Copy the key again from the dashboard (all of it), check that it is enabled there, and paste it again.'
        : "ApexVerify refused the account's key (401): add the account again with a working key (apexkeys account add).";
    case 'PAYMENT_REQUIRED':
      return 'The account has no credits left (402): add credits in the ApexVerify dashboard, then try again.';
    case 'RATE_LIMITED':
      return error.retryAfterSec !== undefined
        ? `Too many requests (429): wait ${error.retryAfterSec} s, then try again.`
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
      return 'Another apexkeys process is writing the store: try again in a moment.';
    default:
      return null;
  }
}

/** "(HTTP 429)" for API errors, so the title names the status people search for. */
export function statusSuffix(error: ErrorInfo): string {
  return error.status ? ` (HTTP ${error.status})` : '';
}
