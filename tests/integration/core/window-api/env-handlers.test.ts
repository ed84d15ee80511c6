// The window's .env writing through dispatch, over a real core and sandbox: checkEnvTarget tells
// the warnings before the secret is written (and hands nothing out), then writeKeyToEnv with
// makePrivate leaves the file 0600 holding the key. Relative paths are a problem, not a write.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppRig, type AppRig } from '../../../helpers/app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('checkEnvTarget and writeKeyToEnv in the window', () => {
  let rig: AppRig;
  let id = '';
  const exports = async () =>
    (await rig.core.audit.list({ keyId: id })).filter((e) => e.action === 'exported');
  beforeAll(async () => {
    rig = await startAppRig('app-env-check', { keys: ['web'] });
    id = rig.keyIds[0] as string;
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('warns of a tracked, readable file before any write, then makes it private on request', async () => {
    const dir = makeTempDir('app-env-check');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const file = join(dir, '.env');
    writeFileSync(file, 'OTHER=kept\n');
    chmodSync(file, 0o644);
    execFileSync('git', ['add', '.env'], { cwd: dir });

    expect(await rig.ok('checkEnvTarget', { path: file })).toEqual({
      exists: true,
      gitTracked: true,
      readableByOthers: 0o644,
    });
    // Asking handed nothing out: the file is as it was and no export is audited.
    expect(readFileSync(file, 'utf8')).toBe('OTHER=kept\n');
    expect(await exports()).toEqual([]);

    const r = await rig.ok('writeKeyToEnv', { id, path: file, makePrivate: true });
    expect(r).toMatchObject({
      path: file,
      created: false,
      gitTracked: true,
      readableByOthers: null,
    });
    expect(modeOf(file)).toBe(0o600);
    const secret = rig.core.vault.entries.get(id) as string;
    expect(readFileSync(file, 'utf8') === `OTHER=kept\nAPEXVERIFY_API_KEY=${secret}\n`).toBe(true);
    const [event] = await exports();
    expect(event).toMatchObject({ outcome: 'ok', detail: { file, madePrivate: true } });
    expect(JSON.stringify(event)).not.toContain(secret);
  });

  it('a new file in a plain folder: no warning', async () => {
    const file = join(makeTempDir('app-env-check'), '.env');
    expect(await rig.ok('checkEnvTarget', { path: file })).toEqual({
      exists: false,
      gitTracked: false,
      readableByOthers: null,
    });
    expect(existsSync(file)).toBe(false);
  });

  it("a relative path or a file among the app's own is a problem, answered without a write", async () => {
    const before = (await exports()).length;
    const rel = await rig.ok('checkEnvTarget', { path: '.env.apexkeys-test' });
    expect(rel.problem).toBe(
      'Give the full path of the .env file, not a relative one (".env.apexkeys-test"). Nothing was written.',
    );
    expect(existsSync('.env.apexkeys-test')).toBe(false);
    const own = await rig.ok('checkEnvTarget', {
      path: join(dirname(rig.core.store.path), '.env'),
    });
    expect(own.problem).toMatch(/one of the app's own files or inside its data folder/);
    expect((await rig.fail('writeKeyToEnv', { id, path: '.env' })).code).toBe('BAD_INPUT');
    expect((await exports()).length).toBe(before);
  });
});
