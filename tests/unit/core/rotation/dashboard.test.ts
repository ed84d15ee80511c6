// Dashboard mode: the new key is pasted and verified before it is stored; the old key is revoked
// by the user in the dashboard, and finish completes only once the old key answers 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  abortRotation,
  confirmDeployed,
  finishRotation,
  startRotation,
  verifyNewKey,
} from '../../../../electron/core/rotation/index.ts';
import { startSandboxServer, type Sandbox } from '../../../../electron/sandbox/server.ts';
import { dashboardWorld, runOf, watchApiKeys } from '../../../helpers/rotation.ts';

describe('a rotation in dashboard mode', () => {
  let dash: Sandbox;
  beforeAll(async () => {
    dash = await startSandboxServer({ rpm: 100_000, keyApi: false });
  });
  afterAll(async () => {
    await dash.close();
  });
  const ref = { label: 'prod-api' };

  it('stores a pasted key only after it answered 200', async () => {
    const w = await dashboardWorld(dash, 'dash-paste');
    await expect(startRotation(w.core, ref, { newSecret: w.oldSecret })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    const dead = dash.issueKey('dead');
    dash.revokeKey(dead.id);
    await expect(startRotation(w.core, ref, { newSecret: dead.key })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const run = await runOf(w.core, w.old.id);
    expect(run).toMatchObject({
      step: 'generate',
      generate: { storedAt: null, check: { outcome: 'unauthorized' } },
    });
    expect(w.core.vault.entries.has(run.newKeyId)).toBe(false);
    expect((await w.core.store.read()).keys.map((k) => k.id)).toEqual([w.old.id]);
    // Starting again with a good paste resumes the same run.
    const good = dash.issueKey('prod-api-next');
    const v = await startRotation(w.core, ref, { newSecret: good.key });
    expect(v).toMatchObject({
      runId: run.id,
      step: 'deploy',
      newKey: { status: 'pending', remoteId: null },
    });
    expect(w.core.vault.entries.get(run.newKeyId)).toBe(good.key);
  });

  it('finish waits, pointing at the dashboard, until the old key answers 401', async () => {
    const w = await dashboardWorld(dash, 'dash-finish');
    const watch = watchApiKeys();
    await startRotation(w.core, ref, { newSecret: dash.issueKey('prod-api-next').key });
    await confirmDeployed(w.core, ref);
    let v = await verifyNewKey(w.core, ref);
    expect(v).toMatchObject({
      step: 'revoke',
      evidence: { verify: { lastUsed: null, check: { outcome: 'ok' } } },
    });
    expect(watch.used).not.toContain(w.oldSecret);
    v = await finishRotation(w.core, ref, { confirmLabel: 'prod-api' });
    expect(v).toMatchObject({
      step: 'revoke',
      evidence: { revoke: { lastCheck: { status: 200 }, proof: null } },
    });
    expect(v.notice).toMatch(/revoke it in the dashboard at https:\/\/app\.apexverify\.com/);
    expect(v.oldKey?.status).toBe('active');
    // Revocation has begun: no abort any more.
    await expect(abortRotation(w.core, ref, { choice: 'dashboard' })).rejects.toMatchObject({
      rule: 'abort-before-revoke',
    });
    dash.revokeKey(w.oldRemoteId);
    v = await finishRotation(w.core, ref, { confirmLabel: 'prod-api' });
    watch.restore();
    // The old key was called only by the two finish checks.
    expect(watch.used.filter((k) => k === w.oldSecret)).toHaveLength(2);
    expect(v).toMatchObject({
      step: 'done',
      oldKey: { status: 'revoked' },
      newKey: { label: 'prod-api', status: 'active' },
      evidence: { revoke: { proof: { status: 401 } } },
    });
    const steps = (await w.core.audit.list()).filter((e) => e.action === 'rotation-step');
    expect(steps.map((e) => e.detail?.step)).toEqual(['generate', 'deploy', 'verify', 'revoke']);
  });

  it('a resumed generate takes the pasted key from the keychain, by its fingerprint', async () => {
    const w = await dashboardWorld(dash, 'dash-resume');
    const pasted = dash.issueKey('prod-api-next');
    const crash = {
      ...w.core,
      checkpoint: (n: string) => {
        if (n === 'generate:vaulted') throw new Error('killed');
      },
    };
    await expect(startRotation(crash, ref, { newSecret: pasted.key })).rejects.toThrow('killed');
    const v = await startRotation(w.core, ref);
    expect(v).toMatchObject({ step: 'deploy', newKey: { status: 'pending' } });
    expect(w.core.vault.entries.get(v.newKey!.id)).toBe(pasted.key);
  });
});
