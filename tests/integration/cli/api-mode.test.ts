// The CLI as a user drives it, against the sandbox over HTTP (API mode) and the real keyring.
// Every command here runs the built CLI as a process of its own, as an installed apexkeys does
// (the other CLI suites mostly run the same invocations in-process: tests/helpers/cli.ts).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { newCliEnv, runCli, spawnEveryCliRun, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring, keyringSkipReason, secretToolAccounts } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

if (!hasTestKeyring) console.log(`cli-api-mode: ${keyringSkipReason}`);

spawnEveryCliRun();

const sha12 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);

describe.skipIf(!hasTestKeyring)('apexkeys in API mode', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  const secrets: string[] = [];
  let generatedId = '';
  let generatedSecret = '';
  const allSecrets = () => [...secrets, generatedSecret];

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    env = newCliEnv('cli-api');
    secrets.push(sandbox.bootstrapKey as string);
    const r = await runCli(env, ['account', 'add', '--name', 'acme', '--base-url', sandbox.url], {
      input: `${sandbox.bootstrapKey}\n`,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('api');
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const json = <T>(s: string): T => JSON.parse(s) as T;

  it('lists the account with its mode', async () => {
    const r = await runCli(env, ['account', 'list', '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toEqual([
      expect.objectContaining({ name: 'acme', baseUrl: sandbox.url, mode: 'api' }),
    ]);
  });

  it('generates a key: record without secret, secret in the keyring (seen by secret-tool)', async () => {
    const r = await runCli(env, [
      'key',
      'generate',
      '--account',
      'acme',
      '--label',
      'production-api',
      '--env',
      'production',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const rec = json<Record<string, unknown>>(r.stdout);
    expect(rec).toMatchObject({
      account: 'acme',
      label: 'production-api',
      environment: 'production',
      status: 'active',
    });
    expect(rec.remoteId).toMatch(/^key_/);
    expect(rec.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(r.stdout).not.toMatch(/avk_[A-Za-z0-9]{40}/);
    expect(secretToolAccounts(env.service)).toContain(rec.id);
    generatedId = rec.id as string;
    const got = await runCli(env, ['key', 'get', 'production-api'], { allowSecret: true });
    generatedSecret = got.stdout.trim();
    expect(generatedSecret).toMatch(/^avk_/);
    // Production keys are due for rotation 90 days after creation.
    const due = Date.parse(rec.rotationDueAt as string) - Date.parse(rec.createdAt as string);
    expect(due).toBe(90 * 24 * 3600 * 1000);
  });

  it('imports a pasted key, then lists both keys with the documented fields', async () => {
    const issued = sandbox.issueKey('staging-etl');
    secrets.push(issued.key);
    const r = await runCli(
      env,
      [
        'key',
        'import',
        '--account',
        'acme',
        '--label',
        'staging-etl',
        '--env',
        'staging',
        '--owner',
        'ops',
      ],
      { input: `${issued.key}\n` },
    );
    expect(r.code).toBe(0);
    const list = await runCli(env, ['key', 'list', '--json']);
    const keys = json<Array<Record<string, unknown>>>(list.stdout);
    expect(keys.map((k) => k.label).sort()).toEqual(['production-api', 'staging-etl']);
    for (const k of keys)
      for (const field of [
        'id',
        'account',
        'label',
        'environment',
        'status',
        'createdAt',
        'lastUsedAt',
        'rotationDueAt',
        'fingerprint',
      ])
        expect(k).toHaveProperty(field);
    const staging = keys.find((k) => k.label === 'staging-etl');
    expect(staging).toMatchObject({
      remoteId: issued.id,
      fingerprint: sha12(issued.key),
      rotationDueAt: null,
    });
    const text = await runCli(env, ['key', 'list']);
    expect(text.stdout).toMatch(/LABEL\s+ENV\s+STATUS/);
    expect(text.stdout).toContain('staging-etl');
  });

  it('verifies one key: ok with the credits exactly as sent, and last-used from the server', async () => {
    const r = await runCli(env, ['key', 'verify', 'staging-etl', '--json']);
    expect(r.code).toBe(0);
    const v = json<Record<string, unknown>>(r.stdout);
    expect(v).toMatchObject({ status: 'ok', credits: { email: 1000, phone: 500 } });
    expect(Date.parse(v.checkedAt as string)).not.toBeNaN();
    const keys = json<Array<Record<string, unknown>>>(
      (await runCli(env, ['key', 'list', '--json'])).stdout,
    );
    const staging = keys.find((k) => k.label === 'staging-etl');
    expect(staging?.lastUsedAt).toEqual(expect.any(String));
    expect(staging?.lastVerification).toMatchObject({
      outcome: 'ok',
      credits: { email: 1000, phone: 500 },
    });
  });

  it('verifies all keys with progress on stderr', async () => {
    const r = await runCli(env, ['key', 'verify', '--all', '--json', '--rate-share', '0.5']);
    expect(r.code).toBe(0);
    const all = json<Array<Record<string, unknown>>>(r.stdout);
    expect(all).toHaveLength(2);
    for (const v of all)
      expect(v).toMatchObject({
        status: 'ok',
        label: expect.any(String),
        checkedAt: expect.any(String),
      });
    expect(r.stderr).toMatch(/\[1\/2\]/);
    expect(r.stderr).toMatch(/\[2\/2\]/);
  });

  it('prints the secret with key get, and nothing else', async () => {
    const r = await runCli(env, ['key', 'get', 'staging-etl'], { allowSecret: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${secrets[1]}\n`);
  });

  it('writes the key into a .env file: new file 0600, then only the variable line changes, with a backup', async () => {
    const dir = makeTempDir('envfile');
    const file = join(dir, '.env');
    let r = await runCli(env, ['key', 'env', 'staging-etl', '--file', file]);
    expect(r.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(`APEXVERIFY_API_KEY=${secrets[1]}\n`);

    writeFileSync(file, '# comment\nOTHER=1\nexport ETL_KEY=old-value\n\nLAST=x\n');
    r = await runCli(env, ['key', 'env', 'staging-etl', '--file', file, '--var', 'ETL_KEY']);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      `# comment\nOTHER=1\nexport ETL_KEY=${secrets[1]}\n\nLAST=x\n`,
    );
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(
      '# comment\nOTHER=1\nexport ETL_KEY=old-value\n\nLAST=x\n',
    );
    expect(r.stderr).not.toContain('tracked by git');
    expect(r.stderr).not.toContain('readable by other users');
    chmodSync(file, 0o644);
    r = await runCli(env, ['key', 'env', 'staging-etl', '--file', file, '--var', 'ETL_KEY']);
    expect(r.stderr).toMatch(/warning: .* is readable by other users \(mode 644\)/);
    expect(r.stdout + r.stderr).not.toContain(secrets[1] as string);
  });

  it('warns when the .env file is tracked by git', async () => {
    const dir = makeTempDir('env-git');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    writeFileSync(join(dir, '.env'), 'A=1\n');
    execFileSync('git', ['add', '.env'], { cwd: dir });
    const r = await runCli(env, ['key', 'env', 'staging-etl', '--file', join(dir, '.env')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*\.env is tracked by git/);
  });

  it('takes --data-dir and --keychain-service over the environment variables', async () => {
    const decoy = newCliEnv('cli-decoy');
    const r = await runCli(
      decoy,
      ['--data-dir', env.dataDir, '--keychain-service', env.service, 'key', 'get', 'staging-etl'],
      { allowSecret: true },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${secrets[1]}\n`);
    const wrongService = await runCli(decoy, [
      '--data-dir',
      env.dataDir,
      'key',
      'get',
      'staging-etl',
    ]);
    expect(wrongService.code).toBe(1);
    expect(wrongService.stdout).toBe('');
  });

  it('runs a command with the key in its environment and passes its exit code through', async () => {
    const r = await runCli(env, [
      'run',
      '--key',
      'staging-etl',
      '--',
      'sh',
      '-c',
      'printf %s "$APEXVERIFY_API_KEY" | sha256sum; exit 7',
    ]);
    expect(r.code).toBe(7);
    expect(r.stdout.slice(0, 12)).toBe(sha12(secrets[1] as string));
    const custom = await runCli(env, [
      'run',
      '--key',
      'staging-etl',
      '--var',
      'MY_KEY',
      '--',
      'sh',
      '-c',
      'test -n "$MY_KEY"',
    ]);
    expect(custom.code).toBe(0);
  });

  it('disables a key (it gets 401) and enables it again', async () => {
    let r = await runCli(env, ['key', 'disable', 'staging-etl']);
    expect(r.code).toBe(0);
    const v = await runCli(env, ['key', 'verify', 'staging-etl', '--json']);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/^apexkeys: staging-etl: rejected \(401\)/);
    expect(json<Record<string, unknown>>(v.stdout)).toMatchObject({ status: 'unauthorized' });
    const listed = json<Array<Record<string, unknown>>>(
      (await runCli(env, ['key', 'list', '--json'])).stdout,
    );
    expect(listed.find((k) => k.label === 'staging-etl')?.status).toBe('disabled');
    r = await runCli(env, ['key', 'enable', 'staging-etl']);
    expect(r.code).toBe(0);
    expect(
      json<Record<string, unknown>>(
        (await runCli(env, ['key', 'verify', 'staging-etl', '--json'])).stdout,
      ),
    ).toMatchObject({ status: 'ok' });
  });

  it('refuses to revoke without the exact label, then revokes, proves 401 and removes the secret', async () => {
    const before = json<Array<Record<string, unknown>>>(
      (await runCli(env, ['key', 'list', '--json'])).stdout,
    );
    const id = before.find((k) => k.label === 'staging-etl')?.id as string;
    let r = await runCli(env, ['key', 'revoke', 'staging-etl', '--confirm', 'staging-et']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^apexkeys: Type the key's label exactly/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(secretToolAccounts(env.service)).toContain(id);

    r = await runCli(env, ['key', 'revoke', 'staging-etl', '--confirm', 'staging-etl']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/answered 401/);
    expect(secretToolAccounts(env.service)).not.toContain(id);
    const res = await fetch(`${sandbox.url}/v1/account/credits`, {
      headers: { 'X-Api-Key': secrets[1] as string },
    });
    expect(res.status).toBe(401);
    const after = json<Array<Record<string, unknown>>>(
      (await runCli(env, ['key', 'list', '--all', '--json'])).stdout,
    );
    expect(after.find((k) => k.id === id)).toMatchObject({ status: 'revoked' });
    expect((await runCli(env, ['key', 'get', 'staging-etl'])).code).toBe(1);
  });

  it('revokes the generated key: gone from the keyring (secret-tool) and 401 on the server', async () => {
    expect(secretToolAccounts(env.service)).toContain(generatedId);
    const r = await runCli(env, ['key', 'revoke', 'production-api', '--confirm', 'production-api']);
    expect(r.code).toBe(0);
    expect(secretToolAccounts(env.service)).not.toContain(generatedId);
    const res = await fetch(`${sandbox.url}/v1/account/credits`, {
      headers: { 'X-Api-Key': generatedSecret },
    });
    expect(res.status).toBe(401);
  });

  it('keeps an audit trail with fingerprints and no secret', async () => {
    const r = await runCli(env, ['audit', '--json']);
    expect(r.code).toBe(0);
    const events = json<Array<Record<string, unknown>>>(r.stdout);
    const actions = events.map((e) => e.action);
    for (const a of [
      'account-added',
      'generated',
      'imported',
      'verified',
      'revealed',
      'exported',
      'ran',
      'disabled',
      'enabled',
      'revoked',
    ])
      expect(actions).toContain(a);
    for (const s of allSecrets()) expect(r.stdout).not.toContain(s);
    const auditFile = readFileSync(join(env.dataDir, 'audit.jsonl'), 'utf8');
    for (const s of allSecrets()) expect(auditFile).not.toContain(s);
    const one = await runCli(env, ['audit', '--key', 'staging-etl', '--json']);
    const own = json<Array<Record<string, unknown>>>(one.stdout);
    expect(own.length).toBeGreaterThan(3);
    expect(new Set(own.map((e) => e.label))).toEqual(new Set(['staging-etl']));
    const text = await runCli(env, ['audit']);
    expect(text.stdout).toMatch(/revoked/);
  });

  it('keeps the store file private and free of secrets', () => {
    const store = readFileSync(join(env.dataDir, 'apexkeys.json'), 'utf8');
    for (const s of allSecrets()) expect(store).not.toContain(s);
    expect(statSync(join(env.dataDir, 'apexkeys.json')).mode & 0o777).toBe(0o600);
  });
});
