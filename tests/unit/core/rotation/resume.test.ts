// An interrupted step, repeated: in-process interruptions at the checkpoints (the crash test does
// the same with SIGKILL in child processes). Generate never leaves two live new keys, and the
// audit trail gets each step's event exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  confirmDeployed,
  startRotation,
  verifyNewKey,
} from '../../../../electron/core/rotation/index.ts';
import { startSandboxServer, type Sandbox } from '../../../../electron/sandbox/server.ts';
import { answers, apiWorld, runOf, serverKeys, type World } from '../../../helpers/rotation.ts';

describe('resuming an interrupted rotation', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
  });
  afterAll(async () => {
    await sandbox.close();
  });
  const ref = { label: 'prod-api' };
  const stopAt = (w: World, point: string) => ({
    ...w.core,
    checkpoint: (n: string) => {
      if (n === point) throw new Error(`killed at ${point}`);
    },
  });
  const pendingOnServer = async (label: string) =>
    (await serverKeys(sandbox)).filter((k) => k.label === label);

  for (const point of [
    'generate:claimed',
    'generate:created',
    'generate:vaulted',
    'generate:stored',
    'generate:checked',
  ])
    it(`generate interrupted at ${point}: one live new key, held in the keychain`, async () => {
      const w = await apiWorld(sandbox, `resume-${point.replace(':', '-')}`);
      await expect(startRotation(stopAt(w, point), ref)).rejects.toThrow('killed');
      const run = await runOf(w.core, w.old.id);
      const before = await pendingOnServer(run.pendingLabel);
      const v = await startRotation(w.core, ref);
      expect(v).toMatchObject({ runId: run.id, step: 'deploy' });
      const after = await pendingOnServer(run.pendingLabel);
      expect(after).toHaveLength(1);
      expect(after[0]?.id).toBe(v.newKey?.remoteId);
      expect(await answers(sandbox, w.core.vault.entries.get(run.newKeyId) as string)).toBe(200);
      // Only a key whose secret never reached the keychain is replaced, and it is revoked first.
      if (point === 'generate:created') {
        expect(v.evidence.generate.orphansRevoked).toBe(1);
        expect(after[0]?.id).not.toBe(before[0]?.id);
      } else {
        expect(v.evidence.generate.orphansRevoked).toBe(0);
        // Made before the interruption (none yet when it came right after the run was written).
        expect(before.length).toBe(point === 'generate:claimed' ? 0 : 1);
        if (before.length) expect(after[0]?.id).toBe(before[0]?.id);
      }
    });

  it('a step event lost between the transition and the audit write is written once, later', async () => {
    const w = await apiWorld(sandbox, 'resume-audit');
    await startRotation(w.core, ref);
    await expect(confirmDeployed(stopAt(w, 'deploy:done'), ref)).rejects.toThrow('killed');
    const steps = async () =>
      (await w.core.audit.list())
        .filter((e) => e.action === 'rotation-step')
        .map((e) => e.detail?.step);
    expect(await steps()).toEqual(['generate']);
    await verifyNewKey(w.core, ref);
    await verifyNewKey(w.core, ref).catch(() => undefined);
    expect(await steps()).toEqual(['generate', 'deploy', 'verify']);
  });
});
