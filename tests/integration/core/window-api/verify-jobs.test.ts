// "Verify all" as the window drives it: a job it starts, polls and may cancel, one at a time,
// against a sandbox over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../../../electron/core/accounts.ts';
import { generateKey } from '../../../../electron/core/keys.ts';
import { startSandboxServer, type Sandbox } from '../../../../electron/sandbox/server.ts';
import type { VerifyJob } from '../../../../shared/views.ts';
import { startAppRig, type AppRig } from '../../../helpers/app.ts';

const rigs: AppRig[] = [];
const servers: Sandbox[] = [];
async function rigWith(prefix: string, keys: string[]): Promise<AppRig> {
  const rig = await startAppRig(prefix, { keys });
  rigs.push(rig);
  return rig;
}
afterEach(async () => {
  await Promise.all([...rigs.splice(0), ...servers.splice(0)].map((r) => r.close()));
});

/** Polls as the window does until the job is no longer running. */
async function finished(rig: AppRig, jobId: string): Promise<VerifyJob> {
  const poll = () => rig.ok('getVerifyAll', { jobId });
  await expect.poll(async () => (await poll()).state, { timeout: 30_000 }).not.toBe('running');
  return poll();
}

describe('verify all as a polled job', () => {
  it('runs to the end with counts and one result per key', async () => {
    const rig = await rigWith('jobs-done', ['a', 'b', 'c', 'd']);
    const [a, b, c, d] = rig.keyIds as [string, string, string, string];
    // c's secret is gone from the keychain; d was revoked on the server behind the app's back.
    rig.core.vault.entries.delete(c);
    const remoteD = (await rig.ok('listKeys', {})).find((k) => k.id === d)?.remoteId as string;
    rig.sandbox.revokeKey(remoteD);

    const started = await rig.ok('startVerifyAll', {});
    expect(started).toMatchObject({ state: 'running', error: null });
    const job = await finished(rig, started.jobId);
    expect(job).toMatchObject({ state: 'done', total: 4, done: 4, ok: 2, failed: 2, error: null });
    const byKey = Object.fromEntries(job.results.map((r) => [r.keyId, r]));
    expect(Object.keys(byKey).sort()).toEqual([a, b, c, d].sort());
    expect(byKey[a]).toMatchObject({ status: 'ok', credits: { email: 1000, phone: 500 } });
    expect(byKey[b]).toMatchObject({ status: 'ok', label: 'b', account: 'acme' });
    expect(byKey[c]).toMatchObject({ status: 'error', error: { code: 'SECRET_MISSING' } });
    expect(byKey[d]).toMatchObject({ status: 'unauthorized' });
    // The outcomes are kept on the keys, and a late poll still sees the finished job.
    const keys = await rig.ok('listKeys', {});
    expect(keys.map((k) => [k.label, k.lastVerification?.outcome])).toEqual([
      ['a', 'ok'],
      ['b', 'ok'],
      ['c', 'error'],
      ['d', 'unauthorized'],
    ]);
    expect(await rig.ok('getVerifyAll', { jobId: job.jobId })).toEqual(job);
  });

  it('joins the running job on a second start, and can be cancelled mid-run', async () => {
    const labels = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const rig = await rigWith('jobs-cancel', labels);
    rig.sandbox.addFault({ path: '/v1/account/credits', latencyMs: 400, times: Infinity });

    const first = await rig.ok('startVerifyAll', {});
    expect((await rig.ok('startVerifyAll', {})).jobId).toBe(first.jobId);
    await expect
      .poll(async () => (await rig.ok('getVerifyAll', { jobId: first.jobId })).done, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const cancelling = await rig.ok('cancelVerifyAll', { jobId: first.jobId });
    expect(cancelling.jobId).toBe(first.jobId);

    const job = await finished(rig, first.jobId);
    expect(job.state).toBe('cancelled');
    expect(job.error).toBeNull();
    expect(job.total).toBe(12);
    expect(job.done).toBeLessThan(12);
    expect(job.results).toHaveLength(job.done);
    expect(job.ok + job.failed).toBe(job.done);
    // Cancelling again changes nothing; a new start is a new job.
    expect(await rig.ok('cancelVerifyAll', { jobId: first.jobId })).toEqual(job);
    rig.sandbox.clearFaults();
    const next = await rig.ok('startVerifyAll', {});
    expect(next.jobId).not.toBe(first.jobId);
    expect(await finished(rig, next.jobId)).toMatchObject({ state: 'done', done: 12, ok: 12 });
  });

  it('starts a fresh run right after Cancel, once the cancelled one has stopped', async () => {
    const rig = await rigWith('jobs-restart', ['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
    rig.sandbox.addFault({ path: '/v1/account/credits', latencyMs: 300, times: 4 });
    const first = await rig.ok('startVerifyAll', {});
    await rig.ok('cancelVerifyAll', { jobId: first.jobId });
    // Clicked again at once, while the cancelled run is still waiting for its requests.
    const second = await rig.ok('startVerifyAll', {});
    expect(second.jobId).not.toBe(first.jobId);
    expect(second.state).toBe('running');
    // A third click joins the new run instead of queueing another.
    expect((await rig.ok('startVerifyAll', {})).jobId).toBe(second.jobId);
    expect((await finished(rig, first.jobId)).state).toBe('cancelled');
    expect(await finished(rig, second.jobId)).toMatchObject({ state: 'done', done: 6, ok: 6 });
  });

  it('fails with the keychain error when the keychain refuses, instead of judging keys', async () => {
    const rig = await rigWith('jobs-locked', ['a', 'b']);
    rig.core.vault.failing.add('get');
    const { jobId } = await rig.ok('startVerifyAll', {});
    const job = await finished(rig, jobId);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'KEYCHAIN_DENIED' } });
    expect(job.results).toEqual([]);
  });

  it('refuses an unknown job id with BAD_INPUT', async () => {
    const rig = await rigWith('jobs-unknown', []);
    for (const channel of ['getVerifyAll', 'cancelVerifyAll'] as const)
      expect(await rig.fail(channel, { jobId: 'not-a-job' })).toMatchObject({
        code: 'BAD_INPUT',
      });
    const empty = await rig.ok('startVerifyAll', {});
    expect(await finished(rig, empty.jobId)).toMatchObject({ state: 'done', total: 0, done: 0 });
  });
});

describe('verify all with an account known to be unreachable', () => {
  it("skips that account's keys without sending them, and verifies the others", async () => {
    const rig = await rigWith('jobs-offline', ['a1', 'a2']);
    const second = await startSandboxServer({ rpm: 100_000 });
    servers.push(second);
    const { id: secondId } = await addAccount(rig.core, {
      name: 'second',
      baseUrl: second.url,
      secret: second.bootstrapKey as string,
    });
    const input = { account: 'second', environment: 'staging' } as const;
    const s1 = (await generateKey(rig.core, { ...input, label: 's1' })).id;
    const s2 = (await generateKey(rig.core, { ...input, label: 's2' })).id;
    const port = second.port;
    await second.close();
    // The tracker learns it from a request, here the connection check the window makes.
    const connection = await rig.ok('checkConnection', {});
    expect(connection.accounts?.find((a) => a.accountId === secondId)?.reachability.state).toBe(
      'offline',
    );

    const { jobId } = await rig.ok('startVerifyAll', {});
    const job = await finished(rig, jobId);
    expect(job).toMatchObject({ state: 'done', total: 4, done: 4, ok: 2, failed: 0, error: null });
    expect(job.results.map((r) => [r.label, r.status]).sort()).toEqual([
      ['a1', 'ok'],
      ['a2', 'ok'],
    ]);
    expect(job.skipped.sort((x, y) => x.label.localeCompare(y.label))).toEqual([
      { keyId: s1, label: 's1', account: 'second', reason: 'account "second" is offline' },
      { keyId: s2, label: 's2', account: 'second', reason: 'account "second" is offline' },
    ]);
    // Not sent: a request to the stopped server would have left a failed check on the key and
    // a "verified" event in the trail.
    const keys = await rig.ok('listKeys', {});
    for (const id of [s1, s2]) expect(keys.find((k) => k.id === id)?.lastVerification).toBeNull();
    const { events } = await rig.core.audit.read({ keyIds: [s1, s2] });
    expect(events.filter((e) => e.action === 'verified')).toEqual([]);

    // Back (the same address, a fresh server): once the tracker knows, its keys are sent again.
    servers.push(await startSandboxServer({ port, rpm: 100_000 }));
    await rig.ok('checkAccount', { accountId: secondId });
    const again = await finished(rig, (await rig.ok('startVerifyAll', {})).jobId);
    expect(again).toMatchObject({ state: 'done', total: 4, done: 4, skipped: [] });
    expect(again.results.map((r) => r.label).sort()).toEqual(['a1', 'a2', 's1', 's2']);
  });
});

describe('verify all explains itself', () => {
  it('tells which keys are queued and which are being checked, until none is left', async () => {
    const labels = Array.from({ length: 10 }, (_, i) => `q${i}`);
    const rig = await rigWith('jobs-queue', labels);
    // Slow answers: the first poll finds the workers on their keys and the rest waiting.
    rig.sandbox.addFault({ path: '/v1/account/credits', latencyMs: 300, times: Infinity });
    const { jobId } = await rig.ok('startVerifyAll', {});
    const all = [...(rig.keyIds as string[])].sort();
    const seen: VerifyJob[] = [];
    await expect
      .poll(
        async () => {
          const job = await rig.ok('getVerifyAll', { jobId });
          seen.push(job);
          return job.state === 'running' && (job.checking ?? []).length > 0 && job.done > 0;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    for (const job of seen.filter((j) => j.state === 'running' && j.pacing)) {
      // Every key is in exactly one place: answered, in hand, or waiting.
      const answered = job.results.map((r) => r.keyId);
      const places = [...answered, ...(job.checking ?? []), ...(job.queued ?? [])];
      expect(places.sort()).toEqual(all);
      // No more keys are in hand than there are workers: the rest read as queued.
      expect((job.checking ?? []).length).toBeLessThanOrEqual(4);
      expect(job.secondsLeft).toEqual(expect.any(Number));
    }
    const midway = seen.at(-1) as VerifyJob;
    expect(midway.queued?.length).toBeGreaterThan(0);
    expect(midway.rateWait).toBeNull();
    rig.sandbox.clearFaults();
    const job = await finished(rig, jobId);
    expect(job).toMatchObject({ state: 'done', done: 10, checking: [], queued: [] });
    expect(job.secondsLeft).toBeNull();
  });

  it("says how it is paced, from the rate share setting and the account's limit", async () => {
    const rig = await startAppRig('jobs-pace', { keys: ['p0', 'p1'], sandbox: { rpm: 6000 } });
    rigs.push(rig);
    const half = await finished(rig, (await rig.ok('startVerifyAll', {})).jobId);
    expect(half.pacing).toEqual({
      share: 0.5,
      perMinute: 3000,
      reason:
        "paced to half of the account's rate limit (3000 requests a minute), so other traffic on it keeps the rest",
    });
    await rig.ok('saveSettings', { rateShare: 0.3 });
    const third = await finished(rig, (await rig.ok('startVerifyAll', {})).jobId);
    expect(third.pacing).toEqual({
      share: 0.3,
      perMinute: 1800,
      reason:
        "paced to 30 % of the account's rate limit (1800 requests a minute), so other traffic on it keeps the rest",
    });
  });

  it('tells of a 429 wait: until when, and for which account', async () => {
    const rig = await rigWith('jobs-429', ['w0', 'w1', 'w2']);
    rig.sandbox.addFault({ path: '/v1/account/credits', status: 429, retryAfter: 2, times: 1 });
    const { jobId } = await rig.ok('startVerifyAll', {});
    let waiting: VerifyJob | undefined;
    await expect
      .poll(
        async () => {
          const job = await rig.ok('getVerifyAll', { jobId });
          if (job.rateWait) waiting = job;
          return waiting !== undefined || job.state !== 'running';
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(waiting?.state).toBe('running');
    expect(waiting?.rateWait?.account).toBe('acme');
    // An ISO time within the 2 s the server asked for, as the core's clock reads it.
    const until = Date.parse(waiting?.rateWait?.until as string);
    expect(until).toBeGreaterThan(rig.core.clock.now().getTime() - 2_000);
    expect(until).toBeLessThanOrEqual(rig.core.clock.now().getTime() + 2_000);
    // The wait is over once the run is: every key was answered after it.
    const job = await finished(rig, jobId);
    expect(job).toMatchObject({ state: 'done', ok: 3, failed: 0, rateWait: null });
  });

  it('Cancel ends a 429 wait at once: nothing more is sent, and the key in hand is not judged', async () => {
    const rig = await rigWith('jobs-429-cancel', ['c0', 'c1', 'c2']);
    // Long, but within the client's cap (30 s), so the run waits rather than fails the key.
    rig.sandbox.addFault({ path: '/v1/account/credits', status: 429, retryAfter: 25, times: 1 });
    const { jobId } = await rig.ok('startVerifyAll', {});
    await expect
      .poll(async () => (await rig.ok('getVerifyAll', { jobId })).rateWait ?? null, {
        timeout: 20_000,
      })
      .not.toBeNull();
    const sent = rig.sandbox.stats.requests;
    await rig.ok('cancelVerifyAll', { jobId });
    const job = await finished(rig, jobId);
    expect(job.state).toBe('cancelled');
    // A wait that ignored Cancel would end in the retry of the key in hand (and only then stop).
    expect(rig.sandbox.stats.requests).toBe(sent);
    expect(job.results.filter((r) => r.error?.code === 'CANCELLED')).toEqual([]);
    expect(job.failed).toBe(0);
  });
});
