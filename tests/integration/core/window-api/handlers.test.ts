// The window's handlers as the renderer calls them (through dispatch), over a real core and a
// sandbox over real HTTP: each flow of the desktop issue, its audit trail and its refusals.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppRig, type AppRig } from '../../../helpers/app.ts';
import { makeCore } from '../../../helpers/core.ts';
import { sampleAccount } from '../../../helpers/records.ts';
import { fakeSecret } from '../../../helpers/cli.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';
import { createHandlers } from '../../../../electron/core/window-api/handlers.ts';
import {
  createClipboardGuard,
  memoryClipboard,
} from '../../../../electron/core/clipboard-guard.ts';
import { updateSettings } from '../../../../electron/core/settings.ts';
import { LAST_GOOD_FILE, STORE_FILE } from '../../../../electron/core/store/index.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/schemas.ts';

/** What the sandbox says about a key: 200 while it works, 401 once disabled or revoked. */
const statusOf = async (rig: AppRig, secret: string) =>
  (await fetch(`${rig.sandbox.url}/v1/account/credits`, { headers: { 'X-Api-Key': secret } }))
    .status;

const secretOf = (rig: AppRig, id: string) => rig.core.vault.entries.get(id) as string;
const actions = async (rig: AppRig, keyId: string) =>
  (await rig.core.audit.list({ keyId })).map((e) => `${e.action}:${e.outcome}`);

describe('handlers in API mode', () => {
  let rig: AppRig;
  let ci = '';
  beforeAll(async () => {
    rig = await startAppRig('app-api', { keys: ['ci'] });
    ci = rig.keyIds[0] as string;
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('lists the account as the sandbox, and its keys', async () => {
    expect(await rig.ok('listAccounts', {})).toEqual([
      expect.objectContaining({ id: rig.accountId, name: 'acme', mode: 'api', isSandbox: true }),
    ]);
    const keys = await rig.ok('listKeys', {});
    expect(keys).toEqual([expect.objectContaining({ id: ci, label: 'ci', status: 'active' })]);
  });

  it('generates a key on the server: the view has no secret, the keychain has it', async () => {
    const view = await rig.ok('generateKey', {
      accountId: rig.accountId,
      label: 'deploy',
      environment: 'production',
      owner: 'ops',
    });
    expect(view).toMatchObject({ label: 'deploy', environment: 'production', status: 'active' });
    expect(view.remoteId).toMatch(/^key_/);
    const secret = secretOf(rig, view.id);
    expect(await statusOf(rig, secret)).toBe(200);
    expect(view.hint).toBe(`avk_…${secret.slice(-4)}`);
    expect(JSON.stringify(view)).not.toContain(secret);
    expect(await actions(rig, view.id)).toEqual(['generated:ok']);
  });

  it('copies in the core: the clipboard holds the secret, the delay comes from settings', async () => {
    await rig.core.store.update((d) => void (d.settings.clipboardClearSec = 45));
    const started = Date.now();
    const r = await rig.ok('copyKey', { id: ci });
    expect(r.clearAfterSec).toBe(45);
    expect(Math.abs(Date.parse(r.copiedAt) - started)).toBeLessThan(5_000);
    expect(rig.clipboard.peek()).toBe(secretOf(rig, ci));
    expect((await actions(rig, ci)).at(-1)).toBe('copied:ok');
    expect((await rig.ok('getStatus', {})).clipboardClearSec).toBe(45);
  });

  it('reveals the secret only on revealKey, and audits it', async () => {
    expect(await rig.ok('revealKey', { id: ci })).toEqual({ secret: secretOf(rig, ci) });
    expect((await actions(rig, ci)).at(-1)).toBe('revealed:ok');
  });

  it('writes the key to a .env file', async () => {
    const path = join(makeTempDir('app-env'), '.env');
    const r = await rig.ok('writeKeyToEnv', { id: ci, path, variable: 'ACME_KEY' });
    expect(r).toMatchObject({ path, created: true, replaced: 0, backup: null });
    expect(readFileSync(path, 'utf8')).toBe(`ACME_KEY=${secretOf(rig, ci)}\n`);
    expect((await actions(rig, ci)).at(-1)).toBe('exported:ok');
    // A relative path would land wherever the app was started: refused, nothing handed out.
    const rel = await rig.fail('writeKeyToEnv', { id: ci, path: '.env.apexkeys-test' });
    expect(rel.code).toBe('BAD_INPUT');
    expect(existsSync('.env.apexkeys-test')).toBe(false);
    expect((await actions(rig, ci)).at(-1)).toBe('exported:ok');
  });

  it("refuses a relative path for the rotation's .env replacement, before anything is read", async () => {
    const r = await rig.fail('replaceInEnvFiles', { id: ci, files: ['/tmp/a.env', '.env'] });
    expect(r).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('".env"') });
  });

  it('disables and enables the key on the server', async () => {
    const secret = secretOf(rig, ci);
    expect(await rig.ok('setKeyEnabled', { id: ci, enabled: false })).toMatchObject({
      status: 'disabled',
    });
    expect(await statusOf(rig, secret)).toBe(401);
    expect(await rig.ok('setKeyEnabled', { id: ci, enabled: true })).toMatchObject({
      status: 'active',
    });
    expect(await statusOf(rig, secret)).toBe(200);
  });

  it('gives the key audit trail newest first, this key only, limited on request', async () => {
    const { events } = await rig.ok('keyAudit', { id: ci });
    expect(events.map((e) => e.action)).toEqual([
      'enabled',
      'disabled',
      'exported',
      'revealed',
      'copied',
      'generated',
    ]);
    expect(new Set(events.map((e) => e.keyId))).toEqual(new Set([ci]));
    expect((await rig.ok('keyAudit', { id: ci, limit: 2 })).events.map((e) => e.action)).toEqual([
      'enabled',
      'disabled',
    ]);
    expect((await rig.fail('keyAudit', { id: 'key_nope' })).code).toBe('UNKNOWN_KEY');
  });

  it('revokes only on the exact label, then proves it with a 401', async () => {
    const secret = secretOf(rig, ci);
    const wrong = await rig.fail('revokeKey', { id: ci, confirmLabel: 'CI' });
    expect(wrong.code).toBe('CONFIRMATION_MISMATCH');
    expect(await statusOf(rig, secret)).toBe(200);
    const r = await rig.ok('revokeKey', { id: ci, confirmLabel: 'ci' });
    expect(r).toMatchObject({ key: { id: ci, status: 'revoked' }, secretRemoved: true });
    expect(r.proof.status).toBe(401);
    expect(await statusOf(rig, secret)).toBe(401);
    expect(rig.core.vault.entries.has(ci)).toBe(false);
    expect((await rig.ok('listKeys', { includeRevoked: false })).map((k) => k.id)).not.toContain(
      ci,
    );
  });

  it('opens the dashboard only for an allow-listed https URL', async () => {
    expect(await rig.ok('openDashboard', { accountId: rig.accountId })).toEqual({
      opened: true,
      url: 'https://app.apexverify.com',
    });
    expect(rig.opened).toEqual(['https://app.apexverify.com']);
    await rig.core.store.update((d) => {
      for (const a of d.accounts) a.dashboardUrl = 'https://app.apexverify.com.evil.example';
    });
    expect(await rig.ok('openDashboard', { accountId: rig.accountId })).toEqual({
      opened: false,
      url: 'https://app.apexverify.com.evil.example',
    });
    expect(rig.opened).toHaveLength(1);
  });

  it('reports the keychain as ok, locked or unavailable', async () => {
    const status = await rig.ok('getStatus', {});
    expect(status).toMatchObject({ keychain: { state: 'ok', message: null }, storeError: null });
    expect(status).toMatchObject({ transport: 'preview', platform: 'linux' });
    rig.core.vault.listIdsFails = 'KEYCHAIN_DENIED';
    expect((await rig.ok('getStatus', {})).keychain.state).toBe('locked');
    rig.core.vault.listIdsFails = 'KEYCHAIN_UNAVAILABLE';
    const down = (await rig.ok('getStatus', {})).keychain;
    expect(down).toEqual({ state: 'unavailable', message: expect.any(String) });
    rig.core.vault.listIdsFails = null;
  });

  it('is online while the server answers, even with a 500', async () => {
    expect(await rig.ok('checkConnection', {})).toMatchObject({ online: true, reason: null });
    rig.sandbox.addFault({ path: '/v1/account/credits', status: 500, times: 5 });
    expect(await rig.ok('checkConnection', {})).toMatchObject({ online: true, reason: null });
    rig.sandbox.clearFaults();
  });
});

describe('handlers over a store that cannot be read', () => {
  it('report why in the status, and the clipboard delay falls back to the default', async () => {
    const rig = await startAppRig('app-corrupt', { keys: ['ci'] });
    try {
      await updateSettings(rig.core, { clipboardClearSec: 5 });
      expect(await rig.ok('getStatus', {})).toMatchObject({
        storeError: null,
        clipboardClearSec: 5,
      });
      // Corrupt, with no last-good copy to restore from.
      writeFileSync(join(rig.core.dataDir, STORE_FILE), '{ not json');
      rmSync(join(rig.core.dataDir, LAST_GOOD_FILE), { force: true });
      const status = await rig.ok('getStatus', {});
      expect(status.storeError).toMatchObject({ code: 'STORE_CORRUPT' });
      expect(status.clipboardClearSec).toBe(DEFAULT_SETTINGS.clipboardClearSec);
    } finally {
      await rig.close();
    }
  });
});

describe('handlers in dashboard mode', () => {
  let rig: AppRig;
  beforeAll(async () => {
    rig = await startAppRig('app-dash', { sandbox: { keyApi: false } });
  });
  afterAll(async () => {
    await rig?.close();
  });

  const fields = (label: string) => ({ label, environment: 'staging', service: 'billing' });

  it('captures a pasted key after the server accepted it', async () => {
    const { key } = rig.sandbox.issueKey('pasted');
    const view = await rig.ok('captureKey', {
      accountId: rig.accountId,
      ...fields('pasted'),
      secret: key,
    });
    expect(view).toMatchObject({ label: 'pasted', status: 'active', remoteId: null });
    // The check made before storing is shown as the key's first verification.
    expect(view.lastVerification).toMatchObject({
      outcome: 'ok',
      credits: { email: 1000, phone: 500 },
    });
    expect(secretOf(rig, view.id)).toBe(key);
    expect(JSON.stringify(view)).not.toContain(key);
  });

  it('refuses a key the server answers 401 for, and stores nothing', async () => {
    const before = await rig.ok('listKeys', {});
    const entries = rig.core.vault.entries.size;
    const revoked = rig.sandbox.issueKey('gone');
    rig.sandbox.revokeKey(revoked.id);
    for (const secret of [revoked.key, fakeSecret()]) {
      const e = await rig.fail('captureKey', { accountId: rig.accountId, ...fields('x'), secret });
      expect(e).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
      expect(e.message).not.toContain(secret);
    }
    expect(await rig.ok('listKeys', {})).toEqual(before);
    expect(rig.core.vault.entries.size).toBe(entries);
  });

  it('does not generate: the dashboard does that', async () => {
    const e = await rig.fail('generateKey', { accountId: rig.accountId, ...fields('gen') });
    expect(e.code).toBe('WRONG_MODE');
  });
});

describe('handlers: the rest of the world', () => {
  it('is offline when the server cannot be reached, naming the account', async () => {
    const rig = await startAppRig('app-offline');
    await rig.close();
    const c = await rig.ok('checkConnection', {});
    expect(c.online).toBe(false);
    expect(c.reason).toContain('"acme"');
    expect(c.reason).toContain(rig.sandbox.url);
  });

  it('says when the browser could not be opened', async () => {
    const rig = await startAppRig('app-nobrowser', { openExternal: async () => false });
    try {
      const e = await rig.fail('openDashboard', { accountId: rig.accountId });
      expect(e).toEqual({ code: 'INTERNAL', message: expect.stringContaining('open https://') });
    } finally {
      await rig.close();
    }
  });

  it('marks only loopback accounts as the sandbox (no traffic needed to list)', async () => {
    const core = await makeCore('app-real');
    await core.store.update((d) => {
      for (const [id, baseUrl] of [
        ['acc_real', 'https://api.apexverify.com'],
        ['acc_local', 'http://localhost:8080'],
      ] as const)
        d.accounts.push({ ...sampleAccount(id), baseUrl });
    });
    const handlers = createHandlers({
      deps: core,
      clipboard: createClipboardGuard({ clipboard: memoryClipboard() }),
      openExternal: async () => false,
      transport: 'electron',
      platform: 'darwin',
    });
    const accounts = await handlers.listAccounts({});
    expect(accounts.map((a) => [a.id, a.isSandbox])).toEqual([
      ['acc_real', false],
      ['acc_local', true],
    ]);
  });
});
