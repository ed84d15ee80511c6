// apexkeys key env --private: a file other users can read ends 0600 holding the key, and the
// command says so (no readable-by-others warning). Real keyring, sandbox over HTTP.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { addAccountCli, newCliEnv, runCli, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring, keyringSkipReason } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

if (!hasTestKeyring) console.log(`cli-env-private: ${keyringSkipReason}`);

describe.skipIf(!hasTestKeyring)('apexkeys key env --private', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  const cli = (args: string[]) => runCli(env, args);

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
    env = newCliEnv('cli-env-private');
    expect(await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string)).toBe(
      'api',
    );
    const gen = ['key', 'generate', '--account', 'acme', '--label', 'web', '--env', 'staging'];
    expect((await cli(gen)).code).toBe(0);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('writes the key and leaves a readable file 0600', async () => {
    const file = join(makeTempDir('cli-env-private'), '.env');
    writeFileSync(file, 'OTHER=kept\n', { mode: 0o644 });
    const r = await cli(['key', 'env', 'web', '--file', file, '--private']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('the file is private (mode 600)');
    expect(r.stderr).not.toContain('readable by other users');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = (await runCli(env, ['key', 'get', 'web'], { allowSecret: true })).stdout.trim();
    expect(readFileSync(file, 'utf8') === `OTHER=kept\nAPEXVERIFY_API_KEY=${secret}\n`).toBe(true);
  });
});
