// "Find copies…" as the window drives it: a job it starts, polls and may cancel; hits become the
// key's locations with a 'located' audit event each; a bad folder ends the job 'failed' in words;
// forgetting a location is audited too. Real handlers, sandbox over HTTP, temp folders.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../../shared/ipc/contract.ts';
import { startAppRig, type AppRig } from '../../../helpers/app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

type Job = OutputOf<'getFindCopies'>;

describe('find copies as a polled job', () => {
  let rig: AppRig;
  let id: string;
  const root = makeTempDir('find-jobs');
  const nested = join(root, 'apps', 'shop');

  /** Polls as the window does until the job is no longer running. */
  async function finished(jobId: string): Promise<Job> {
    const poll = () => rig.ok('getFindCopies', { jobId });
    await expect.poll(async () => (await poll()).state, { timeout: 20_000 }).not.toBe('running');
    return poll();
  }
  const events = async (action: string) =>
    (await rig.core.audit.list({ keyId: id })).filter((e) => e.action === action);

  beforeAll(async () => {
    rig = await startAppRig('find-jobs', { keys: ['web'] });
    id = rig.keyIds[0] as string;
    const secret = rig.core.vault.entries.get(id) as string;
    mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(nested, '.env'), `SHOP_KEY=${secret}\n`);
    writeFileSync(join(root, 'node_modules', 'pkg', '.env'), `KEY=${secret}\n`);
    for (let i = 0; i < 3; i++) writeFileSync(join(root, `notes-${i}.txt`), 'nothing here\n');
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('finds the nested copy, adds it as a location once, and audits it without the secret', async () => {
    const started = await rig.ok('startFindCopies', { id, dirs: [root] });
    expect(started).toMatchObject({ keyId: id, state: 'running', added: 0 });
    const job = await finished(started.jobId);
    expect(job).toMatchObject({
      state: 'done',
      read: 4,
      skipped: { ignoredDirs: 1, tooLarge: 0, binary: 0, symlinks: 0, unreadable: 0 },
      hits: [{ path: join(nested, '.env'), variables: ['SHOP_KEY'] }],
      limitHit: null,
      added: 1,
    });
    expect(job.error).toBeUndefined();
    expect(await rig.ok('keyLocations', { id, check: true })).toMatchObject([
      { path: join(nested, '.env'), variable: 'SHOP_KEY', via: 'scan', state: 'holds' },
    ]);
    expect(await events('located')).toMatchObject([
      { outcome: 'ok', detail: { file: join(nested, '.env'), variable: 'SHOP_KEY' } },
    ]);
    // A second search finds the same copy: nothing new to add, no second event.
    const again = await finished((await rig.ok('startFindCopies', { id, dirs: [root] })).jobId);
    expect(again).toMatchObject({ state: 'done', added: 0 });
    expect(await events('located')).toHaveLength(1);
    expect(await rig.ok('getFindCopies', { jobId: job.jobId })).toEqual(job);
  });

  it('ends failed, in words naming the folder field, when a folder does not exist', async () => {
    const started = await rig.ok('startFindCopies', { id, dirs: [join(root, 'nope')] });
    const job = await finished(started.jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'BAD_INPUT', field: 'dir' });
    expect(job.error?.message).toMatch(/name an existing folder/);
    const relative = await finished(
      (await rig.ok('startFindCopies', { id, dirs: ['apps'] })).jobId,
    );
    expect(relative).toMatchObject({ state: 'failed', error: { field: 'dir' } });
  });

  it('is cancelled when asked before it has read the folders, and forgets an unknown job', async () => {
    // Cancelled in the same turn as the start: the job has not got past reading the store.
    const started = await rig.handlers.startFindCopies({ id, dirs: [root] });
    const cancelling = await rig.handlers.cancelFindCopies({ jobId: started.jobId });
    expect(cancelling.jobId).toBe(started.jobId);
    const job = await finished(started.jobId);
    expect(job).toMatchObject({ state: 'cancelled', read: 0, limitHit: 'cancelled' });
    expect(await rig.ok('cancelFindCopies', { jobId: job.jobId })).toEqual(job);
    expect(await rig.fail('getFindCopies', { jobId: 'no-such-job' })).toMatchObject({
      code: 'BAD_INPUT',
    });
  });

  it('forgetting a location writes a location-forgotten event; nothing holds a secret', async () => {
    const left = await rig.ok('forgetLocation', { id, path: join(nested, '.env') });
    expect(left).toEqual([]);
    expect(await events('location-forgotten')).toMatchObject([
      { outcome: 'ok', detail: { file: join(nested, '.env'), forgotten: 1 } },
    ]);
    const audit = readFileSync(rig.core.audit.path, 'utf8');
    for (const s of rig.secrets()) expect(audit).not.toContain(s);
  });
});
