// The keytar vault with fake keytars: in memory, hanging, throwing. No real keychain is touched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, isAppError, type ErrorCode } from '../../../../shared/errors.ts';
import {
  CANARY_ID,
  createKeytarVault,
  type KeytarLike,
  type KeytarVaultOptions,
} from '../../../../electron/core/vault.ts';
import {
  classifyKeytarError,
  MAX_REASON_CHARS,
  mapKeytarError,
  unlockHint,
} from '../../../../electron/core/vault-errors.ts';
import { fakeSecret, SECRET_PATTERN } from '../../../helpers/cli.ts';

const SERVICE = 'apexkeys-unit';

/** An in-memory keytar; `locked` makes it behave as a locked gnome-keyring collection. */
function memoryKeytar() {
  const entries = new Map<string, string>();
  const k = (s: string, a: string) => `${s}\u0000${a}`;
  const state = { locked: false };
  const keytar = {
    getPassword: vi.fn(async (s: string, a: string) =>
      state.locked ? null : (entries.get(k(s, a)) ?? null),
    ),
    setPassword: vi.fn(async (s: string, a: string, p: string) => {
      if (state.locked) throw new Error('Cannot create an item in a locked collection');
      entries.set(k(s, a), p);
    }),
    deletePassword: vi.fn(async (s: string, a: string) =>
      state.locked ? false : entries.delete(k(s, a)),
    ),
    findCredentials: vi.fn(async (s: string) => {
      // The real one crashes the process here; a test that reaches it while locked fails.
      if (state.locked) throw new Error('findCredentials called on a locked collection');
      return [...entries]
        .filter(([key]) => key.startsWith(`${s}\u0000`))
        .map(([key, password]) => ({ account: key.slice(s.length + 1), password }));
    }),
  } satisfies KeytarLike;
  return { keytar, entries, state, key: (a: string) => k(SERVICE, a) };
}

function vaultWith(keytar: KeytarLike, extra: Partial<KeytarVaultOptions> = {}) {
  return createKeytarVault({ service: SERVICE, loadKeytar: async () => keytar, ...extra });
}

/** A keytar whose every call throws `message` (rejecting, like the native binding). */
function throwingKeytar(message: string, sync = false): KeytarLike {
  const fail = () => {
    if (sync) throw new Error(message);
    return Promise.reject(new Error(message));
  };
  return {
    getPassword: fail,
    setPassword: fail,
    deletePassword: fail,
    findCredentials: fail,
  };
}

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(isAppError(e), `not an AppError: ${String(e)}`).toBe(true);
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

function expectNoSecret(message: string, secret: string) {
  expect(message).not.toContain(secret);
  expect(message.match(SECRET_PATTERN)).toBeNull();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('keytar vault: round trip and canary', () => {
  it('sets, gets, lists and deletes under one service keyed by id', async () => {
    const { keytar, entries, key } = memoryKeytar();
    const vault = vaultWith(keytar);
    const secret = fakeSecret();
    await vault.set('key-1', secret);
    await vault.set('account:a1', fakeSecret());
    expect(await vault.get('key-1')).toBe(secret);
    expect(entries.get(key('key-1'))).toBe(secret);
    expect((await vault.listIds()).sort()).toEqual(['account:a1', 'key-1']);
    expect(await vault.delete('key-1')).toBe(true);
    expect(await vault.delete('key-1')).toBe(false);
    expect(await vault.listIds()).toEqual(['account:a1']);
    for (const [s] of keytar.setPassword.mock.calls) expect(s).toBe(SERVICE);
  });

  it('writes a random canary once, before the first set, and never a second time', async () => {
    const { keytar, entries, key } = memoryKeytar();
    const vault = vaultWith(keytar);
    await vault.set('a', fakeSecret());
    await vault.set('b', fakeSecret());
    const canaryWrites = keytar.setPassword.mock.calls.filter(([, a]) => a === CANARY_ID);
    expect(canaryWrites).toHaveLength(1);
    // Written before the first entry.
    expect(keytar.setPassword.mock.calls[0]?.[1]).toBe(CANARY_ID);
    const canary = entries.get(key(CANARY_ID));
    expect(canary).toMatch(/^canary-[0-9a-f]{48}$/);

    // Another instance (the next app start) finds it and leaves it alone.
    const again = vaultWith(keytar);
    await again.set('c', fakeSecret());
    expect(entries.get(key(CANARY_ID))).toBe(canary);
    expect(keytar.setPassword.mock.calls.filter(([, a]) => a === CANARY_ID)).toHaveLength(1);
  });

  it('canaries differ between installations', async () => {
    const one = memoryKeytar();
    const two = memoryKeytar();
    await vaultWith(one.keytar).set('a', fakeSecret());
    await vaultWith(two.keytar).set('a', fakeSecret());
    expect(one.entries.get(one.key(CANARY_ID))).not.toBe(two.entries.get(two.key(CANARY_ID)));
  });

  it('listIds excludes the canary and returns ids only, never passwords', async () => {
    const { keytar } = memoryKeytar();
    const vault = vaultWith(keytar);
    const secret = fakeSecret();
    await vault.set('k', secret);
    const ids = await vault.listIds();
    expect(ids).toEqual(['k']);
    expect(JSON.stringify(ids)).not.toContain(secret);
  });

  it('listIds on first use writes the canary, then lists', async () => {
    const { keytar, entries, key } = memoryKeytar();
    expect(await vaultWith(keytar).listIds()).toEqual([]);
    expect(entries.has(key(CANARY_ID))).toBe(true);
  });

  it('rejects an empty id, the canary id and an empty secret before touching keytar', async () => {
    const { keytar } = memoryKeytar();
    const vault = vaultWith(keytar);
    for (const run of [
      () => vault.set('', 'x'),
      () => vault.set(CANARY_ID, 'x'),
      () => vault.set('a', ''),
      () => vault.get(''),
      () => vault.get(CANARY_ID),
      () => vault.delete(CANARY_ID),
      () => vault.set('x'.repeat(257), 'x'),
    ]) {
      expect((await caught(run())).code).toBe('BAD_INPUT');
    }
    expect(keytar.getPassword).not.toHaveBeenCalled();
    expect(keytar.setPassword).not.toHaveBeenCalled();
    expect(keytar.deletePassword).not.toHaveBeenCalled();
  });
});

describe('keytar vault: a null answer', () => {
  it('null with the canary present is SECRET_MISSING, naming the key only as "this key"', async () => {
    const { keytar } = memoryKeytar();
    const vault = vaultWith(keytar);
    await vault.set('other', fakeSecret());
    const writes = keytar.setPassword.mock.calls.length;
    const e = await caught(vault.get('key-123-abc'));
    expect(e.code).toBe('SECRET_MISSING');
    expect(e.message).toContain('this key');
    expect(e.message).toContain('not in the keychain');
    expect(e.message).not.toContain('key-123-abc');
    expect(keytar.setPassword.mock.calls.length).toBe(writes);
  });

  it('null with no canary is KEYCHAIN_DENIED ("appears locked") and nothing is written', async () => {
    const { keytar, entries } = memoryKeytar();
    const e = await caught(vaultWith(keytar).get('never'));
    expect(e.code).toBe('KEYCHAIN_DENIED');
    expect(e.message).toMatch(/appears locked; unlock it and try again/);
    expect(keytar.setPassword).not.toHaveBeenCalled();
    expect(entries.size).toBe(0);
  });

  it('locked after use: get is KEYCHAIN_DENIED, the entry is kept, and reads again once unlocked', async () => {
    const { keytar, entries, key, state } = memoryKeytar();
    const vault = vaultWith(keytar);
    const secret = fakeSecret();
    await vault.set('k', secret);
    state.locked = true;
    const writes = keytar.setPassword.mock.calls.length;
    const e = await caught(vault.get('k'));
    expect(e.code).toBe('KEYCHAIN_DENIED');
    expectNoSecret(e.message, secret);
    expect(keytar.setPassword.mock.calls.length).toBe(writes);
    expect(entries.get(key('k'))).toBe(secret);
    state.locked = false;
    expect(await vault.get('k')).toBe(secret);
  });

  it('locked: delete (which answers false) is KEYCHAIN_DENIED, not "nothing removed"', async () => {
    const { keytar, entries, key, state } = memoryKeytar();
    const vault = vaultWith(keytar);
    await vault.set('k', fakeSecret());
    state.locked = true;
    const e = await caught(vault.delete('k'));
    expect(e.code).toBe('KEYCHAIN_DENIED');
    expect(e.message).toMatch(/may still be in the keychain/);
    expect(entries.has(key('k'))).toBe(true);
  });

  it('locked: listIds is KEYCHAIN_DENIED and never reaches findCredentials', async () => {
    const { keytar, state } = memoryKeytar();
    const vault = vaultWith(keytar);
    await vault.set('k', fakeSecret());
    state.locked = true;
    expect((await caught(vault.listIds())).code).toBe('KEYCHAIN_DENIED');
    expect(keytar.findCredentials).not.toHaveBeenCalled();
  });

  it('probe: proves an open keychain by the canary alone, and a locked one is KEYCHAIN_DENIED', async () => {
    const { keytar, state } = memoryKeytar();
    const vault = vaultWith(keytar);
    await vault.set('k', fakeSecret());
    await vault.probe?.();
    // Never a read of every secret: keytar crashes when another process deletes one meanwhile.
    expect(keytar.findCredentials).not.toHaveBeenCalled();
    state.locked = true;
    expect((await caught(vault.probe?.() ?? Promise.resolve())).code).toBe('KEYCHAIN_DENIED');
  });
});

describe('keytar vault: timeouts', () => {
  const hanging = (): KeytarLike & { release: () => void } => {
    let release = () => {};
    const never = new Promise<never>((_, reject) => {
      release = () => reject(new Error('late answer'));
    });
    return {
      getPassword: vi.fn(() => never),
      setPassword: vi.fn(() => never),
      deletePassword: vi.fn(() => never),
      findCredentials: vi.fn(() => never),
      release: () => release(),
    };
  };

  it('a call that never answers is KEYCHAIN_DENIED after timeoutMs, with the time in the message', async () => {
    const vault = vaultWith(hanging(), { timeoutMs: 50 });
    const started = Date.now();
    const e = await caught(vault.get('k'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(e.code).toBe('KEYCHAIN_DENIED');
    expect(e.message).toContain('did not answer within 0.05 s');
    expect(e.message).toMatch(/may be waiting to be unlocked/);
  });

  it('defaults to 10 s', async () => {
    vi.useFakeTimers();
    const vault = vaultWith(hanging());
    const p = caught(vault.set('k', fakeSecret()));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const e = await p;
    expect(e.message).toContain('within 10 s');
  });

  it('leaves no timer behind, whether the call answers, fails or times out', async () => {
    vi.useFakeTimers();
    const { keytar } = memoryKeytar();
    const vault = vaultWith(keytar, { timeoutMs: 60_000 });
    await vault.set('k', fakeSecret());
    await vault.get('k');
    await vault.listIds();
    await caught(vault.get('missing'));
    expect(vi.getTimerCount()).toBe(0);

    await caught(vaultWith(throwingKeytar('Cancelled'), { timeoutMs: 60_000 }).get('k'));
    expect(vi.getTimerCount()).toBe(0);

    const p = caught(vaultWith(hanging(), { timeoutMs: 5_000 }).get('k'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await p).code).toBe('KEYCHAIN_DENIED');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a settled call leaves no active Timeout handle to keep the process alive (real timers)', async () => {
    const count = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = count();
    const { keytar } = memoryKeytar();
    const vault = vaultWith(keytar, { timeoutMs: 600_000 });
    await vault.set('k', fakeSecret());
    await vault.get('k');
    expect(count()).toBe(before);
  });

  it('while a timed-out call is still stuck, later calls fail at once; they work again once it returns', async () => {
    const stuck = hanging();
    const { keytar } = memoryKeytar();
    let current: KeytarLike = stuck;
    // Delegates to whichever keytar is current, so the stuck call can be released later.
    const switching: KeytarLike = {
      getPassword: (s, a) => current.getPassword(s, a),
      setPassword: (s, a, p) => current.setPassword(s, a, p),
      deletePassword: (s, a) => current.deletePassword(s, a),
      findCredentials: (s) => current.findCredentials(s),
    };
    const vault = vaultWith(switching, { timeoutMs: 30 });
    expect((await caught(vault.get('k'))).message).toMatch(/did not answer within/);
    current = keytar;
    const e = await caught(vault.set('k', 'value'));
    expect(e.code).toBe('KEYCHAIN_DENIED');
    expect(e.message).toMatch(/still not answered an earlier request/);
    expect(keytar.setPassword).not.toHaveBeenCalled();

    stuck.release();
    await new Promise((r) => setImmediate(r));
    await vault.set('k', 'value');
    expect(await vault.get('k')).toBe('value');
  });
});

describe('keytar vault: error mapping', () => {
  const cases: Array<[string, ErrorCode]> = [
    // Seen on this machine (tests/integration/core/vault/gnome-keyring.test.ts).
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'KEYCHAIN_UNAVAILABLE'],
    ['Could not connect: No such file or directory', 'KEYCHAIN_UNAVAILABLE'],
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      'KEYCHAIN_UNAVAILABLE',
    ],
    [
      'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
      'KEYCHAIN_UNAVAILABLE',
    ],
    [
      'Object does not exist at path \u201c/org/freedesktop/secrets/collection/login\u201d',
      'KEYCHAIN_DENIED',
    ],
    [
      'Object does not exist at path "/org/freedesktop/secrets/collection/login"',
      'KEYCHAIN_DENIED',
    ],
    ['Cannot create an item in a locked collection', 'KEYCHAIN_DENIED'],
    [
      'Error calling StartServiceByName for org.freedesktop.secrets: Timeout was reached',
      'KEYCHAIN_DENIED',
    ],
    // From libsecret, macOS Security and Windows error texts.
    ['Cancelled', 'KEYCHAIN_DENIED'],
    ['The prompt was dismissed', 'KEYCHAIN_DENIED'],
    ['Locked', 'KEYCHAIN_DENIED'],
    ['GDBus.Error:org.freedesktop.DBus.Error.AccessDenied: Rejected', 'KEYCHAIN_DENIED'],
    ['User interaction is not allowed.', 'KEYCHAIN_DENIED'],
    ['errSecInteractionNotAllowed (-25308)', 'KEYCHAIN_DENIED'],
    ['User canceled the operation.', 'KEYCHAIN_DENIED'],
    ['OSStatus -128', 'KEYCHAIN_DENIED'],
    ['The user name or passphrase you entered is not correct.', 'KEYCHAIN_DENIED'],
    ['Access is denied.', 'KEYCHAIN_DENIED'],
    ['The specified keychain could not be found.', 'KEYCHAIN_UNAVAILABLE'],
    [
      'A specified logon session does not exist. It may already have been terminated.',
      'KEYCHAIN_UNAVAILABLE',
    ],
    ['Something nobody has seen before', 'KEYCHAIN_UNAVAILABLE'],
  ];

  it.each(cases)('%s => %s', async (message, code) => {
    for (const sync of [false, true]) {
      const vault = vaultWith(throwingKeytar(message, sync));
      // One at a time: a rejection nobody awaits yet would be reported as unhandled.
      for (const run of [
        () => vault.set('k', fakeSecret()),
        () => vault.get('k'),
        () => vault.delete('k'),
        () => vault.listIds(),
      ]) {
        const e = await caught(run());
        expect(e.code).toBe(code);
        // keytar's reason is kept (short) for support.
        expect(e.message).toContain(message.replace(/\s+/g, ' ').trim().slice(0, 40));
      }
    }
  });

  it('an unknown error gets a generic message that still says what to do', () => {
    const e = mapKeytarError(new Error('Something nobody has seen before'), { platform: 'linux' });
    expect(e.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(e.message).toMatch(/reported an error/);
    expect(e.message).toMatch(/gnome-keyring/);
    expect(classifyKeytarError(42)).toBe('other');
    expect(mapKeytarError(42).message).not.toMatch(/keychain said/);
  });

  it('says what to do on each OS', () => {
    expect(unlockHint('linux')).toMatch(/gnome-keyring.*Secret Service.*unlock the login keyring/);
    expect(unlockHint('darwin')).toMatch(/Keychain Access.*unlock the login keychain/);
    expect(unlockHint('win32')).toMatch(/Credential Manager/);
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const locked = mapKeytarError(new Error('Locked'), { platform });
      expect(locked.message).toContain(unlockHint(platform));
      const gone = mapKeytarError(new Error('ServiceUnknown'), { platform });
      expect(gone.message).toContain(unlockHint(platform));
    }
  });

  it('a keytar that cannot load (libsecret missing) is KEYCHAIN_UNAVAILABLE, and is retried', async () => {
    let attempts = 0;
    const { keytar } = memoryKeytar();
    const vault = createKeytarVault({
      service: SERVICE,
      loadKeytar: async () => {
        attempts++;
        if (attempts === 1) {
          throw new Error(
            'libsecret-1.so.0: cannot open shared object file: No such file or directory',
          );
        }
        return keytar;
      },
    });
    const e = await caught(vault.get('k'));
    expect(e.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(e.message).toMatch(/could not be loaded/);
    if (process.platform === 'linux') expect(e.message).toMatch(/libsecret-1-0/);
    expect(e.message).toContain('libsecret-1.so.0');
    await vault.set('k', 'v');
    expect(attempts).toBe(2);
    // Loaded once, then kept.
    await vault.get('k');
    expect(attempts).toBe(2);
  });

  it('never puts a secret in a message, even when keytar echoes it, and caps its reason', async () => {
    const secret = fakeSecret();
    const echo = `Locked while storing ${secret} ${'x'.repeat(400)}`;
    const vault = vaultWith(throwingKeytar(echo));
    const errors = [
      await caught(vault.set('k', secret)),
      await caught(vault.get('k')),
      await caught(vault.listIds()),
    ];
    // A password that is not key-shaped is removed from a set's reason too.
    const plain = 'correct horse battery staple';
    errors.push(await caught(vaultWith(throwingKeytar(`oops ${plain}`)).set('k', plain)));
    for (const e of errors) {
      expectNoSecret(e.message, secret);
      expect(e.message).not.toContain(plain);
      const reason = /\(keychain said: (.*)\)$/.exec(e.message)?.[1] ?? '';
      expect(reason.length).toBeLessThanOrEqual(MAX_REASON_CHARS);
    }
  });

  it('no message of any path carries the secret being stored', async () => {
    const secret = fakeSecret();
    const { keytar, state } = memoryKeytar();
    const vault = vaultWith(keytar, { timeoutMs: 20 });
    await vault.set('k', secret);
    const messages: string[] = [];
    messages.push((await caught(vault.get('missing'))).message);
    state.locked = true;
    messages.push((await caught(vault.get('k'))).message);
    messages.push((await caught(vault.set('k', secret))).message);
    messages.push((await caught(vault.delete('k'))).message);
    messages.push((await caught(vault.listIds())).message);
    messages.push((await caught(vaultWith(throwingKeytar('x')).set('k', secret))).message);
    const hang: KeytarLike = {
      ...keytar,
      setPassword: () => new Promise<never>(() => {}),
      getPassword: () => new Promise<never>(() => {}),
    };
    messages.push((await caught(vaultWith(hang, { timeoutMs: 20 }).set('k', secret))).message);
    for (const m of messages) expectNoSecret(m, secret);
  });

  it('rejects a bad service name or timeout up front', () => {
    expect(() => createKeytarVault({ service: '' })).toThrow(AppError);
    expect(() => createKeytarVault({ service: 's', timeoutMs: 0 })).toThrow(AppError);
    expect(() => createKeytarVault({ service: 's', timeoutMs: Number.NaN })).toThrow(AppError);
  });
});
