// The window's side of the hardening defects found through the CLI (issue 9): the same core
// refuses the same things when the renderer asks, with a typed error and nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppRig, type AppRig } from '../../../helpers/app.ts';

describe('window handlers under hostile input', () => {
  let rig: AppRig;
  let ci = '';
  beforeAll(async () => {
    rig = await startAppRig('app-hardening', { keys: ['ci'] });
    ci = rig.keyIds[0] as string;
  });
  afterAll(async () => {
    await rig?.close();
  });

  /** Requests the server has had on its key-management path (create, list). */
  const keyApiCalls = () => rig.sandbox.stats.byPath['/v1/api-keys'] ?? 0;

  it('generates keys whose environment is an object-prototype name, as ordinary names', async () => {
    for (const environment of ['toString', 'constructor', 'valueOf']) {
      const view = await rig.ok('generateKey', {
        accountId: rig.accountId,
        label: `proto-${environment}`,
        environment,
      });
      expect(view.environment).toBe(environment);
      expect(view.status).toBe('active');
    }
    const updated = await rig.ok('updateKeyMeta', { id: ci, patch: { environment: 'valueOf' } });
    expect(updated.environment).toBe('valueOf');
  });

  it('refuses __proto__ as an environment before anything reaches the server', async () => {
    const before = keyApiCalls();
    const error = await rig.fail('generateKey', {
      accountId: rig.accountId,
      label: 'proto-proto',
      environment: '__proto__',
    });
    expect(error.code).toBe('BAD_INPUT');
    expect(keyApiCalls()).toBe(before);
    expect((await rig.ok('listKeys', {})).map((k) => k.label)).not.toContain('proto-proto');
  });

  it("refuses to disable a record of the account's own key, which would lock the account out", async () => {
    // A store written before import refused the account's key may still hold it as a key.
    await rig.core.store.update((d) => {
      const account = d.accounts.find((a) => a.id === rig.accountId);
      const base = d.keys.find((k) => k.id === ci);
      if (!account || !base) throw new Error('setup: account or key missing');
      d.keys.push({
        ...base,
        id: 'key_legacy-own',
        label: 'own-key',
        remoteId: null,
        fingerprint: account.keyFingerprint,
        status: 'active',
      });
    });
    const error = await rig.fail('setKeyEnabled', { id: 'key_legacy-own', enabled: false });
    expect(error.code).toBe('REFUSED');
    expect(error.message).not.toMatch(/apexkeys/);
    // The account still works: a call with its key is answered.
    expect((await rig.ok('checkConnection', {})).online).toBe(true);
  });
});
