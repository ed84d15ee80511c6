// The hosts' one start sequence: the core wired from the parsed configuration, the built-in
// sandbox account when it is on, the window's handlers, and one close() that clears the
// clipboard (only if unchanged) and stops what it started.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract.ts';
import { accountVaultId } from '../../../electron/core/accounts.ts';
import { createClipboardGuard, memoryClipboard } from '../../../electron/core/clipboard-guard.ts';
import { composeHost } from '../../../electron/hosts/compose.ts';
import { parseHostConfig } from '../../../electron/hosts/config.ts';
import { hasTestKeyring, keyringSkipReason } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

if (!hasTestKeyring) console.log(`compose (sandbox on): ${keyringSkipReason}`);

function hostInput(env: NodeJS.ProcessEnv) {
  const inner = memoryClipboard();
  return {
    inner,
    input: {
      transport: 'preview' as const,
      clipboard: createClipboardGuard({ clipboard: inner }),
      openExternal: async () => false,
      config: parseHostConfig({
        APEXKEYS_DATA_DIR: makeTempDir('compose'),
        APEXKEYS_KEYCHAIN_SERVICE: `apexkeys-test-${randomUUID()}`,
        ...env,
      }),
    },
  };
}

describe('composeHost', () => {
  it('with the sandbox off: handlers for every channel, no notice, close() clears the clipboard', async () => {
    const { inner, input } = hostInput({ APEXKEYS_SANDBOX: 'off' });
    const host = await composeHost(input);
    expect(Object.keys(host.handlers).sort()).toEqual([...CHANNELS].sort());
    expect(host.deps.dataDir).toBe(input.config.dataDir);
    expect(host.notices).toEqual([]);
    expect(await host.handlers.listAccounts({})).toEqual([]);
    await input.clipboard.copy('avk_test_compose', 30);
    await host.close();
    expect(inner.peek()).toBe('');
  });

  it('leaves text on the clipboard that the app did not write', async () => {
    const { inner, input } = hostInput({ APEXKEYS_SANDBOX: 'off' });
    const host = await composeHost(input);
    await input.clipboard.copy('avk_test_compose', 30);
    inner.writeText('copied elsewhere');
    await host.close();
    expect(inner.peek()).toBe('copied elsewhere');
  });

  it.skipIf(!hasTestKeyring)(
    'with the sandbox on: adds the sandbox account, says so, and close() stops the sandbox',
    async () => {
      const { input } = hostInput({ APEXKEYS_SANDBOX_PORT: '0' });
      const host = await composeHost(input);
      const accounts = await host.deps.store.read().then((s) => s.accounts);
      try {
        expect(host.notices).toEqual([expect.stringMatching(/added as account "sandbox"/)]);
        expect(accounts.map((a) => a.name)).toEqual(['sandbox']);
        const url = /Sandbox on (http:\/\/127\.0\.0\.1:\d+)/.exec(host.notices[0] ?? '')?.[1];
        expect(url).toBeDefined();
        expect((await fetch(`${url}/v1/account`)).status).toBe(401);
        await host.close();
        await expect(fetch(`${url}/v1/account`)).rejects.toThrow();
      } finally {
        for (const a of accounts) await host.deps.vault.delete(accountVaultId(a.id));
      }
    },
  );
});
