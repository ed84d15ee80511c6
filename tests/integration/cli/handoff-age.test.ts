// Interoperability with Debian's reference `age` (issue 14, item 6), both ways: a share file the
// app writes opens with `age -d -i` and the exported identity and holds the documented JSON; a
// document of that shape encrypted by `age -r` (binary or -a) is received. The decrypted JSON only
// ever lives in memory here (piped to and from age), so no file the tests write holds a secret.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../electron/core/fingerprint.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { snapshotDir } from '../../helpers/app.ts';
import { SECRET_PATTERN, newCliEnv } from '../../helpers/cli.ts';
import { joinSandbox, recipientOf, secretFreeCli } from '../../helpers/cli-team.ts';
import { hasTestKeyring, keyringSkipReason, secretToolAccounts } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

const hasAge = spawnSync('age', ['--version']).status === 0;
if (!hasTestKeyring) console.log(`cli-handoff-age: ${keyringSkipReason}`);
if (!hasAge) console.log('cli-handoff-age: skipped: no age binary (apt-get install age)');

describe.skipIf(!hasTestKeyring || !hasAge)('share files and Debian age', () => {
  let sandbox: Sandbox;
  const lead = newCliEnv('age-lead');
  const john = newCliEnv('age-john');
  const files = makeTempDir('age-files');
  let johnRecipient = '';
  const secrets: string[] = [];

  const { run } = secretFreeCli(secrets);
  const age = (args: string[], input?: Buffer | string) => {
    const r = spawnSync('age', args, input === undefined ? {} : { input });
    expect(r.status, String(r.stderr)).toBe(0);
    return r.stdout;
  };
  /** A document of the README's shape for a key the sandbox issued (as its dashboard would). */
  const documentFor = (label: string, version = 1) => {
    const { id, key: secret } = sandbox.issueKey(label);
    secrets.push(secret);
    const json = JSON.stringify({
      format: 'apexkeys-share',
      version,
      key: {
        secret,
        label,
        account: { name: 'acme', baseUrl: sandbox.url },
        environment: 'staging',
        service: 'etl',
        owner: 'John',
        notes: 'made by hand',
        createdAt: '2026-01-02T03:04:05.000Z',
        fingerprint: fingerprint(secret),
      },
      sharedAt: '2026-01-03T00:00:00.000Z',
    });
    return { id, json };
  };
  const state = () => ({
    files: snapshotDir(john.dataDir),
    keychain: secretToolAccounts(john.service).sort(),
  });

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    secrets.push(sandbox.bootstrapKey as string);
    await joinSandbox(sandbox, [
      [lead, 'acme'],
      [john, 'team'],
    ]);
    johnRecipient = await recipientOf(john);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('age -d -i with the exported identity opens a share file: the documented JSON', async () => {
    const gen = await run(
      lead,
      ['key', 'generate', '--account', 'acme', '--label', 'interop'].concat([
        '--env',
        'production',
        '--service',
        'api',
        '--owner',
        'John',
        '--json',
      ]),
    );
    expect(gen.code, gen.stderr).toBe(0);
    const key = JSON.parse(gen.stdout) as { createdAt: string; fingerprint: string };
    const share = join(files, 'interop.age');
    expect(
      (await run(lead, ['key', 'share', 'interop', '--to', johnRecipient, '--file', share])).code,
    ).toBe(0);

    const idFile = join(files, 'john-identity.txt');
    const exported = await run(john, ['identity', 'export', '--file', idFile]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('warning:');
    expect(statSync(idFile).mode & 0o777).toBe(0o600);
    const again = await run(john, ['identity', 'export', '--file', idFile]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');

    const doc = JSON.parse(String(age(['-d', '-i', idFile, share]))) as Record<string, unknown>;
    const secret = (doc.key as { secret: string }).secret;
    secrets.push(secret);
    expect(doc).toEqual({
      format: 'apexkeys-share',
      version: 1,
      key: {
        secret: expect.stringMatching(SECRET_PATTERN),
        label: 'interop',
        account: { name: 'acme', baseUrl: sandbox.url },
        environment: 'production',
        service: 'api',
        owner: 'John',
        notes: '',
        createdAt: key.createdAt,
        fingerprint: key.fingerprint,
      },
      sharedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(fingerprint(secret)).toBe(key.fingerprint);
    expect(readFileSync(share, 'latin1')).not.toContain(secret);
  });

  it('receives files made by age -r, binary and armored, keeping their details', async () => {
    for (const [label, flags] of [
      ['from-age-binary', []],
      ['from-age-armored', ['-a']],
    ] as const) {
      const file = join(files, `${label}.age`);
      writeFileSync(file, age([...flags, '-r', johnRecipient], documentFor(label).json));
      const r = await run(john, ['key', 'receive', '--file', file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        label,
        account: 'team',
        environment: 'staging',
        service: 'etl',
        owner: 'John',
        notes: 'made by hand',
      });
    }
  });

  it('refuses, storing nothing, a key the server rejects (401) and a document of another version', async () => {
    // The document's own key revoked on the server (as the lead would have) before John receives it.
    const revoked = documentFor('revoked-one');
    expect(sandbox.revokeKey(revoked.id)).toBe(true);

    const before = state();
    const rejected = join(files, 'rejected.age');
    writeFileSync(rejected, age(['-r', johnRecipient], revoked.json));
    const r = await run(john, ['key', 'receive', '--file', rejected]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rejected this key (401)');
    const future = join(files, 'future.age');
    writeFileSync(future, age(['-a', '-r', johnRecipient], documentFor('future', 2).json));
    const r2 = await run(john, ['key', 'receive', '--file', future]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('This share document is version 2; this app reads version 1');
    expect(state()).toEqual(before);
  });
});
