// The built-in sandbox as the app and the preview host start it: added once as account
// "sandbox", its state kept beside the store, and a taken port is reported, not thrown.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBuiltInSandbox } from '../../../electron/hosts/sandbox-account.ts';
import { makeCore } from '../../helpers/core.ts';
import { syncAccounts } from '../../../electron/core/sync.ts';
import type { Account } from '../../../shared/schemas.ts';

describe('the built-in sandbox', () => {
  it('is added once as account "sandbox", and found again after a restart', async () => {
    const core = await makeCore('sandbox-boot');
    // Port 0: any free one; the state file defaults to the data folder.
    const config = { port: 0 };
    const first = await startBuiltInSandbox(core, core.dataDir, config);
    expect(first.message).toMatch(/added as account "sandbox"/);
    await first.sandbox?.close();
    expect(existsSync(join(core.dataDir, 'sandbox-state.json'))).toBe(true);
    const again = await startBuiltInSandbox(core, core.dataDir, config);
    expect(again.message).not.toMatch(/added/);
    await again.sandbox?.close();
    const { accounts } = await core.store.read();
    expect(accounts.map((a) => a.name)).toEqual(['sandbox']);
  });

  it('leaves no sandbox key the app does not hold: a first sync finds nothing made elsewhere', async () => {
    const core = await makeCore('sandbox-one-key');
    const { sandbox } = await startBuiltInSandbox(core, core.dataDir, { port: 0 });
    try {
      const [account] = (await core.store.read()).accounts;
      const secret = await core.vault.get(`account:${account?.id ?? ''}`);
      const listed = await core.clientFor(account as Account).listKeys(secret);
      // Before, the sandbox's own starting key stayed beside the one the account got, and the
      // window's first sync showed it as "Not on this device" in a demo's empty list.
      expect(listed.map((k) => k.id)).toEqual([account?.keyRemoteId]);
      const synced = await syncAccounts(core);
      expect(synced.accounts[0]).toMatchObject({ outcome: 'synced', changes: [] });
      expect((await core.store.read()).keys).toEqual([]);
    } finally {
      await sandbox?.close();
    }
  });

  it('reports a taken port and lets the app go on without it', async () => {
    const core = await makeCore('sandbox-taken');
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(0, '127.0.0.1', r));
    const port = (squatter.address() as AddressInfo).port;
    try {
      const r = await startBuiltInSandbox(core, core.dataDir, { port });
      expect(r.sandbox).toBeNull();
      expect(r.message).toMatch(/could not start \(EADDRINUSE\); continuing without it/);
      expect((await core.store.read()).accounts).toEqual([]);
    } finally {
      squatter.close();
    }
  });
});
