// apexkeys key locations / forget-location (issue 12, item 1): `key env` records where it wrote
// the key, and --check reads each file now. Real keyring, sandbox over HTTP, temp folders.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

if (!hasTestKeyring) console.log(`cli-locations: ${keyringSkipReason}`);

type Row = { path: string; variable: string; state?: string; recordedAt: string };

describe.skipIf(!hasTestKeyring)('apexkeys key locations', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  const dir = makeTempDir('locations');
  const a = join(dir, 'a.env');
  const b = join(dir, 'b.env');
  const cli = (args: string[]) => runCli(env, args);
  const rows = async (check: boolean) => {
    const r = await cli(['key', 'locations', 'web', '--json', ...(check ? ['--check'] : [])]);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as Row[]).sort((x, y) => x.path.localeCompare(y.path));
  };

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
    env = newCliEnv('cli-locations');
    expect(await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string)).toBe(
      'api',
    );
    expect(
      (await cli(['key', 'generate', '--account', 'acme', '--label', 'web', '--env', 'production']))
        .code,
    ).toBe(0);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('key env into two files records two locations, without state until --check', async () => {
    expect((await cli(['key', 'env', 'web', '--file', a])).code).toBe(0);
    expect((await cli(['key', 'env', 'web', '--file', b, '--var', 'API_KEY'])).code).toBe(0);
    // Writing the same place again keeps one location.
    expect((await cli(['key', 'env', 'web', '--file', a])).code).toBe(0);
    const list = await rows(false);
    expect(list.map((l) => [l.path, l.variable, l.state])).toEqual([
      [a, 'APEXVERIFY_API_KEY', undefined],
      [b, 'API_KEY', undefined],
    ]);
  });

  it('--check says holds, then holds another value after an edit, then file missing', async () => {
    expect((await rows(true)).map((l) => l.state)).toEqual(['holds', 'holds']);
    writeFileSync(a, 'APEXVERIFY_API_KEY=edited-by-hand\n');
    expect((await rows(true)).map((l) => l.state)).toEqual(['other-value', 'holds']);
    rmSync(b);
    expect((await rows(true)).map((l) => l.state)).toEqual(['other-value', 'file-missing']);
    const text = await cli(['key', 'locations', 'web', '--check']);
    expect(text.stdout).toMatch(/a\.env\s+APEXVERIFY_API_KEY\s+holds another value/);
    expect(text.stdout).toMatch(/b\.env\s+API_KEY\s+file missing/);
    expect(text.stdout + text.stderr).not.toMatch(SECRET_PATTERN);
  });

  it('forget-location drops a file; an unknown one is refused (exit 2)', async () => {
    const r = await cli(['key', 'forget-location', 'web', '--file', b]);
    expect(r.code, r.stderr).toBe(0);
    expect((await rows(false)).map((l) => l.path)).toEqual([a]);
    const again = await cli(['key', 'forget-location', 'web', '--file', b]);
    expect(again.code).toBe(2); // malformed input, as the other commands' bad arguments
    expect(again.stderr).toMatch(/no known location/);
    // One event, for the file that was forgotten; the refused one changed nothing.
    expect(auditDetails(env, 'location-forgotten')).toEqual([{ file: b, forgotten: 1 }]);
  });

  it('keeps no secret in the store, the audit or any output', async () => {
    expect(readFileSync(join(env.dataDir, 'apexkeys.json'), 'utf8')).not.toMatch(SECRET_PATTERN);
    expect(readFileSync(join(env.dataDir, 'audit.jsonl'), 'utf8')).not.toMatch(SECRET_PATTERN);
  });
});
