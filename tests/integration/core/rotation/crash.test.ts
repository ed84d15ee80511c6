// Crash tests: a child process rotating a key against the sandbox (real HTTP, real keyring) kills
// itself with SIGKILL at a checkpoint (each step boundary, and inside each step's I/O: after a
// server call before the store write, and after a store write before the next call); a new
// process then resumes and completes the run. Across all kills: the old key is never revoked
// without a recorded post-deploy verification, every non-revoked key of the run has its secret
// in the keychain, no second new key stays live, and the store file always parses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { writeFileAtomic } from '../../../../electron/core/fs/atomic-write.ts';
import { startSandboxServer, type Sandbox } from '../../../../electron/sandbox/server.ts';
import { hasTestKeyring, keyringSkipReason } from '../../../helpers/keyring.ts';
import { answers } from '../../../helpers/rotation.ts';
import {
  postDeployVerification,
  readStoreFile,
  runChild,
  serverKeysOf,
  setupScenario,
  violations,
} from '../../../helpers/rotation-crash.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

if (!hasTestKeyring) console.log(`rotation-crash: ${keyringSkipReason}`);

/** Kill points in the order a rotation passes them (API mode). */
const FINISH_POINTS = [
  'generate:claimed', // run written, nothing sent yet
  'generate:created', // server made the key, its secret not yet in the keychain
  'generate:vaulted', // secret in the keychain, record not yet written
  'generate:stored', // record written, first check not yet made
  'generate:checked', // check answered, not yet recorded
  'generate:done', // boundary: step 1 confirmed
  'deploy:files', // .env rewritten, deployment not yet recorded
  'deploy:done', // boundary: step 2 confirmed
  'verify:listed', // last uses listed, new key not yet checked
  'verify:checked', // check answered, not yet recorded
  'verify:done', // boundary: step 3 confirmed
  'revoke:begun', // "revocation begun" written, nothing sent yet
  'revoke:deleted', // server deleted the old key, 401 not yet proven
  'revoke:proven', // 401 seen, not yet recorded
  'revoke:renamed', // new key renamed on the server, not yet recorded
  'revoke:recorded', // done recorded, old secret not yet removed
  'revoke:done', // boundary: done, before the audit caught up
];
const ABORT_POINTS = [
  'abort:begun',
  'abort:restored', // the .env holds the old key again, the new key not yet revoked
  'abort:deleted',
  'abort:recorded',
  'abort:done',
];

describe.skipIf(!hasTestKeyring).concurrent('rotation survives SIGKILL', () => {
  let sandbox: Sandbox;
  const stateFile = join(makeTempDir('crash-sandbox'), 'state.json');
  beforeAll(async () => {
    sandbox = await startSandboxServer({
      rpm: 1_000_000,
      state: { file: stateFile, writeAtomic: writeFileAtomic },
    });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  /** Kills at each point in turn (one child each), then a last child completes the run. */
  async function crashAndResume(
    label: string,
    ending: 'finish' | 'abort',
    kills: string[],
    expect: ExpectStatic,
  ) {
    const s = await setupScenario(sandbox, label);
    for (const point of kills) {
      const killed = await runChild(s, ending, point);
      expect(killed.signal, `${point}: ${killed.stderr}${killed.stdout}`).toBe('SIGKILL');
      expect(await violations(s, stateFile), `after a kill at ${point}`).toEqual([]);
    }
    const resumed = await runChild(s, ending, 'none');
    expect(resumed, resumed.stderr).toMatchObject({
      code: 0,
      stdout: ending === 'finish' ? 'done\n' : 'aborted\n',
    });
    expect(await violations(s, stateFile)).toEqual([]);
    const data = readStoreFile(s);
    const run = data.rotations[0];
    const mine = serverKeysOf(stateFile, s);
    // Exactly one new key is live on the server; any other made for the run was revoked.
    const liveNew = mine.filter((k) => k.id !== s.oldRemoteId && !k.revokedAt);
    const events = (await s.core.audit.list({ keyId: s.oldId })).filter(
      (e) => e.action === 'rotation-step',
    );
    return { s, data, run, mine, liveNew, steps: events.map((e) => e.detail?.step) };
  }

  for (const [i, point] of FINISH_POINTS.entries())
    it(`killed at ${point}, resumed to the end`, async ({ expect }) => {
      const { s, data, run, mine, liveNew, steps } = await crashAndResume(
        `crash${i}`,
        'finish',
        [point],
        expect,
      );
      expect(run?.step).toBe('done');
      expect(postDeployVerification(run)).toBe(true);
      const fresh = data.keys.find((k) => k.id === run?.newKeyId);
      expect(fresh).toMatchObject({ label: s.label, status: 'active' });
      expect(data.keys.find((k) => k.id === s.oldId)).toMatchObject({ status: 'revoked' });
      expect(await answers(sandbox, s.oldSecret)).toBe(401);
      expect(await answers(sandbox, await s.core.vault.get(fresh!.id))).toBe(200);
      expect(liveNew.map((k) => k.id)).toEqual([fresh?.remoteId]);
      // Only a kill between the server's answer and the keychain write costs a key, revoked.
      expect(mine).toHaveLength(point === 'generate:created' ? 3 : 2);
      expect(run?.generate.orphansRevoked).toBe(point === 'generate:created' ? 1 : 0);
      expect(steps).toEqual(['generate', 'deploy', 'verify', 'revoke']);
    });

  it('killed three times during generate (the orphan cleanup itself interrupted), resumed to the end', async ({
    expect,
  }) => {
    const { run, liveNew, steps } = await crashAndResume(
      'crashg',
      'finish',
      ['generate:created', 'generate:orphans-revoked', 'generate:created'],
      expect,
    );
    expect(run?.step).toBe('done');
    expect(liveNew).toHaveLength(1);
    expect(steps).toEqual(['generate', 'deploy', 'verify', 'revoke']);
  });

  for (const [i, point] of ABORT_POINTS.entries())
    it(`abort killed at ${point}, resumed: the new key revoked, the old key untouched`, async ({
      expect,
    }) => {
      const { s, data, run, liveNew, steps } = await crashAndResume(
        `crasha${i}`,
        'abort',
        [point],
        expect,
      );
      expect(run).toMatchObject({
        step: 'aborted',
        abort: { choice: 'revoke-new', proof: { status: 401 } },
      });
      expect(liveNew).toEqual([]);
      expect(data.keys.find((k) => k.id === s.oldId)).toMatchObject({ status: 'active' });
      expect(await answers(sandbox, s.oldSecret)).toBe(200);
      expect(await s.core.vault.get(s.oldId)).toBe(s.oldSecret);
      // The file the deploy changed holds the old key again, and the summary says so.
      expect(readFileSync(s.envFile, 'utf8')).toBe(`APEXVERIFY_API_KEY=${s.oldSecret}\n`);
      expect(run?.abort?.restored).toEqual([
        { path: s.envFile, outcome: 'restored', reason: null },
      ]);
      expect(steps).toEqual(['generate', 'deploy', 'aborted']);
    });
});
