// Aborting a rotation: the new key revoked (proven by its 401), kept as a key of its own, or
// marked for the user to revoke in the dashboard. The old key is never touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeKey } from '../../../../electron/core/key-lifecycle.ts';
import {
  abortRotation,
  confirmDeployed,
  startRotation,
} from '../../../../electron/core/rotation/index.ts';
import { startSandboxServer, type Sandbox } from '../../../../electron/sandbox/server.ts';
import {
  answers,
  apiWorld,
  dashboardWorld,
  serverKeys,
  watchApiKeys,
} from '../../../helpers/rotation.ts';

describe('aborting a rotation', () => {
  let api: Sandbox;
  let dash: Sandbox;
  beforeAll(async () => {
    api = await startSandboxServer({ rpm: 100_000 });
    dash = await startSandboxServer({ rpm: 100_000, keyApi: false });
  });
  afterAll(async () => {
    await api.close();
    await dash.close();
  });
  const ref = { label: 'prod-api' };

  it('revoke-new: the new key answers 401, its secret goes, the old key stays live and uncalled', async () => {
    const w = await apiWorld(api, 'abort-revoke');
    const started = await startRotation(w.core, ref);
    await confirmDeployed(w.core, ref);
    const newId = started.newKey!.id;
    const newSecret = w.core.vault.entries.get(newId) as string;
    const watch = watchApiKeys();
    const v = await abortRotation(w.core, ref, { choice: 'revoke-new' });
    watch.restore();
    expect(watch.used).not.toContain(w.oldSecret);
    expect(v).toMatchObject({
      step: 'aborted',
      open: false,
      evidence: {
        abort: { choice: 'revoke-new', proof: { status: 401 }, completedAt: expect.any(String) },
      },
      newKey: { status: 'revoked' },
      oldKey: { status: 'active', label: 'prod-api' },
    });
    expect(await answers(api, newSecret)).toBe(401);
    expect(await answers(api, w.oldSecret)).toBe(200);
    expect(w.core.vault.entries.has(newId)).toBe(false);
    expect(w.core.vault.entries.get(w.old.id)).toBe(w.oldSecret);
    const events = (await w.core.audit.list()).filter((e) => e.action === 'rotation-step');
    expect(events.map((e) => e.detail?.step)).toEqual(['generate', 'deploy', 'aborted']);
    expect(events[2]?.detail).toMatchObject({ choice: 'revoke-new', proof: '401' });
    // The old key is free again: a new rotation may start.
    expect((await startRotation(w.core, ref)).step).toBe('deploy');
  });

  it('keep-new: the new key becomes a key of its own under a free "-new" label', async () => {
    const w = await apiWorld(api, 'abort-keep');
    const first = await startRotation(w.core, ref);
    let v = await abortRotation(w.core, ref, { choice: 'keep-new' });
    expect(v.newKey).toMatchObject({
      id: first.newKey!.id,
      label: 'prod-api-new',
      status: 'active',
    });
    expect(v.evidence.abort).toMatchObject({
      choice: 'keep-new',
      keptLabel: 'prod-api-new',
      proof: null,
    });
    expect(await answers(api, w.core.vault.entries.get(first.newKey!.id) as string)).toBe(200);
    await startRotation(w.core, ref);
    v = await abortRotation(w.core, ref, { choice: 'keep-new' });
    expect(v.newKey?.label).toBe('prod-api-new-2');
    expect((await serverKeys(api)).some((k) => k.id === v.newKey!.remoteId)).toBe(true);
  });

  it('dashboard: the new key is kept, marked to be revoked in the dashboard, then revoked the usual way', async () => {
    const w = await dashboardWorld(dash, 'abort-dash');
    const pasted = dash.issueKey('prod-api-2');
    await startRotation(w.core, ref, { newSecret: pasted.key });
    const v = await abortRotation(w.core, ref, { choice: 'dashboard' });
    expect(v).toMatchObject({
      step: 'aborted',
      newKey: { label: 'prod-api-new', status: 'active' },
    });
    expect(v.newKey?.notes).toMatch(
      /revoke this key in the dashboard at https:\/\/app\.apexverify\.com/,
    );
    expect(v.notice).toMatch(/Revoke the new key "prod-api-new" in the dashboard/);
    dash.revokeKey(pasted.id);
    const r = await revokeKey(w.core, { label: 'prod-api-new' }, 'prod-api-new');
    expect(r.proof.status).toBe(401);
    expect(await answers(dash, w.oldSecret)).toBe(200);
  });

  it('revoke-new during an interrupted generate revokes the key the server made under the run', async () => {
    const w = await apiWorld(api, 'abort-gen');
    const crash = {
      ...w.core,
      checkpoint: (n: string) => {
        if (n === 'generate:created') throw new Error('killed');
      },
    };
    await expect(startRotation(crash, ref)).rejects.toThrow('killed');
    const { pendingLabel } = (await w.core.store.read()).rotations[0]!;
    expect((await serverKeys(api)).filter((k) => k.label === pendingLabel)).toHaveLength(1);
    const v = await abortRotation(w.core, ref, { choice: 'revoke-new' });
    expect(v).toMatchObject({ step: 'aborted', newKey: null, oldKey: { status: 'active' } });
    expect((await serverKeys(api)).filter((k) => k.label === pendingLabel)).toEqual([]);
  });

  it('an interrupted abort is completed by aborting again with the same choice', async () => {
    const w = await apiWorld(api, 'abort-resume');
    const started = await startRotation(w.core, ref);
    const crash = {
      ...w.core,
      checkpoint: (n: string) => {
        if (n === 'abort:deleted') throw new Error('killed');
      },
    };
    await expect(abortRotation(crash, ref, { choice: 'revoke-new' })).rejects.toThrow('killed');
    await expect(startRotation(w.core, ref)).rejects.toMatchObject({ rule: 'abort-in-progress' });
    const v = await abortRotation(w.core, ref, { choice: 'revoke-new' });
    expect(v).toMatchObject({ step: 'aborted', evidence: { abort: { proof: { status: 401 } } } });
    expect(w.core.vault.entries.has(started.newKey!.id)).toBe(false);
  });
});
