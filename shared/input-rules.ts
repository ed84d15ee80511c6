// Pure domain rules shared by the core, the CLI and (later) the renderer.
import { isLoopbackHost } from './loopback.ts';

export const LABEL_RULE =
  'A label is 1 to 64 characters: letters, digits, "-", "_" and "." only (no spaces).';

const LABEL_RE = /^[A-Za-z0-9._-]{1,64}$/;

/** Returns a reason when the label breaks the API's rules, or null when it is fine. */
export function labelProblem(label: string): string | null {
  if (label.length === 0) return `The label is empty. ${LABEL_RULE}`;
  if (label.length > 64) return `The label is ${label.length} characters long. ${LABEL_RULE}`;
  if (/\s/.test(label)) return `The label contains whitespace. ${LABEL_RULE}`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(label))
    return `The label contains a control character. ${LABEL_RULE}`;
  if (!LABEL_RE.test(label))
    return `The label contains a character that is not allowed. ${LABEL_RULE}`;
  return null;
}

/**
 * The app's own rule for a label it stores (new keys, renames): the API's rule, and no leading
 * "-", since a label is typed as a command argument and "-x" or "--help" would read as an option.
 * The API itself (and so the sandbox) may accept such labels; the app refuses them.
 */
export function keyLabelProblem(label: string): string | null {
  const p = labelProblem(label);
  if (p) return p;
  if (label.startsWith('-'))
    return `The label starts with "-", which the CLI would read as an option; choose one starting with a letter or digit. (A key stored earlier with such a label stays usable after "--": apexkeys key get -- ${label})`;
  return null;
}

// C0 controls, DEL and C1 controls: they move the cursor, clear the screen or retitle the
// terminal when printed, and have no place in a name or a path.
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * One rule for every free-text field (service, owner, notes): a length limit and no control
 * characters. Notes alone may hold line breaks and tabs, since a multi-line note is useful and
 * both are printed safely; nothing else may.
 */
export function freeTextProblem(
  field: string,
  value: string,
  opts: { max: number; multiline?: boolean },
): string | null {
  const bad = opts.multiline ? CONTROL_EXCEPT_LINES_RE : CONTROL_RE;
  if (value.length > opts.max || bad.test(value))
    return `The ${field} must be at most ${opts.max} characters with no control characters${opts.multiline ? ' (line breaks and tabs are fine)' : ''}.`;
  return null;
}

/** A file path the user gives (a .env file): not empty, no control characters. */
export function pathProblem(path: string, what = 'the .env file'): string | null {
  if (path.trim() === '') return `Give a path for ${what}; the one given is empty.`;
  if (CONTROL_RE.test(path))
    return `The path of ${what} contains a control character (a line break, tab or escape); give a plain path.`;
  return null;
}

export const SECRET_RULE = 'An API key is 16 to 256 printable ASCII characters with no whitespace.';

/** Never echoes the secret back: the reason describes it only by length. */
export function secretProblem(secret: string): string | null {
  if (secret.length === 0) return 'The key is empty. Paste the key the dashboard showed.';
  if (/\s/.test(secret)) return `The key contains whitespace or a line break. ${SECRET_RULE}`;
  if (!/^[\x21-\x7e]+$/.test(secret))
    return `The key contains a character that is not printable ASCII. ${SECRET_RULE}`;
  if (secret.length < 16 || secret.length > 256)
    return `The key is ${secret.length} characters long. ${SECRET_RULE}`;
  return null;
}

export const ENVIRONMENT_RULE =
  'An environment is one word: letters, digits, "-" or "_", up to 32 characters.';

export function environmentProblem(env: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(env))
    return `Bad environment "${env.slice(0, 40)}". ${ENVIRONMENT_RULE}`;
  // The one name a JSON object cannot keep as its own key (it sets the prototype instead), so a
  // rotation period for it would be lost without a word. Other names ("constructor",
  // "toString") are looked up as own keys only and are fine.
  if (env === '__proto__') return `The environment name "__proto__" is reserved; choose another.`;
  return null;
}

export const ACCOUNT_NAME_RULE =
  'An account name is 1 to 64 characters: letters, digits, "-", "_" and ".".';

export function accountNameProblem(name: string): string | null {
  return LABEL_RE.test(name) ? null : `Bad account name. ${ACCOUNT_NAME_RULE}`;
}

/** http(s) only, no credentials in the URL, no query or fragment; returns the normalised origin+path. */
export function normaliseBaseUrl(raw: string): { url: string } | { problem: string } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { problem: `"${raw.slice(0, 80)}" is not a URL. Give an http:// or https:// base URL.` };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { problem: `The base URL must use http or https, not ${u.protocol.replace(':', '')}.` };
  // The key travels in a header: plain http only where it never leaves the machine.
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname))
    return {
      problem:
        'Plain http would send the API key unencrypted: use https (http is accepted only for 127.0.0.1, localhost or [::1]).',
    };
  if (u.username || u.password)
    return { problem: 'The base URL must not contain a user name or password.' };
  if (u.search || u.hash)
    return { problem: 'The base URL must not contain a query or a fragment.' };
  return { url: `${u.origin}${u.pathname.replace(/\/+$/, '')}` };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a key is due for rotation, or null when it has no period. */
export function rotationDueAt(createdAt: string, periodDays: number | null): string | null {
  if (periodDays === null) return null;
  return new Date(Date.parse(createdAt) + periodDays * DAY_MS).toISOString();
}

/** "avk_…9f3a": enough to tell keys apart, too little to use. */
export function maskedHint(secret: string): string {
  const prefix = /^[a-z]{2,5}_/.exec(secret)?.[0] ?? '';
  return `${prefix}…${secret.slice(-4)}`;
}
