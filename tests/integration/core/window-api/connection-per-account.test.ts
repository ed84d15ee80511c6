// checkConnection and checkAccount per account: one unreachable server does not stop the others
// from being checked, the account views carry what the requests taught, and Try again for one
// account probes only that one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../../electron/core/accounts.ts';
import { startSandboxServer, type Sandbox } from '../../../../electron/sandbox/server.ts';
import { startAppRig, type AppRig } from '../../../helpers/app.ts';

describe('connection per account', () => {
  let rig: AppRig;
  let second: Sandbox;
  let secondId: string;
  let back: Sandbox | null = null;
  beforeAll(async () => {
    rig = await startAppRig('app-per-account');
    second = await startSandboxServer({ rpm: 100_000 });
    secondId = (
      await addAccount(rig.core, {
        name: 'second',
        baseUrl: second.url,
        secret: second.bootstrapKey as string,
      })
    ).id;
  });
  afterAll(async () => {
    await back?.close();
    await rig?.close();
  });

  it('checks every account, and names only the one that cannot be reached', async () => {
    const before = await rig.ok('checkConnection', {});
    expect(before.online).toBe(true);
    expect(before.accounts?.map((a) => a.reachability.state)).toEqual(['online', 'online']);

    const port = second.port;
    await second.close();
    const c = await rig.ok('checkConnection', {});
    expect(c.online).toBe(false);
    expect(c.reason).toContain('"second"');
    const states = Object.fromEntries(
      (c.accounts ?? []).map((a) => [a.name, a.reachability] as const),
    );
    expect(states.acme?.state).toBe('online');
    expect(states.second).toMatchObject({ state: 'offline', since: expect.any(String) });
    expect(states.second?.reason).toContain(second.url);

    // The account list reads the same tracker; the spell keeps its first failure's time.
    const listed = await rig.ok('listAccounts', {});
    expect(listed.find((a) => a.id === secondId)?.reachability).toEqual(states.second);
    const still = await rig.ok('checkAccount', { accountId: secondId });
    expect(still.reachability.since).toBe(states.second?.since);

    // Back on the same address (the account key unknown there: a 401 is an answer all the same).
    back = await startSandboxServer({ port, rpm: 100_000 });
    const again = await rig.ok('checkAccount', { accountId: secondId });
    expect(again).toMatchObject({ name: 'second', reachability: { state: 'online' } });
  });

  it('refuses an account that does not exist', async () => {
    const e = await rig.fail('checkAccount', { accountId: 'acc_nope' });
    expect(e.code).toBe('UNKNOWN_ACCOUNT');
  });
});
