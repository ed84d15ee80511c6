// The OS keychain behind the Vault interface, through @github/keytar. One keychain service per
// installation; each entry's account is the record's id. There is never a plaintext fallback.
//
// Linux facts this file is built around (observed with gnome-keyring, see
// tests/integration/core/vault/gnome-keyring.test.ts):
// - a locked collection makes getPassword answer null exactly like a missing entry, so a canary
//   entry tells "missing" from "locked", and nothing is regenerated or overwritten on a null;
// - deletePassword on a locked collection answers false and removes nothing;
// - findCredentials on a locked collection that holds matching items crashes the process
//   (keytar strdup()s a NULL secret), so listIds proves the keychain is open before calling it;
// - a Secret Service call can hang (an unanswered prompt; libsecret's own D-Bus timeout is 25 s),
//   so every call is raced against a timeout. The native call keeps running after that, and
//   Node waits for it on exit: a CLI that must quit at once has to kill itself.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import {
  loadError,
  lockedOnNullError,
  mapKeytarError,
  secretMissingError,
  stillWaitingError,
  timeoutError,
  withoutSecret,
} from './vault-errors.ts';
import type { Vault } from './vault-types.ts';

export interface KeytarLike {
  getPassword(s: string, a: string): Promise<string | null>;
  setPassword(s: string, a: string, p: string): Promise<void>;
  deletePassword(s: string, a: string): Promise<boolean>;
  findCredentials(s: string): Promise<Array<{ account: string; password: string }>>;
}

export interface KeytarVaultOptions {
  /** The keychain service name, one per installation. */
  service: string;
  /** Per keytar call; default 10 000. */
  timeoutMs?: number;
  /** Default: dynamic import of @github/keytar, so a missing libsecret is an error, not a crash. */
  loadKeytar?: () => Promise<KeytarLike>;
}

/** The account of the entry whose presence proves the keychain is unlocked. */
export const CANARY_ID = '__apexkeys_canary__';

export const DEFAULT_TIMEOUT_MS = 10_000;

// Ids are ours (uuids, "account:<uuid>"); the bound only keeps a bad caller from sending junk.
const MAX_ID_CHARS = 256;

async function importKeytar(): Promise<KeytarLike> {
  const mod = await import('@github/keytar');
  // keytar is CommonJS: its functions live on the default export.
  const k = (mod.default ?? mod) as Partial<KeytarLike>;
  if (
    typeof k.getPassword !== 'function' ||
    typeof k.setPassword !== 'function' ||
    typeof k.deletePassword !== 'function' ||
    typeof k.findCredentials !== 'function'
  ) {
    throw new Error('keytar loaded without its functions');
  }
  return k as KeytarLike;
}

function checkId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_CHARS) {
    throw new AppError('BAD_INPUT', 'A keychain entry needs a non-empty id.');
  }
  if (id === CANARY_ID) {
    throw new AppError('BAD_INPUT', 'That id is reserved by the app.');
  }
}

export function createKeytarVault(opts: KeytarVaultOptions): Vault {
  const { service } = opts;
  if (typeof service !== 'string' || service.length === 0) {
    throw new AppError('BAD_INPUT', 'The keychain service name is empty.');
  }
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new AppError('BAD_INPUT', 'The keychain timeout must be a positive number.');
  }
  const loadKeytar = opts.loadKeytar ?? importKeytar;

  let loaded: Promise<KeytarLike> | undefined;
  function keytar(): Promise<KeytarLike> {
    loaded ??= loadKeytar().catch((e: unknown) => {
      // Forget the failure so a later call may try again (e.g. after libsecret is installed).
      loaded = undefined;
      throw loadError(e);
    });
    return loaded;
  }

  // Calls that timed out but are still running in keytar's native thread. While one is
  // outstanding, new calls fail at once: each stuck call holds one of libuv's four threadpool
  // threads (which fs and crypto share), and the process cannot even exit until it returns.
  let stuck = 0;

  /**
   * One keytar call, raced against the timeout; the timer is cleared when the call settles so
   * it never keeps the process alive. A timed-out call's late answer is ignored.
   */
  async function call<T>(fn: (k: KeytarLike) => Promise<T>): Promise<T> {
    const k = await keytar();
    if (stuck > 0) throw stillWaitingError();
    return new Promise<T>((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        stuck++;
        reject(timeoutError(timeoutMs));
      }, timeoutMs);
      const settled = () => {
        if (timedOut) stuck--;
        else clearTimeout(timer);
        return !timedOut;
      };
      const fail = (e: unknown) => {
        if (settled()) reject(mapKeytarError(e));
      };
      let pending: Promise<T>;
      try {
        // keytar validates its arguments synchronously and throws before returning a promise.
        pending = Promise.resolve(fn(k));
      } catch (e) {
        fail(e);
        return;
      }
      pending.then((v) => {
        if (settled()) resolve(v);
      }, fail);
    });
  }

  const readCanary = () => call((k) => k.getPassword(service, CANARY_ID));
  const writeCanary = () =>
    call((k) => k.setPassword(service, CANARY_ID, `canary-${randomBytes(24).toString('hex')}`));

  // Written once per instance before the first set; a failure is forgotten so the next set retries.
  let canaryReady: Promise<void> | undefined;
  function ensureCanary(): Promise<void> {
    canaryReady ??= (async () => {
      if ((await readCanary()) === null) await writeCanary();
    })().catch((e: unknown) => {
      canaryReady = undefined;
      throw e;
    });
    return canaryReady;
  }

  return {
    async set(id, secret) {
      checkId(id);
      if (typeof secret !== 'string' || secret.length === 0) {
        throw new AppError('BAD_INPUT', 'The secret to store is empty.');
      }
      try {
        await ensureCanary();
        await call((k) => k.setPassword(service, id, secret));
      } catch (e) {
        // keytar never echoes a password, but a message must not carry one even if it did.
        throw withoutSecret(e, secret);
      }
    },

    async get(id) {
      checkId(id);
      const value = await call((k) => k.getPassword(service, id));
      if (value !== null && value !== undefined) return value;
      // A locked Linux collection also answers null: only a readable canary proves "missing".
      if ((await readCanary()) !== null) throw secretMissingError();
      throw lockedOnNullError();
    },

    async delete(id) {
      checkId(id);
      const removed = await call((k) => k.deletePassword(service, id));
      if (removed) return true;
      // A locked collection answers false and keeps the entry: do not report "nothing to remove".
      if ((await readCanary()) !== null) return false;
      throw lockedOnNullError("This key's secret may still be in the keychain.");
    },

    async probe() {
      // Only the canary, which nobody deletes. findCredentials (listIds) reads every secret of
      // the service, and keytar crashed the preview host with SIGSEGV ("secret_value_get_text:
      // assertion 'value' failed") when another process deleted an entry during that read: a
      // revoke by the CLI while the window re-checked the keychain after the change.
      if ((await readCanary()) === null) {
        await writeCanary();
        canaryReady = Promise.resolve();
      }
    },

    async listIds() {
      // findCredentials crashes on a locked collection, so first prove it is open: the canary
      // reads back, or (first use) it can be written, which a locked collection refuses.
      if ((await readCanary()) === null) {
        await writeCanary();
        canaryReady = Promise.resolve();
      }
      const creds = await call((k) => k.findCredentials(service));
      const ids = new Set<string>();
      // Only the accounts leave this function; the passwords are dropped here.
      for (const c of creds) if (c.account !== CANARY_ID) ids.add(c.account);
      return [...ids];
    },
  };
}
