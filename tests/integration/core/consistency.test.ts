// What the core does when one of its parts fails half way: nothing is left half-done in a way
// that loses a secret, keeps a live key nobody holds, or records an unproven revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts.ts';
import { revokeKey } from '../../../electron/core/key-lifecycle.ts';
import { generateKey, importKey, listKeys } from '../../../electron/core/keys.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { makeCore } from '../../helpers/core.ts';

describe('core consistency under partial failure', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 10_000 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const remoteLabels = async () => {
    const res = await fetch(`${sandbox.url}/v1/api-keys`, {
      headers: { 'X-Api-Key': sandbox.bootstrapKey as string },
    });
    return ((await res.json()) as { api_keys: Array<{ label: string }> }).api_keys.map(
      (k) => k.label,
    );
  };

  it('generate: when the keychain refuses the new secret, the server key is revoked and nothing is recorded', async () => {
    const core = await makeCore('core-gen');
    await addAccount(core, {
      name: 'acme',
      baseUrl: sandbox.url,
      secret: sandbox.bootstrapKey as string,
    });
    core.vault.failing.add('set');
    await expect(
      generateKey(core, { account: 'acme', label: 'orphan-check', environment: 'staging' }),
    ).rejects.toMatchObject({ code: 'KEYCHAIN_DENIED' });
    expect(await listKeys(core)).toEqual([]);
    expect(await remoteLabels()).not.toContain('orphan-check');
  });

  it('import: when the keychain refuses, no record exists', async () => {
    const core = await makeCore('core-imp');
    await addAccount(core, {
      name: 'acme',
      baseUrl: sandbox.url,
      secret: sandbox.bootstrapKey as string,
    });
    core.vault.failing.add('set');
    const { key } = sandbox.issueKey('imp');
    await expect(
      importKey(core, { account: 'acme', label: 'imp', environment: 'staging', secret: key }),
    ).rejects.toMatchObject({ code: 'KEYCHAIN_DENIED' });
    expect(await listKeys(core)).toEqual([]);
  });

  it('revoke: proven and recorded even when the keychain then refuses to delete the secret', async () => {
    const core = await makeCore('core-rev');
    await addAccount(core, {
      name: 'acme',
      baseUrl: sandbox.url,
      secret: sandbox.bootstrapKey as string,
    });
    const view = await generateKey(core, {
      account: 'acme',
      label: 'to-revoke',
      environment: 'staging',
    });
    core.vault.failing.add('delete');
    const r = await revokeKey(core, { label: 'to-revoke' }, 'to-revoke');
    expect(r).toMatchObject({ secretRemoved: false, proof: { status: 401 } });
    expect(
      (await listKeys(core, { includeRevoked: true })).find((k) => k.id === view.id),
    ).toMatchObject({ status: 'revoked' });
    const events = await core.audit.list({ keyId: view.id });
    expect(events.at(-1)).toMatchObject({
      action: 'revoked',
      outcome: 'ok',
      detail: { secretRemoved: false },
    });
    expect(core.vault.entries.has(view.id)).toBe(true);
    // The next revoke, with the keychain open again, sweeps the leftover secret.
    core.vault.failing.clear();
    await generateKey(core, { account: 'acme', label: 'second', environment: 'staging' });
    await revokeKey(core, { label: 'second' }, 'second');
    expect(core.vault.entries.has(view.id)).toBe(false);
  });

  it('revoke: a keychain that cannot read the secret stops before any server call', async () => {
    const core = await makeCore('core-rev2');
    await addAccount(core, {
      name: 'acme',
      baseUrl: sandbox.url,
      secret: sandbox.bootstrapKey as string,
    });
    await generateKey(core, { account: 'acme', label: 'keep-me', environment: 'staging' });
    core.vault.failing.add('get');
    await expect(revokeKey(core, { label: 'keep-me' }, 'keep-me')).rejects.toMatchObject({
      code: 'KEYCHAIN_DENIED',
    });
    expect(await remoteLabels()).toContain('keep-me');
    expect((await listKeys(core))[0]).toMatchObject({ status: 'active' });
  });

  it('import links a key to the server key it really is, never by label alone, so revoke deletes the right key', async () => {
    const core = await makeCore('core-link');
    await addAccount(core, {
      name: 'acme',
      baseUrl: sandbox.url,
      secret: sandbox.bootstrapKey as string,
    });
    const ci = sandbox.issueKey('ci');
    const other = sandbox.issueKey('other');
    // The user pastes the "other" key under the local label "ci".
    const view = await importKey(core, {
      account: 'acme',
      label: 'ci',
      environment: 'staging',
      secret: other.key,
    });
    expect(view.remoteId).toBe(other.id);
    await revokeKey(core, { label: 'ci' }, 'ci');
    const status = async (key: string) =>
      (await fetch(`${sandbox.url}/v1/account/credits`, { headers: { 'X-Api-Key': key } })).status;
    expect(await status(other.key)).toBe(401);
    expect(await status(ci.key)).toBe(200);
  });

  it("revoke: the account's own key is refused", async () => {
    const core = await makeCore('core-rev3');
    await addAccount(core, {
      name: 'acme',
      baseUrl: sandbox.url,
      secret: sandbox.bootstrapKey as string,
    });
    // Storing the account's own key as a key is refused (issue 9, defect 1)...
    await expect(
      importKey(core, {
        account: 'acme',
        label: 'default',
        environment: 'staging',
        secret: sandbox.bootstrapKey as string,
      }),
    ).rejects.toThrow(/itself uses to call ApexVerify/);
    // ...and a record of it kept from a store written before that cannot be revoked.
    const other = await generateKey(core, {
      account: 'acme',
      label: 'other',
      environment: 'staging',
    });
    await core.store.update((d) => {
      const account = d.accounts.find((a) => a.name === 'acme');
      const base = d.keys.find((k) => k.id === other.id);
      if (!account || !base) throw new Error('setup: account or key missing');
      d.keys.push({
        ...base,
        id: 'key_legacy-own',
        label: 'default',
        remoteId: null,
        fingerprint: account.keyFingerprint,
      });
    });
    await expect(revokeKey(core, { label: 'default' }, 'default')).rejects.toThrow(
      /the key this app uses for account/,
    );
  });
});
