// Issue 12 item 5: the app's own checks are not "use". The core over a real sandbox on 127.0.0.1
// (real HTTP, real store): a Verify moves the key's server last_used_at, and a rotation started a
// minute later must not warn that the old key is still in use because of it; a request made with
// the key by the test itself, outside the app, still raises the warning. The sandbox's clock runs
// 2 s behind the app's, as a server's may; "a minute later" moves both clocks on together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyKey } from '../../../../electron/core/key-verify.ts';
import { importKey, listKeys } from '../../../../electron/core/keys.ts';
import {
  confirmDeployed,
  startRotation,
  verifyNewKey,
} from '../../../../electron/core/rotation/index.ts';
import { syncAccounts } from '../../../../electron/core/sync.ts';
import { startSandboxServer, type Sandbox } from '../../../../electron/sandbox/server.ts';
import { SECRET_PATTERN } from '../../../helpers/cli.ts';
import { answers, apiWorld, type World } from '../../../helpers/rotation.ts';

const SERVER_BEHIND_MS = 2_000;
let passed = 0;
const aMinuteLater = () => void (passed += 60_000);
/** The app's clock: the machine's, moved on as the test passes time. */
const appClock = { now: () => new Date(Date.now() + passed) };

describe("the app's own checks are not use", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandboxServer({
      rpm: 100_000,
      now: () => Date.now() + passed - SERVER_BEHIND_MS,
    });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  /** A verified key whose core reads the shared test clock; labels differ, the server is one. */
  async function verifiedWorld(prefix: string, label: string): Promise<World> {
    const w = await apiWorld(sandbox, prefix, label);
    const core = { ...w.core, clock: appClock };
    expect((await verifyKey(core, { label })).status).toBe('ok');
    return { ...w, core };
  }

  const oldView = async (w: World) =>
    (await listKeys(w.core, { includeRevoked: true })).find((k) => k.id === w.old.id);

  it('a Verify, then a rotation: no recent-use warning, and Last used says it was the app', async () => {
    const w = await verifiedWorld('own-check', 'prod-api');
    // The verification moved the server's last use, and the key view says whose it was.
    const seen = await oldView(w);
    expect(seen?.lastUsedAt).toEqual(expect.any(String));
    expect(seen?.lastUsedByApp).toBe(true);
    aMinuteLater();
    const ref = { label: 'prod-api' };
    await startRotation(w.core, ref);
    await confirmDeployed(w.core, ref);
    const v = await verifyNewKey(w.core, ref);
    // Before this rule, a last use a minute ago (within the 15 min window) warned here.
    expect(v.evidence.verify).toMatchObject({
      recentUse: false,
      lastUsed: { old: seen?.lastUsedAt, oldByApp: true, oldListed: true },
    });
    // The new key's only use so far is the app's own check at generate: not the deployment's.
    expect(v.evidence.verify?.lastUsed?.newByApp).toBe(true);
    expect(v.step).toBe('revoke');
    expect(v.notice ?? '').not.toMatch(/was used/);
    // The trail keeps why no warning was raised.
    const step = (await w.core.audit.list()).find((e) => e.detail?.step === 'verify');
    expect(step?.detail).toMatchObject({ recentUse: false, oldLastUsedByApp: true });
    expect(JSON.stringify(await w.core.store.read()).match(SECRET_PATTERN)).toBeNull();
  });

  it("an import's check and proof are the app's too: the new key reads as checked, not used", async () => {
    const made = await apiWorld(sandbox, 'own-check-import', 'prod-import');
    const w = { ...made, core: { ...made.core, clock: appClock } };
    const issued = sandbox.issueKey('ci-import');
    const view = await importKey(w.core, {
      account: 'acme',
      label: 'ci-import',
      environment: 'ci',
      secret: issued.key,
    });
    expect(view).toMatchObject({ remoteId: issued.id, lastUsedAt: expect.any(String) });
    expect(view.lastUsedByApp).toBe(true);
    aMinuteLater();
    expect(await answers(sandbox, issued.key)).toBe(200);
    await syncAccounts(w.core);
    const after = (await listKeys(w.core)).find((k) => k.label === 'ci-import');
    expect(after?.lastUsedByApp).toBe(false);
  });

  it('real use outside the app, after the Verify, still raises the warning', async () => {
    const w = await verifiedWorld('own-check-traffic', 'prod-web');
    aMinuteLater();
    const ref = { label: 'prod-web' };
    await startRotation(w.core, ref);
    await confirmDeployed(w.core, ref);
    // Production traffic still on the old key: a request the app did not make.
    expect(await answers(sandbox, w.oldSecret)).toBe(200);
    // The sync learns the new last use, and it is no longer the app's.
    await syncAccounts(w.core);
    const seen = await oldView(w);
    expect(seen?.lastUsedByApp).toBe(false);
    const v = await verifyNewKey(w.core, ref);
    expect(v.step).toBe('verify');
    expect(v.evidence.verify).toMatchObject({
      recentUse: true,
      confirmedAt: null,
      lastUsed: { old: seen?.lastUsedAt, oldByApp: false },
    });
    expect(v.notice).toMatch(/"prod-web" was used \d+ s before the check, within the last 15 min/);
    expect(v.oldKey?.lastUsedByApp).toBe(false);
  });
});
