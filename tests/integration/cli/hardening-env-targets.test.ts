// Issue 9, defects 2 and 13: the .env writers (key env, rotate deployed --env-file) refuse every
// target among the app's own files, however the path reaches them, and refuse malformed paths
// as usage errors; nothing is written either way.
import { existsSync, linkSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import {
  addAccountCli,
  newCliEnv,
  runCli,
  SECRET_PATTERN,
  type CliEnv,
} from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

describe.skipIf(!hasTestKeyring)('.env writers never write into the data folder', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  let outside: string;
  const dataFiles = () =>
    Object.fromEntries(
      readdirSync(env.dataDir)
        .filter((n) => !n.endsWith('.lock'))
        .map((n) => [n, readFileSync(join(env.dataDir, n), 'utf8')]),
    );

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    env = newCliEnv('cli-envtgt');
    outside = makeTempDir('cli-envtgt-out');
    await addAccountCli(env, 'sb', sandbox.url, sandbox.bootstrapKey as string);
    const gen = ['key', 'generate', '--account', 'sb', '--label', 'k1', '--env', 'staging'];
    expect((await runCli(env, gen)).code).toBe(0);
    // A second command writes the last-good copy, so every data file exists.
    expect((await runCli(env, ['key', 'update', 'k1', '--owner', 'ops'])).code).toBe(0);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const expectRefused = async (args: string[], code: number, pattern: RegExp) => {
    const before = dataFiles();
    const r = await runCli(env, args);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(SECRET_PATTERN);
    expect(r.stdout).toBe('');
    // Nothing was written: every file of the store is as it was (the audit may gain a "failed").
    const after = dataFiles();
    for (const [name, text] of Object.entries(before))
      if (!name.startsWith('audit')) expect(after[name], name).toBe(text);
    for (const text of Object.values(after)) expect(text).not.toMatch(SECRET_PATTERN);
    return r;
  };
  const ownFiles = /app's own files or inside its data folder/;

  it('refuses the store, the last-good copy, the audit trail and a new file in the folder', async () => {
    const names = readdirSync(env.dataDir);
    expect(names).toEqual(
      expect.arrayContaining(['apexkeys.json', 'apexkeys.last-good.json', 'audit.jsonl']),
    );
    for (const name of ['apexkeys.json', 'apexkeys.last-good.json', 'audit.jsonl', 'new.env'])
      await expectRefused(['key', 'env', 'k1', '--file', join(env.dataDir, name)], 1, ownFiles);
    expect(existsSync(join(env.dataDir, 'new.env'))).toBe(false);
    // The store was not damaged: the next command reads it, nothing was moved aside.
    expect((await runCli(env, ['key', 'list', '--json'])).code).toBe(0);
    expect(readdirSync(env.dataDir).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('refuses the folder reached through "..", a symbolic link or a hard link', async () => {
    const viaDots = `${outside}/../${basename(env.dataDir)}/apexkeys.json`;
    const linkDir = join(outside, 'data-link');
    symlinkSync(env.dataDir, linkDir);
    const hard = join(outside, 'hard.env');
    linkSync(join(env.dataDir, 'apexkeys.json'), hard);
    for (const file of [viaDots, join(linkDir, 'apexkeys.json'), join(linkDir, '.env'), hard])
      await expectRefused(['key', 'env', 'k1', '--file', file], 1, ownFiles);
  });

  it('still writes a .env file elsewhere', async () => {
    const file = join(outside, 'app.env');
    const r = await runCli(env, ['key', 'env', 'k1', '--file', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^APEXVERIFY_API_KEY=avk_/);
  });

  it('refuses an empty path or one with a control character as a usage error', async () => {
    await expectRefused(['key', 'env', 'k1', '--file', ''], 2, /Give a path/);
    const newline = join(outside, 'a\nb.env');
    await expectRefused(['key', 'env', 'k1', '--file', newline], 2, /control character/);
    await expectRefused(['key', 'env', 'k1', '--file', join(outside, 'x\u001b.env')], 2, /control/);
    expect(readdirSync(outside).filter((n) => n.includes('\n') || n.includes('\u001b'))).toEqual(
      [],
    );
  });

  it('rotate deployed --env-file refuses the same targets and paths', async () => {
    expect((await runCli(env, ['rotate', 'start', 'k1'])).code).toBe(0);
    const deployed = (file: string) => ['rotate', 'deployed', 'k1', '--env-file', file];
    const store = join(env.dataDir, 'apexkeys.json');
    await expectRefused(deployed(store), 1, ownFiles);
    await expectRefused(deployed(join(env.dataDir, 'audit.jsonl')), 1, ownFiles);
    // An empty or missing --env-file never reaches the CLI: Node 20 itself checks every
    // "--env-file X" in argv, script arguments included, and exits 9 ("node: X: not found").
    // The path rule for rotation is tested through the window's handler and in the unit tests.
    // Nothing was confirmed: the run still waits for deployment.
    const status = await runCli(env, ['rotate', 'status', 'k1', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ step: 'deploy' });
  });
});
