// Every illegal transition is refused by the core with the rule it broke, before any server call
// and without changing the store. The sandbox counts every request it receives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStep, stepNumber, type RotationRun } from '../../../../shared/rotation.ts';
import { importKey } from '../../../../electron/core/keys.ts';
import { revokeKey, setKeyEnabled } from '../../../../electron/core/key-lifecycle.ts';
import { verifyKey } from '../../../../electron/core/key-verify.ts';
import {
  abortRotation,
  confirmDeployed,
  finishRotation,
  startRotation,
  verifyNewKey,
} from '../../../../electron/core/rotation/index.ts';
import { verifiedAfterDeploy } from '../../../../electron/core/rotation/guards.ts';
import { startSandboxServer, type Sandbox } from '../../../../electron/sandbox/server.ts';
import { fakeSecret } from '../../../helpers/cli.ts';
import { apiWorld, dashboardWorld, editRun, runOf, type World } from '../../../helpers/rotation.ts';

describe('rotation rules, pure', () => {
  it('numbers the four steps and names them', () => {
    expect(
      ['generate', 'deploy', 'verify', 'revoke', 'done'].map((s) => stepNumber(s as never)),
    ).toEqual([1, 2, 3, 4, null]);
    expect(describeStep('verify')).toBe('step 3 of 4 (verify)');
    expect(describeStep('aborted')).toBe('aborted');
  });
  it('counts a verification only when it succeeded after the deployment was confirmed', () => {
    const run = {
      deploy: { confirmedAt: '2026-01-01T10:00:00.000Z', envFiles: [] },
      verify: {
        check: { at: '2026-01-01T10:00:01.000Z', outcome: 'ok', credits: null, errorCode: null },
        lastUsed: null,
        recentUse: false,
        acceptedRecentUse: false,
        confirmedAt: '2026-01-01T10:00:02.000Z',
      },
    } as unknown as RotationRun;
    expect(verifiedAfterDeploy(run)).toBe(true);
    expect(
      verifiedAfterDeploy({
        ...run,
        verify: { ...run.verify!, check: { ...run.verify!.check, at: '2026-01-01T09:59:59.000Z' } },
      }),
    ).toBe(false);
    expect(
      verifiedAfterDeploy({
        ...run,
        verify: { ...run.verify!, check: { ...run.verify!.check, outcome: 'unauthorized' } },
      }),
    ).toBe(false);
    expect(verifiedAfterDeploy({ ...run, verify: { ...run.verify!, confirmedAt: null } })).toBe(
      false,
    );
    expect(verifiedAfterDeploy({ ...run, deploy: null })).toBe(false);
  });
});

describe('illegal rotation transitions', () => {
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

  /** The call is refused with `rule`; the server saw no request and the store did not change. */
  async function refused(w: World, sb: Sandbox, call: () => Promise<unknown>, rule: string) {
    const before = sb.stats.requests;
    const stored = await w.core.store.read();
    await expect(call()).rejects.toMatchObject({ code: 'REFUSED', rule });
    expect(sb.stats.requests, 'no server call').toBe(before);
    expect(await w.core.store.read()).toEqual(stored);
  }
  const oldRef = (w: World) => ({ label: w.old.label });

  it('start: a second start, the pending key, a disabled key, the account key', async () => {
    const w = await apiWorld(api, 'rules-start');
    await startRotation(w.core, oldRef(w));
    const run = await runOf(w.core, w.old.id);
    await refused(w, api, () => startRotation(w.core, oldRef(w)), 'one-run-per-key');
    await expect(startRotation(w.core, oldRef(w))).rejects.toThrow(
      new RegExp(`step 2 of 4 \\(deploy\\) of rotation ${run.id}`),
    );
    await refused(w, api, () => startRotation(w.core, { id: run.newKeyId }), 'one-run-per-key');

    const other = await apiWorld(api, 'rules-disabled', 'staging-etl');
    await setKeyEnabled(other.core, oldRef(other), false);
    await refused(other, api, () => startRotation(other.core, oldRef(other)), 'key-must-be-active');

    // Storing the account's own key as a key is refused now (issue 9, defect 1); a record of it
    // from a store written before that is still refused by the rotation.
    await expect(
      importKey(other.core, {
        account: 'acme',
        label: 'default',
        environment: 'staging',
        secret: api.bootstrapKey as string,
        verify: false,
      }),
    ).rejects.toThrow(/itself uses to call ApexVerify/);
    await other.core.store.update((d) => {
      const acct = d.accounts.find((a) => a.name === 'acme');
      const base = d.keys.find((k) => k.id === other.old.id);
      if (!acct || !base) throw new Error('setup: account or key missing');
      d.keys.push({
        ...base,
        id: 'key_legacy-account-key',
        label: 'default',
        remoteId: null,
        fingerprint: acct.keyFingerprint,
        status: 'active',
      });
    });
    await refused(
      other,
      api,
      () => startRotation(other.core, { label: 'default' }),
      'not-the-account-key',
    );
  });

  it('deploy: needs the new key stored in the keychain and verified once, and happens once', async () => {
    const w = await apiWorld(api, 'rules-deploy');
    await startRotation(w.core, oldRef(w));
    const run = await runOf(w.core, w.old.id);
    const secret = w.core.vault.entries.get(run.newKeyId) as string;
    w.core.vault.entries.delete(run.newKeyId);
    await refused(
      w,
      api,
      () => confirmDeployed(w.core, oldRef(w)),
      'deploy-needs-stored-verified-key',
    );
    w.core.vault.entries.set(run.newKeyId, secret);
    await editRun(w.core, w.old.id, (r) => {
      r.step = 'generate';
      r.generate.confirmedAt = null;
      r.generate.check = {
        at: new Date().toISOString(),
        outcome: 'error',
        credits: null,
        errorCode: 'NETWORK',
      };
    });
    await refused(
      w,
      api,
      () => confirmDeployed(w.core, oldRef(w)),
      'deploy-needs-stored-verified-key',
    );
    await refused(w, api, () => verifyNewKey(w.core, oldRef(w)), 'verify-needs-deploy');
    await refused(
      w,
      api,
      () => finishRotation(w.core, oldRef(w), { confirmLabel: w.old.label }),
      'revoke-needs-confirmed-verify',
    );
  });

  it('verify and revoke: in order, with a post-deploy verification and the label typed exactly', async () => {
    const w = await apiWorld(api, 'rules-order');
    await startRotation(w.core, oldRef(w));
    await refused(w, api, () => verifyNewKey(w.core, oldRef(w)), 'verify-needs-deploy');
    await refused(
      w,
      api,
      () => finishRotation(w.core, oldRef(w), { confirmLabel: w.old.label }),
      'revoke-needs-confirmed-verify',
    );
    await confirmDeployed(w.core, oldRef(w));
    await refused(w, api, () => confirmDeployed(w.core, oldRef(w)), 'wrong-step');
    await refused(
      w,
      api,
      () => finishRotation(w.core, oldRef(w), { confirmLabel: w.old.label }),
      'revoke-needs-confirmed-verify',
    );
    await verifyNewKey(w.core, oldRef(w));
    await refused(w, api, () => verifyNewKey(w.core, oldRef(w)), 'wrong-step');
    await refused(
      w,
      api,
      () => finishRotation(w.core, oldRef(w), { confirmLabel: 'prod-ap' }),
      'revoke-needs-typed-label',
    );
    await refused(
      w,
      api,
      () => finishRotation(w.core, oldRef(w), { confirmLabel: 'PROD-API' }),
      'revoke-needs-typed-label',
    );
    // A verification older than the deployment confirmation does not count.
    await editRun(w.core, w.old.id, (r) => {
      r.verify!.check.at = new Date(Date.parse(r.deploy!.confirmedAt) - 1000).toISOString();
    });
    await refused(
      w,
      api,
      () => finishRotation(w.core, oldRef(w), { confirmLabel: w.old.label }),
      'revoke-needs-confirmed-verify',
    );
  });

  it('abort: only before revocation began, with a choice that fits, and one choice at a time', async () => {
    const w = await apiWorld(api, 'rules-abort');
    await startRotation(w.core, oldRef(w));
    await editRun(w.core, w.old.id, (r) => {
      r.abort = {
        requestedAt: new Date().toISOString(),
        choice: 'keep-new',
        proof: null,
        keptLabel: null,
        completedAt: null,
      };
    });
    await refused(
      w,
      api,
      () => abortRotation(w.core, oldRef(w), { choice: 'revoke-new' }),
      'abort-choice',
    );
    await refused(w, api, () => confirmDeployed(w.core, oldRef(w)), 'abort-in-progress');
    await editRun(w.core, w.old.id, (r) => {
      r.abort = null;
      r.step = 'revoke';
      r.revoke = {
        begunAt: new Date().toISOString(),
        lastCheck: null,
        proof: null,
        completedAt: null,
      };
    });
    for (const choice of ['revoke-new', 'keep-new', 'dashboard'] as const)
      await refused(
        w,
        api,
        () => abortRotation(w.core, oldRef(w), { choice }),
        'abort-before-revoke',
      );

    // Stopped right after the run was written: nothing stored to keep.
    const g = await apiWorld(api, 'rules-abort-gen');
    const stop = {
      ...g.core,
      checkpoint: (n: string) => {
        if (n === 'generate:claimed') throw new Error('stop');
      },
    };
    await expect(startRotation(stop, oldRef(g))).rejects.toThrow('stop');
    for (const choice of ['keep-new', 'dashboard'] as const)
      await refused(g, api, () => abortRotation(g.core, oldRef(g), { choice }), 'abort-choice');
    // Another live process owns the generate: neither a resume nor an abort may step in.
    await editRun(
      g.core,
      g.old.id,
      (r) => void (r.generate.owner = { pid: process.ppid, at: new Date().toISOString() }),
    );
    await refused(g, api, () => startRotation(g.core, oldRef(g)), 'busy');
    await refused(g, api, () => abortRotation(g.core, oldRef(g), { choice: 'revoke-new' }), 'busy');
  });

  it('a done or aborted run refuses every step', async () => {
    const w = await apiWorld(api, 'rules-closed');
    await startRotation(w.core, oldRef(w));
    await abortRotation(w.core, oldRef(w), { choice: 'keep-new' });
    await refused(w, api, () => confirmDeployed(w.core, oldRef(w)), 'run-closed');
    await refused(
      w,
      api,
      () => abortRotation(w.core, oldRef(w), { choice: 'keep-new' }),
      'run-closed',
    );

    await startRotation(w.core, oldRef(w));
    await confirmDeployed(w.core, oldRef(w));
    await verifyNewKey(w.core, oldRef(w));
    await finishRotation(w.core, oldRef(w), { confirmLabel: w.old.label });
    await refused(
      w,
      api,
      () => finishRotation(w.core, oldRef(w), { confirmLabel: w.old.label }),
      'run-closed',
    );
    await refused(w, api, () => verifyNewKey(w.core, oldRef(w)), 'run-closed');
    await refused(
      w,
      api,
      () => abortRotation(w.core, oldRef(w), { choice: 'revoke-new' }),
      'run-closed',
    );
  });

  it('the key services leave both keys of an open run alone', async () => {
    const w = await apiWorld(api, 'rules-services');
    await startRotation(w.core, oldRef(w));
    const newRef = { id: (await runOf(w.core, w.old.id)).newKeyId };
    await refused(w, api, () => verifyKey(w.core, oldRef(w)), 'key-in-rotation');
    for (const ref of [oldRef(w), newRef]) {
      await refused(w, api, () => setKeyEnabled(w.core, ref, false), 'key-in-rotation');
      await refused(w, api, () => revokeKey(w.core, ref, 'prod-api'), 'key-in-rotation');
    }
  });

  it('dashboard mode: a start needs the pasted key, and the API cannot revoke the new key', async () => {
    const w = await dashboardWorld(dash, 'rules-dash');
    await refused(w, dash, () => startRotation(w.core, oldRef(w)), 'paste-needed');
    await startRotation(w.core, oldRef(w), { newSecret: dash.issueKey('prod-api-2').key });
    await refused(
      w,
      dash,
      () => abortRotation(w.core, oldRef(w), { choice: 'revoke-new' }),
      'abort-choice',
    );
  });

  it('API mode: nothing is pasted', async () => {
    const w = await apiWorld(api, 'rules-paste');
    await expect(
      startRotation(w.core, oldRef(w), { newSecret: fakeSecret() }),
    ).rejects.toMatchObject({ code: 'WRONG_MODE' });
    expect((await w.core.store.read()).rotations).toEqual([]);
  });
});
