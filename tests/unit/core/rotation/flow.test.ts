// A rotation through the core against the sandbox: the evidence each step records, the audit
// trail, the takeover by the new key, and the rule that the old key is never called during a run
// except for the final 401 proof.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveKey } from '../../../../electron/core/key-records.ts';
import { verifyAll } from '../../../../electron/core/key-verify.ts';
import { listKeys } from '../../../../electron/core/keys.ts';
import {
  confirmDeployed,
  finishRotation,
  replaceOldKeyInEnvFiles,
  getRotation,
  listOpenRotations,
  revealPending,
  startRotation,
  verifyNewKey,
} from '../../../../electron/core/rotation/index.ts';
import { updateSettings } from '../../../../electron/core/settings.ts';
import { rotationViewSchema } from '../../../../shared/rotation-view.ts';
import { startSandboxServer, type Sandbox } from '../../../../electron/sandbox/server.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';
import { SECRET_PATTERN } from '../../../helpers/cli.ts';
import { answers, apiWorld, runOf, serverKeys, watchApiKeys } from '../../../helpers/rotation.ts';

describe('a rotation in API mode', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('goes through four steps, records their evidence, and the new key takes over', async () => {
    const w = await apiWorld(sandbox, 'flow-api');
    const ref = { label: 'prod-api' };
    const watch = watchApiKeys();
    let v = await startRotation(w.core, ref);
    const views = [v];
    expect(v).toMatchObject({
      step: 'deploy',
      stepNumber: 2,
      stepCount: 4,
      open: true,
      mode: 'api',
    });
    expect(v.newKey).toMatchObject({ status: 'pending', environment: 'production', owner: 'ops' });
    expect(v.evidence.generate).toMatchObject({
      check: { outcome: 'ok', credits: { email: 1000, phone: 500 } },
      orphansRevoked: 0,
    });
    expect(v.actions.deployed).toEqual({ allowed: true, reason: null });
    expect(v.actions.finish.allowed).toBe(false);
    expect(v.actions.finish.reason).toMatch(/step 2 of 4 \(deploy\)/);
    const newId = v.newKey!.id;
    const newSecret = w.core.vault.entries.get(newId) as string;
    // Until the run finishes the label names the old key; the new key is reached as pending.
    const data = await w.core.store.read();
    expect(resolveKey(data, ref).key.id).toBe(w.old.id);
    expect(await revealPending(w.core, ref)).toBe(newSecret);
    expect((await listOpenRotations(w.core)).map((r) => r.runId)).toEqual([v.runId]);

    v = await confirmDeployed(w.core, ref);
    views.push(v);
    expect(v).toMatchObject({ step: 'verify', evidence: { deploy: { envFiles: [] } } });
    v = await verifyNewKey(w.core, ref);
    views.push(v);
    expect(v.step).toBe('revoke');
    expect(v.evidence.verify).toMatchObject({
      check: { outcome: 'ok' },
      lastUsed: { old: null, oldListed: true, new: expect.any(String) },
      recentUse: false,
      confirmedAt: expect.any(String),
    });
    expect(Date.parse(v.evidence.verify!.check.at)).toBeGreaterThanOrEqual(
      Date.parse(v.evidence.deploy!.confirmedAt),
    );
    // So far the app never sent the old key.
    expect(watch.used).not.toContain(w.oldSecret);
    v = await finishRotation(w.core, ref, { confirmLabel: 'prod-api' });
    views.push(v);
    watch.restore();
    // What the window receives passes the shared schema at every step, and holds no secret.
    for (const view of views) expect(rotationViewSchema.parse(view)).toEqual(view);
    expect(JSON.stringify(views)).not.toMatch(SECRET_PATTERN);
    // The one call with the old key: the final 401 proof.
    expect(watch.used.filter((k) => k === w.oldSecret)).toHaveLength(1);
    expect(v).toMatchObject({
      step: 'done',
      open: false,
      stepNumber: null,
      evidence: { revoke: { proof: { status: 401 }, completedAt: expect.any(String) } },
    });
    expect(v.newKey).toMatchObject({
      label: 'prod-api',
      status: 'active',
      environment: 'production',
      service: 'api',
      owner: 'ops',
    });
    expect(v.oldKey).toMatchObject({
      status: 'revoked',
      revokedAt: v.evidence.revoke!.proof!.checkedAt,
    });
    expect(w.core.vault.entries.has(w.old.id)).toBe(false);
    expect(await answers(sandbox, w.oldSecret)).toBe(401);
    expect(await answers(sandbox, newSecret)).toBe(200);
    // The dashboard shows the new key under the old label too.
    expect((await serverKeys(sandbox)).find((k) => k.id === v.newKey!.remoteId)?.label).toBe(
      'prod-api',
    );
    expect((await getRotation(w.core, ref))?.runId).toBe(v.runId);
    expect(await listOpenRotations(w.core)).toEqual([]);

    const events = (await w.core.audit.list()).filter((e) => e.action === 'rotation-step');
    expect(events.map((e) => e.detail?.step)).toEqual(['generate', 'deploy', 'verify', 'revoke']);
    for (const e of events)
      expect(e).toMatchObject({
        keyId: w.old.id,
        fingerprint: w.old.fingerprint,
        outcome: 'ok',
        detail: { runId: v.runId },
      });
    expect(events[0]?.detail).toMatchObject({
      newFingerprint: v.newKey!.fingerprint,
      check: 'ok',
      emailCredits: 1000,
    });
    expect(events[2]?.detail).toMatchObject({ check: 'ok', oldLastUsedAt: null, recentUse: false });
    expect(events[3]?.detail).toMatchObject({ proof: '401' });
    const trail = JSON.stringify(await w.core.audit.list());
    expect(trail.match(SECRET_PATTERN)).toBeNull();
    expect(JSON.stringify(await w.core.store.read()).match(SECRET_PATTERN)).toBeNull();
  });

  it('warns while the old key was used recently and then takes a second confirmation', async () => {
    const w = await apiWorld(sandbox, 'flow-recent');
    const ref = { label: 'prod-api' };
    await startRotation(w.core, ref);
    await confirmDeployed(w.core, ref);
    // Production traffic still on the old key.
    expect(await answers(sandbox, w.oldSecret)).toBe(200);
    let v = await verifyNewKey(w.core, ref);
    expect(v.step).toBe('verify');
    expect(v.evidence.verify).toMatchObject({
      recentUse: true,
      confirmedAt: null,
      lastUsed: { old: expect.any(String) },
    });
    expect(v.notice).toMatch(/"prod-api" was used \d+ s before the check, within the last 15 min/);
    v = await verifyNewKey(w.core, ref, { acceptRecentUse: true });
    expect(v.step).toBe('revoke');
    expect(v.evidence.verify).toMatchObject({ recentUse: true, acceptedRecentUse: true });
    const verifyEvents = (await w.core.audit.list()).filter((e) => e.detail?.step === 'verify');
    expect(verifyEvents).toHaveLength(1);
    expect(verifyEvents[0]?.detail).toMatchObject({
      recentUse: true,
      acceptedRecentUse: true,
      oldLastUsedAt: expect.any(String),
    });
  });

  it('uses the configured window: a use older than it gives no warning', async () => {
    const w = await apiWorld(sandbox, 'flow-window');
    const ref = { label: 'prod-api' };
    await updateSettings(w.core, { recentUseWindowMin: 1 });
    await startRotation(w.core, ref);
    await confirmDeployed(w.core, ref);
    await answers(sandbox, w.oldSecret);
    const later = { ...w.core, clock: { now: () => new Date(Date.now() + 2 * 60_000) } };
    const v = await verifyNewKey(later, ref);
    expect(v).toMatchObject({ step: 'revoke', evidence: { verify: { recentUse: false } } });
  });

  it('verify --all leaves the old key of an open run out and says why', async () => {
    const w = await apiWorld(sandbox, 'flow-all');
    await startRotation(w.core, { label: 'prod-api' });
    const skipped: string[] = [];
    const watch = watchApiKeys();
    const results = await verifyAll(w.core, {
      onSkip: (s) => skipped.push(`${s.label}: ${s.reason}`),
    });
    watch.restore();
    expect(watch.used).not.toContain(w.oldSecret);
    expect(results.map((r) => r.keyId)).toEqual([(await runOf(w.core, w.old.id)).newKeyId]);
    expect(skipped).toEqual([
      expect.stringMatching(/^prod-api: the old key of open rotation rot_/),
    ]);
    expect((await listKeys(w.core)).map((k) => k.status).sort()).toEqual(['active', 'pending']);
  });

  it('keeps .env files the helper changed before "deployed" in the deploy evidence', async () => {
    // The window replaces first and confirms later, in separate calls.
    const w = await apiWorld(sandbox, 'flow-env-evidence');
    const ref = { label: 'prod-api' };
    await startRotation(w.core, ref);
    // Outside the data folder: the .env writers refuse the app's own folder.
    const envDir = makeTempDir('flow-env-files');
    const env = join(envDir, 'app.env');
    const untouched = join(envDir, 'other.env');
    writeFileSync(env, `APEXVERIFY_API_KEY=${w.oldSecret}\n`, { mode: 0o600 });
    writeFileSync(untouched, 'OTHER=1\n', { mode: 0o600 });
    const replaced = await replaceOldKeyInEnvFiles(w.core, ref, [env]);
    expect(replaced.map((f) => [f.path, f.changed])).toEqual([[env, true]]);
    const v = await confirmDeployed(w.core, ref, { envFiles: [untouched] });
    expect(v.evidence.deploy?.envFiles.map((f) => [f.path, f.changed])).toEqual([
      [env, true],
      [untouched, false],
    ]);
  });
});
