// What to do about a failed call: the core's message says what happened; this adds the next step.
import type { ErrorInfo } from '../../../shared/errors.ts';

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
      return 'Another window or command of this app is writing the store: try again in a moment.';
    default:
      return null;
  }
}

/** "(HTTP 429)" for API errors, so the title names the status people search for. */
export function statusSuffix(error: ErrorInfo): string {
  return error.status ? ` (HTTP ${error.status})` : '';
}
