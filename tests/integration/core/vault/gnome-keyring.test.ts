// The keytar vault against a real gnome-keyring. Runs only under scripts/with-keyring.sh
// (throwaway HOME, XDG dirs, D-Bus session and unlocked keyring). The other keyring states
// (no D-Bus, no Secret Service, never unlocked, locked after use, a keychain that never answers)
// each run in a child process with its own throwaway HOME/XDG dirs and, where a bus is needed,
// its own dbus-run-session, so the shared session stays unlocked and no real keyring is touched.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../shared/errors.ts';
import { CANARY_ID, createKeytarVault } from '../../../../electron/core/vault.ts';
import { fakeSecret, SECRET_PATTERN } from '../../../helpers/cli.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';
import { REPO_ROOT } from '../../../helpers/repo-root.ts';

const enabled = process.env.APEXKEYS_TEST_KEYRING === '1';
if (!enabled) {
  console.warn(
    'tests/integration/core/vault/gnome-keyring.test.ts skipped: it needs the throwaway keyring session of ' +
      'scripts/with-keyring.sh (APEXKEYS_TEST_KEYRING=1). Run: ' +
      'bash scripts/with-keyring.sh npx vitest run tests/integration/core/vault/gnome-keyring.test.ts',
  );
}

const repoRoot = REPO_ROOT;
const probeScript = join(repoRoot, 'tests/fixtures/vault-probe.ts');
const newService = () => `apexkeys-test-${randomUUID()}`;

/** What secret-tool (libsecret's own CLI) sees under a service: attributes go to stderr. */
function secretToolItems(service: string): Array<{ service?: string; account?: string }> {
  const r = spawnSync('secret-tool', ['search', '--all', 'service', service], {
    encoding: 'utf8',
    timeout: 15_000,
    killSignal: 'SIGKILL',
  });
  expect(r.error, 'secret-tool ran').toBeUndefined();
  const items: Array<{ service?: string; account?: string }> = [];
  let current: { service?: string; account?: string } = {};
  for (const line of r.stderr.split('\n')) {
    const m = /^attribute\.(service|account) = (.*)$/.exec(line);
    if (!m) continue;
    const [, name, value] = m as unknown as [string, 'service' | 'account', string];
    if (current[name] !== undefined) {
      items.push(current);
      current = {};
    }
    current[name] = value;
  }
  if (current.service !== undefined || current.account !== undefined) items.push(current);
  return items;
}

function secretToolLookup(service: string, account: string): string | null {
  const r = spawnSync('secret-tool', ['lookup', 'service', service, 'account', account], {
    encoding: 'utf8',
    timeout: 15_000,
    killSignal: 'SIGKILL',
  });
  return r.status === 0 ? r.stdout : null;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return isAppError(e) ? e.code : `not an AppError: ${String(e)}`;
  }
}

describe.skipIf(!enabled)('keytar vault against the session gnome-keyring', () => {
  it("stores into the keyring's in-memory session collection (the test keyring's default)", () => {
    // scripts/with-keyring.sh points the default alias there: the on-disk keyring is rewritten
    // whole on each change, which made every write of a full test run 13x slower by its end.
    const r = spawnSync(
      'dbus-send',
      [
        '--session',
        '--print-reply=literal',
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.ReadAlias',
        'string:default',
      ],
      { encoding: 'utf8' },
    );
    expect(r.stdout.trim()).toBe('/org/freedesktop/secrets/collection/session');
  });

  it('sets, gets, lists and deletes; libsecret sees the entry with service/account', async () => {
    const service = newService();
    const vault = createKeytarVault({ service });
    const id = `key-${randomUUID()}`;
    const secret = fakeSecret();

    await vault.set(id, secret);
    expect(await vault.get(id)).toBe(secret);
    expect(await vault.listIds()).toEqual([id]);

    const items = secretToolItems(service);
    expect(items).toContainEqual({ service, account: id });
    // The canary lives beside the entries, and only there.
    expect(items).toContainEqual({ service, account: CANARY_ID });
    expect(items).toHaveLength(2);

    expect(await vault.delete(id)).toBe(true);
    expect(secretToolItems(service)).toEqual([{ service, account: CANARY_ID }]);
    expect(await vault.listIds()).toEqual([]);
    expect(await vault.delete(id)).toBe(false);
    expect(await codeOf(vault.get(id))).toBe('SECRET_MISSING');
  });

  it('replaces a secret in place and keeps one entry per id', async () => {
    const service = newService();
    const vault = createKeytarVault({ service });
    await vault.set('a', fakeSecret());
    const second = fakeSecret();
    await vault.set('a', second);
    await vault.set('account:b', fakeSecret());
    expect(await vault.get('a')).toBe(second);
    expect((await vault.listIds()).sort()).toEqual(['a', 'account:b']);
    expect(secretToolItems(service).filter((i) => i.account === 'a')).toHaveLength(1);
  });

  it('writes the canary once and never overwrites it from another instance', async () => {
    const service = newService();
    await createKeytarVault({ service }).set('a', fakeSecret());
    const canary = secretToolLookup(service, CANARY_ID);
    expect(canary).toMatch(/^canary-[0-9a-f]{48}$/);
    await createKeytarVault({ service }).set('b', fakeSecret());
    expect(secretToolLookup(service, CANARY_ID)).toBe(canary);
  });

  it('lists ids on first use (writing the canary) and missing ids read as SECRET_MISSING', async () => {
    const service = newService();
    const vault = createKeytarVault({ service });
    expect(await vault.listIds()).toEqual([]);
    expect(secretToolItems(service)).toEqual([{ service, account: CANARY_ID }]);
    expect(await codeOf(vault.get('never-set'))).toBe('SECRET_MISSING');
  });

  it('keeps services apart', async () => {
    const a = createKeytarVault({ service: newService() });
    const b = createKeytarVault({ service: newService() });
    await a.set('same-id', fakeSecret());
    expect(await b.listIds()).toEqual([]);
    expect(await codeOf(b.get('same-id'))).toBe('SECRET_MISSING');
  });
});

// ---- other keyring states, each in its own child process ------------------------------------

interface ProbeLine {
  step: string;
  ok: boolean;
  code?: string;
  message?: string;
  result?: unknown;
  writes: number;
  ms: number;
}

interface ChildResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A throwaway HOME and XDG dirs, and an env with no D-Bus address and no display. */
function isolatedEnv(extra: Record<string, string> = {}): {
  dir: string;
  env: NodeJS.ProcessEnv;
} {
  const dir = makeTempDir('vault-child');
  const paths = {
    HOME: join(dir, 'home'),
    XDG_DATA_HOME: join(dir, 'xdg/data'),
    XDG_CONFIG_HOME: join(dir, 'xdg/config'),
    XDG_CACHE_HOME: join(dir, 'xdg/cache'),
    XDG_RUNTIME_DIR: join(dir, 'xdg/runtime'),
  };
  for (const p of Object.values(paths)) mkdirSync(p, { recursive: true });
  chmodSync(paths.XDG_RUNTIME_DIR, 0o700);
  // Built from scratch rather than copied, so no DBUS_SESSION_BUS_ADDRESS, DISPLAY or
  // WAYLAND_DISPLAY can leak in and reach the shared (or a real) keyring.
  return {
    dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...paths, ...extra },
  };
}

/**
 * Runs a child in its own process group; on timeout the whole group (dbus-run-session, its bus,
 * gnome-keyring, anything the bus activated) is killed, and stragglers are killed on exit too.
 */
function runChild(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 45_000,
): Promise<ChildResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env, detached: true, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', () => killGroup());
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      killGroup();
      resolvePromise({ status, signal, timedOut, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const probeArgs = (service: string, steps: string[]) => [
  '--import',
  'tsx',
  probeScript,
  service,
  ...steps,
];
const probeShell = (service: string, steps: string[]) =>
  [process.execPath, ...probeArgs(service, steps)].map(shq).join(' ');

function parseProbe(r: ChildResult): ProbeLine[] {
  const lines = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as ProbeLine);
  return lines;
}

function expectClean(
  r: ChildResult,
  lines: ProbeLine[],
  steps: number,
  secret: string,
  status = 0,
) {
  const detail = `status ${r.status} signal ${r.signal} stderr: ${r.stderr.slice(-2000)}`;
  expect(r.timedOut, detail).toBe(false);
  expect(r.status, detail).toBe(status);
  expect(lines, detail).toHaveLength(steps);
  for (const l of lines) {
    expect(l.message ?? '').not.toContain(secret);
    expect((l.message ?? '').match(SECRET_PATTERN)).toBeNull();
  }
  expect(r.stdout).not.toContain(secret);
  expect(r.stderr).not.toContain(secret);
}

/** A session bus config with no Secret Service, or with one that never answers. */
function busConfig(dir: string, serviceDir?: string): string {
  const conf = join(dir, 'session.conf');
  writeFileSync(
    conf,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=${dir}</listen>
  ${serviceDir ? `<servicedir>${serviceDir}</servicedir>` : ''}
  <limit name="service_start_timeout">60000</limit>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  return conf;
}

describe.skipIf(!enabled)('keytar vault in other keyring states (child processes)', () => {
  it('no D-Bus session: KEYCHAIN_UNAVAILABLE ("Cannot autolaunch D-Bus without X11 $DISPLAY")', async () => {
    const secret = fakeSecret();
    const { env } = isolatedEnv({ VAULT_PROBE_SECRET: secret });
    const steps = ['set:k1', 'get:k1', 'list', 'delete:k1'];
    const r = await runChild(process.execPath, probeArgs(newService(), steps), env);
    const lines = parseProbe(r);
    expectClean(r, lines, steps.length, secret);
    for (const l of lines) {
      expect(l.code, l.step).toBe('KEYCHAIN_UNAVAILABLE');
      expect(l.message).toMatch(/D-Bus/);
      expect(l.message).toMatch(/gnome-keyring/);
    }
    expect(lines[0]?.message).toContain('Cannot autolaunch D-Bus without X11 $DISPLAY');
  });

  it('a bus with no Secret Service: KEYCHAIN_UNAVAILABLE (ServiceUnknown)', async () => {
    const secret = fakeSecret();
    const { dir, env } = isolatedEnv({ VAULT_PROBE_SECRET: secret });
    const steps = ['set:k1', 'get:k1', 'list'];
    const r = await runChild(
      'dbus-run-session',
      [
        `--config-file=${busConfig(dir)}`,
        '--',
        process.execPath,
        ...probeArgs(newService(), steps),
      ],
      env,
    );
    const lines = parseProbe(r);
    expectClean(r, lines, steps.length, secret);
    for (const l of lines) expect(l.code, l.step).toBe('KEYCHAIN_UNAVAILABLE');
    expect(lines[0]?.message).toContain('org.freedesktop.secrets was not provided');
  });

  it('gnome-keyring started without --unlock: KEYCHAIN_DENIED for set, get, list and delete', async () => {
    const secret = fakeSecret();
    const { env } = isolatedEnv({ VAULT_PROBE_SECRET: secret });
    const steps = ['set:k1', 'get:k1', 'list', 'delete:k1'];
    const script = `gnome-keyring-daemon --start --components=secrets >/dev/null; ${probeShell(newService(), steps)}`;
    const r = await runChild('dbus-run-session', ['--', 'sh', '-c', script], env);
    const lines = parseProbe(r);
    expectClean(r, lines, steps.length, secret);
    for (const l of lines) {
      expect(l.code, l.step).toBe('KEYCHAIN_DENIED');
      expect(l.message).toMatch(/unlock/i);
    }
    // set fails on the canary write: the key's own entry is never attempted.
    expect(lines[0]?.message).toContain('Object does not exist at path');
    expect(lines[0]?.writes).toBe(1);
    // get answered null, and a null with no canary is "locked", not "missing"; nothing written.
    expect(lines[1]?.writes).toBe(0);
  });

  it('locked after use: get is KEYCHAIN_DENIED, never SECRET_MISSING, and nothing is overwritten', async () => {
    const secret = fakeSecret();
    const { env } = isolatedEnv({ VAULT_PROBE_SECRET: secret });
    const service = newService();
    const before = ['set:k1', 'get:k1', 'get:k2', 'list', 'lock'];
    const locked = ['get:k1', 'get:k2', 'list', 'set:k1', 'delete:k1'];
    const after = ['get:k1', 'list'];
    const script = [
      'printf %s throwaway-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
      probeShell(service, [...before, ...locked]),
      // Unlock again (a replacement daemon reads the same keyring file) to read what is stored.
      'printf %s throwaway-pw | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null',
      probeShell(service, after),
    ].join('; ');
    const r = await runChild('dbus-run-session', ['--', 'sh', '-c', script], env);
    const lines = parseProbe(r);
    expectClean(r, lines, before.length + locked.length + after.length, secret);
    const byStep = (i: number) => lines[i] as ProbeLine;

    expect(byStep(0)).toMatchObject({ step: 'set:k1', ok: true });
    expect(byStep(1)).toMatchObject({ step: 'get:k1', ok: true, result: { same: true } });
    expect(byStep(2)).toMatchObject({ step: 'get:k2', code: 'SECRET_MISSING' });
    expect(byStep(3)).toMatchObject({ step: 'list', ok: true, result: ['k1'] });
    expect(byStep(4)).toMatchObject({ step: 'lock', ok: true });

    // Locked: getPassword answers null for k1 (present) exactly as for k2 (absent).
    expect(byStep(5)).toMatchObject({ step: 'get:k1', code: 'KEYCHAIN_DENIED', writes: 0 });
    expect(byStep(5).message).toMatch(/appears locked/);
    expect(byStep(6)).toMatchObject({ step: 'get:k2', code: 'KEYCHAIN_DENIED', writes: 0 });
    // findCredentials would crash the process here; listIds stops at the canary instead.
    expect(byStep(7)).toMatchObject({ step: 'list', code: 'KEYCHAIN_DENIED' });
    expect(byStep(7).message).toContain('Cannot create an item in a locked collection');
    expect(byStep(8)).toMatchObject({ step: 'set:k1', code: 'KEYCHAIN_DENIED' });
    // deletePassword answers false on a locked collection and removes nothing.
    expect(byStep(9)).toMatchObject({ step: 'delete:k1', code: 'KEYCHAIN_DENIED' });

    // Unlocked again: the original secret is still there, unchanged.
    expect(byStep(10)).toMatchObject({ step: 'get:k1', ok: true, result: { same: true } });
    expect(byStep(11)).toMatchObject({ step: 'list', ok: true, result: ['k1'] });
  });

  it('a keychain that never answers: KEYCHAIN_DENIED after the timeout, then at once while it still waits', async () => {
    const secret = fakeSecret();
    const { dir, env } = isolatedEnv({
      VAULT_PROBE_SECRET: secret,
      VAULT_PROBE_TIMEOUT_MS: '1500',
      // Node would wait ~25 s on exit for libsecret's stuck thread; the probe kills itself.
      VAULT_PROBE_HARD_EXIT: '1',
    });
    // Bus activation of org.freedesktop.secrets starts a process that never takes the name,
    // so every Secret Service call waits (libsecret itself would give up only after 25 s).
    const services = join(dir, 'dbus-services');
    mkdirSync(services);
    writeFileSync(
      join(services, 'org.freedesktop.secrets.service'),
      '[D-BUS Service]\nName=org.freedesktop.secrets\nExec=/bin/sh -c "exec sleep 40 >/dev/null 2>&1 </dev/null"\n',
    );
    const steps = ['get:k1', 'set:k1', 'list'];
    const r = await runChild(
      'dbus-run-session',
      [
        `--config-file=${busConfig(dir, services)}`,
        '--',
        process.execPath,
        ...probeArgs(newService(), steps),
      ],
      env,
    );
    const lines = parseProbe(r);
    // dbus-run-session passes on the probe's SIGKILL as 128 + 9.
    expectClean(r, lines, steps.length, secret, 137);
    const [first, ...rest] = lines as [ProbeLine, ...ProbeLine[]];
    expect(first).toMatchObject({ step: 'get:k1', code: 'KEYCHAIN_DENIED' });
    expect(first.message).toContain(
      'did not answer within 1.5 s; it may be waiting to be unlocked',
    );
    expect(first.ms).toBeGreaterThanOrEqual(1400);
    expect(first.ms).toBeLessThan(10_000);
    // The first call is still stuck in keytar's thread: later calls fail at once, no new thread.
    for (const l of rest) {
      expect(l.code, l.step).toBe('KEYCHAIN_DENIED');
      expect(l.message).toMatch(/still not answered an earlier request/);
      expect(l.ms).toBeLessThan(1000);
      expect(l.writes).toBe(0);
    }
    expect(r.ms).toBeLessThan(20_000);
  });
});
