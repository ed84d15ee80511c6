// apexkeys key scan (issue 12, item 2): finds a nested copy of the key and records it as a
// location; skips node_modules, .git, a symlink out of the folder, a 2 MiB file and a binary
// file, and says how many. Real keyring, sandbox over HTTP, temp folders.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import {
  addAccountCli,
  auditDetails,
  newCliEnv,
  runCli,
  SECRET_PATTERN,
  type CliEnv,
} from '../../helpers/cli.ts';
import { hasTestKeyring, keyringSkipReason } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

if (!hasTestKeyring) console.log(`cli-key-scan: ${keyringSkipReason}`);

describe.skipIf(!hasTestKeyring)('apexkeys key scan', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  const root = makeTempDir('key-scan');
  const outside = makeTempDir('key-scan-outside');
  const nested = join(root, 'apps', 'shop', 'config');
  const cli = (args: string[]) => runCli(env, args);

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
    env = newCliEnv('cli-key-scan');
    expect(await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string)).toBe(
      'api',
    );
    const gen = await cli([
      'key',
      'generate',
      '--account',
      'acme',
      '--label',
      'web',
      '--env',
      'production',
    ]);
    expect(gen.code, gen.stderr).toBe(0);
    const secret = (await runCli(env, ['key', 'get', 'web'], { allowSecret: true })).stdout.trim();
    mkdirSync(nested, { recursive: true });
    // Named as the final secret scan expects a key (.env*); the YAML and JSON forms have unit tests.
    writeFileSync(join(nested, '.env.local'), `# shop\nexport SHOP_KEY="${secret}"\n`);
    writeFileSync(join(root, 'README.md'), 'nothing to see\n');
    for (const skipped of ['node_modules/pkg', '.git'])
      mkdirSync(join(root, skipped), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'pkg', '.env'), `APEXVERIFY_API_KEY=${secret}\n`);
    writeFileSync(join(root, '.git', 'leak.env'), `KEY=${secret}\n`);
    writeFileSync(join(outside, 'secret.env'), `APEXVERIFY_API_KEY=${secret}\n`);
    symlinkSync(outside, join(root, 'linked-out'));
    writeFileSync(
      join(root, 'big.env'),
      `APEXVERIFY_API_KEY=${secret}\n${'#'.repeat(2 * 1024 * 1024)}\n`,
    );
    writeFileSync(
      join(root, 'blob.env'),
      Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(secret)]),
    );
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('finds the nested copy, records it, and reports what it read and skipped', async () => {
    const r = await cli(['key', 'scan', 'web', '--dir', root, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      hits: Array<{ path: string; variables: string[] }>;
      read: number;
      skipped: Record<string, number>;
      limitHit: string | null;
      added: number;
    };
    expect(out.hits).toEqual([{ path: join(nested, '.env.local'), variables: ['SHOP_KEY'] }]);
    expect(out.read).toBe(2); // .env.local and README.md
    expect(out.skipped).toEqual({
      ignoredDirs: 2,
      tooLarge: 1,
      binary: 1,
      symlinks: 1,
      unreadable: 0,
    });
    expect(out.limitHit).toBeNull();
    expect(out.added).toBe(1);
    const loc = await cli(['key', 'locations', 'web', '--check', '--json']);
    expect(JSON.parse(loc.stdout)).toMatchObject([
      { path: join(nested, '.env.local'), variable: 'SHOP_KEY', state: 'holds' },
    ]);
    const text = await cli(['key', 'scan', 'web', '--dir', root]);
    expect(text.stderr).toMatch(
      /Read 2 file\(s\); skipped 2 node_modules\/\.git folder\(s\), 1 file\(s\) over 1 MiB, 1 binary file\(s\), 1 link\(s\) out of the folder/,
    );
    expect(r.stdout + r.stderr + text.stdout + text.stderr).not.toMatch(SECRET_PATTERN);
    // One 'located' event for the new location; the second scan found nothing new.
    expect(auditDetails(env, 'located')).toEqual([
      { file: join(nested, '.env.local'), variable: 'SHOP_KEY' },
    ]);
  });

  it('a missing folder is refused as bad input, and no secret reaches the store or the audit', async () => {
    const r = await cli(['key', 'scan', 'web', '--dir', join(root, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/name an existing folder/);
    expect(readFileSync(join(env.dataDir, 'apexkeys.json'), 'utf8')).not.toMatch(SECRET_PATTERN);
    expect(readFileSync(join(env.dataDir, 'audit.jsonl'), 'utf8')).not.toMatch(SECRET_PATTERN);
  });
});
