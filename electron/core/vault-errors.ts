// Turns what keytar (libsecret, macOS Security, Windows Credential Manager) throws into an
// AppError whose message says what to do on this OS. The patterns come from messages observed
// with @github/keytar 7.10.6 on Linux (see tests/integration/core/vault/gnome-keyring.test.ts) and from the
// platform APIs' documented error strings.
import { AppError } from '../../shared/errors.ts';
import { keychainHelpFor } from '../../shared/keychain-help.ts';

/** keytar's own words are appended for support, never more than this. */
export const MAX_REASON_CHARS = 160;

const MIN_REDACT_CHARS = 6;

// Shaped like an API key: scrubbed from any reason even though keytar never echoes a password.
const KEY_SHAPE = /avk_[A-Za-z0-9]{20,}/g;

/** How to unlock the keychain on this OS, in one sentence (the table is shared with the window). */
export function unlockHint(platform: NodeJS.Platform = process.platform): string {
  return keychainHelpFor(platform).unlock;
}

function installHint(platform: NodeJS.Platform): string {
  return keychainHelpFor(platform).install;
}

/**
 * keytar's reason, one line, capped, with anything key-shaped (and the secret being written,
 * when known) removed.
 */
export function shortReason(e: unknown, secret?: string): string {
  let text = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  if (secret && secret.length >= MIN_REDACT_CHARS) text = text.split(secret).join('[redacted]');
  text = text.replace(KEY_SHAPE, '[redacted]').replace(/\s+/g, ' ').trim();
  if (text.length > MAX_REASON_CHARS) text = `${text.slice(0, MAX_REASON_CHARS - 1)}…`;
  return text;
}

function withReason(message: string, reason: string): string {
  return reason ? `${message} (keychain said: ${reason})` : message;
}

export type KeytarFailure = 'no-dbus' | 'no-service' | 'locked' | 'cancelled' | 'timeout' | 'other';

// Order matters: a missing D-Bus or Secret Service is checked before the words "denied" or
// "locked", which can appear inside D-Bus error names.
const RULES: Array<[KeytarFailure, RegExp]> = [
  // No session bus at all (ssh, headless, cron), or an address that points nowhere.
  [
    'no-dbus',
    /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|machine-id|Could not connect|Connection refused|dbus-launch|NoServer|Failed to open connection to .*bus/i,
  ],
  // A bus but nobody providing org.freedesktop.secrets.
  [
    'no-service',
    /ServiceUnknown|not provided by any \.service files|NameHasNoOwner|Failed to activate service|UnknownMethod|No such interface/i,
  ],
  // Windows: no credential store in this logon session (services, some remote sessions).
  ['no-service', /logon session does not exist|ERROR_NO_SUCH_LOGON_SESSION/i],
  // macOS: no keychain file to use.
  [
    'no-service',
    /keychain could not be found|default keychain|No keychain is available|-25294|-25307|-25291/i,
  ],
  // A GDBus call that gave up (libsecret waits 25 s) is the same story as our own timeout.
  ['timeout', /Timeout was reached|timed out/i],
  // Prompt dismissed (Linux "Cancelled"/"dismissed", macOS -128 "User canceled").
  ['cancelled', /cancel+ed|dismissed|-128\b|errSecUserCanceled/i],
  // Locked or refused: gnome-keyring started without --unlock answers "Object does not exist at
  // path …/collection/login"; writing to a locked collection says "Cannot create an item in a
  // locked collection"; macOS says "User interaction is not allowed" (-25308) or -25293.
  [
    'locked',
    /Object does not exist at path|locked|denied|not allowed|interaction|not permitted|passphrase you entered|-25308|-25293|errSecInteractionNotAllowed|errSecAuthFailed|IsLocked/i,
  ],
];

export function classifyKeytarError(e: unknown): KeytarFailure {
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  for (const [kind, re] of RULES) if (re.test(text)) return kind;
  return 'other';
}

export function timeoutError(timeoutMs: number, platform: NodeJS.Platform = process.platform) {
  const secs = Number((timeoutMs / 1000).toFixed(3));
  return new AppError(
    'KEYCHAIN_DENIED',
    `The keychain did not answer within ${secs} s; it may be waiting to be unlocked. ${unlockHint(platform)} Then try again.`,
  );
}

/** The same error with `secret` cut out of its message (AppErrors only; anything else passes). */
export function withoutSecret(e: unknown, secret: string): unknown {
  // A secret of a few characters would match ordinary words and reveals nothing anyway.
  if (!(e instanceof AppError) || secret.length < MIN_REDACT_CHARS || !e.message.includes(secret)) {
    return e;
  }
  return new AppError(e.code, e.message.split(secret).join('[redacted]'), e.toInfo());
}

/** An earlier call timed out and the keychain still has not answered it. */
export function stillWaitingError(platform: NodeJS.Platform = process.platform) {
  return new AppError(
    'KEYCHAIN_DENIED',
    `The keychain has still not answered an earlier request; it may be waiting to be unlocked. ${unlockHint(platform)} Then try again.`,
  );
}

/** Any keytar failure as an AppError; `secret` is what was being written, to keep it out. */
export function mapKeytarError(
  e: unknown,
  opts: { platform?: NodeJS.Platform; secret?: string } = {},
): AppError {
  if (e instanceof AppError) return e;
  const platform = opts.platform ?? process.platform;
  const reason = shortReason(e, opts.secret);
  switch (classifyKeytarError(e)) {
    case 'no-dbus':
      return new AppError(
        'KEYCHAIN_UNAVAILABLE',
        withReason(
          `The system keychain cannot be reached: there is no D-Bus session (for example over SSH or without a desktop). ${unlockHint(platform)} Or run inside a desktop session or under dbus-run-session.`,
          reason,
        ),
      );
    case 'no-service':
      return new AppError(
        'KEYCHAIN_UNAVAILABLE',
        withReason(`No system keychain service is available. ${unlockHint(platform)}`, reason),
      );
    case 'timeout':
      return new AppError(
        'KEYCHAIN_DENIED',
        withReason(
          `The keychain did not answer; it may be waiting to be unlocked. ${unlockHint(platform)} Then try again.`,
          reason,
        ),
      );
    case 'cancelled':
      return new AppError(
        'KEYCHAIN_DENIED',
        withReason(
          `The keychain prompt was dismissed, so the keychain stayed locked. ${unlockHint(platform)} Then try again and accept the prompt.`,
          reason,
        ),
      );
    case 'locked':
      return new AppError(
        'KEYCHAIN_DENIED',
        withReason(
          `The keychain is locked or refused access. ${unlockHint(platform)} Then try again.`,
          reason,
        ),
      );
    default:
      return new AppError(
        'KEYCHAIN_UNAVAILABLE',
        withReason(
          `The system keychain reported an error. Nothing was stored in a file instead. ${unlockHint(platform)}`,
          reason,
        ),
      );
  }
}

/** keytar (or libsecret under it) could not be loaded at all. */
export function loadError(e: unknown, platform: NodeJS.Platform = process.platform): AppError {
  return new AppError(
    'KEYCHAIN_UNAVAILABLE',
    withReason(
      `The system keychain library could not be loaded. ${installHint(platform)}`,
      shortReason(e),
    ),
  );
}

/** A null (or false) answer with no readable canary: the collection is probably locked. */
export function lockedOnNullError(
  consequence = '',
  platform: NodeJS.Platform = process.platform,
): AppError {
  const lead = consequence ? `${consequence} ` : '';
  return new AppError(
    'KEYCHAIN_DENIED',
    // A missing canary also means this service's entries were removed (or another keychain
    // service name is in use), which the app cannot tell from a lock: name both.
    `${lead}The keychain appears locked; unlock it and try again. ${unlockHint(platform)} ` +
      "If it is unlocked, this app's entries are gone from it (or a different keychain service name is in use).",
  );
}

export function secretMissingError(): AppError {
  return new AppError(
    'SECRET_MISSING',
    'The secret for this key is not in the keychain (it was removed outside this app, or the keychain was reset). Nothing was changed; add the key again to store its secret.',
  );
}
