// Issue 9, defects 6, 9, 10, 11 and 14 (CLI parts): what the CLI prints from user input never
// carries raw control characters; labels starting with "-" are refused; `run` reports the
// signal's own exit code and refuses variables the command needs; `audit` reports torn lines;
// an update with nothing to change is refused.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { addAccountCli, newCliEnv, runCli, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe.skipIf(!hasTestKeyring)('CLI hardening: terminal, labels, run, audit', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  const auditPath = () => join(env.dataDir, 'audit.jsonl');

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    env = newCliEnv('cli-hard');
    await addAccountCli(env, 'sb', sandbox.url, sandbox.bootstrapKey as string);
    const gen = ['key', 'generate', '--account', 'sb', '--label', 'k1', '--env', 'staging'];
    expect((await runCli(env, gen)).code).toBe(0);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('escapes control characters it echoes from arguments (label, --account, run command)', async () => {
    const evil = '\u001b[2Jx\u009b1m\r';
    const runs = [
      ['key', 'get', evil],
      ['key', 'get', 'k1', '--account', evil],
      ['run', '--key', 'k1', '--', `no-such-cmd${evil}`],
      ['key', 'get', `--x${evil}`],
    ];
    for (const args of runs) {
      const r = await runCli(env, args, { allowSecret: true });
      expect(r.code, r.stderr).not.toBe(0);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stderr).toContain('\\x1b[2Jx');
    }
  });

  it('prints the secret itself unaltered', async () => {
    const r = await runCli(env, ['key', 'get', 'k1'], { allowSecret: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^avk_[A-Za-z0-9]{40}\n$/);
  });

  it('applies one free-text rule: notes may hold line breaks and tabs, no other control', async () => {
    const bad = await runCli(env, ['key', 'update', 'k1', '--notes', 'a\u001b[2Jb']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/notes must be at most 4000 characters with no control/);
    expect(bad.stderr).not.toMatch(RAW_CONTROL);
    const ok = await runCli(env, ['key', 'update', 'k1', '--notes', 'line one\n\tline two']);
    expect(ok.code, ok.stderr).toBe(0);
    const owner = await runCli(env, ['key', 'update', 'k1', '--owner', 'a\tb']);
    expect(owner.code).toBe(2);
    expect(owner.stderr).toMatch(/owner must be at most 128 characters with no control/);
  });

  it('refuses labels starting with "-", saying how to reach an old one', async () => {
    for (const label of ['--help', '-x']) {
      const r = await runCli(env, [
        'key',
        'generate',
        '--account',
        'sb',
        `--label=${label}`,
        '--env',
        'staging',
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/starts with "-".*apexkeys key get -- /);
    }
    const list = JSON.parse((await runCli(env, ['key', 'list', '--json'])).stdout) as unknown[];
    expect(list).toHaveLength(1);
  });

  it('keeps a key stored earlier under a "-" label usable after "--"', async () => {
    const gen = ['key', 'generate', '--account', 'sb', '--label', 'old-dash', '--env', 'dev'];
    expect((await runCli(env, gen)).code).toBe(0);
    // A store written before the rule: the label is put there by hand.
    const storePath = join(env.dataDir, 'apexkeys.json');
    const store = readFileSync(storePath, 'utf8');
    writeFileSync(storePath, store.replace('"label": "old-dash"', '"label": "-x"'));
    const r = await runCli(env, ['key', 'get', '--', '-x'], { allowSecret: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^avk_[A-Za-z0-9]{40}\n$/);
  });

  it("exits with 128 + the signal's number when the command is killed by a signal", async () => {
    for (const [sig, code] of [
      ['SEGV', 139],
      ['QUIT', 131],
      ['ABRT', 134],
      ['TERM', 143],
    ] as const) {
      const r = await runCli(env, ['run', '--key', 'k1', '--', 'sh', '-c', `kill -${sig} $$`]);
      expect(r.code, `${sig}: ${r.stderr}`).toBe(code);
    }
  });

  it('refuses a --var the command needs to start (PATH, loader variables)', async () => {
    for (const name of ['PATH', 'LD_PRELOAD', 'DYLD_INSERT_LIBRARIES', 'NODE_OPTIONS']) {
      const r = await runCli(env, ['run', '--key', 'k1', '--var', name, '--', 'env']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${name} cannot hold the key`));
      expect(r.stdout).toBe('');
    }
  });

  it('refuses an update with nothing to change', async () => {
    const r = await runCli(env, ['key', 'update', 'k1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to change/i);
  });

  it('reports a torn audit line on stderr and keeps --json on stdout as it was', async () => {
    const before = readFileSync(auditPath(), 'utf8').split('\n').filter(Boolean).length;
    appendFileSync(auditPath(), '{"at":"2026-12-01T00:00:00.000Z","act');
    expect((await runCli(env, ['key', 'update', 'k1', '--owner', 'ops'])).code).toBe(0);
    expect((await runCli(env, ['key', 'update', 'k1', '--owner', 'dev'])).code).toBe(0);
    const r = await runCli(env, ['audit', '--json']);
    expect(r.code).toBe(0);
    const events = JSON.parse(r.stdout) as Array<{ action: string; detail?: unknown }>;
    expect(events).toHaveLength(before + 2);
    expect(events.slice(-2).map((e) => e.action)).toEqual(['updated', 'updated']);
    expect(r.stderr.trim().split('\n')).toEqual([
      `apexkeys: warning: 1 line of audit.jsonl could not be read (line ${before + 1}); every other event is shown.`,
    ]);
    const table = await runCli(env, ['audit', '--key', 'k1']);
    expect(table.stderr).toMatch(/1 line of audit\.jsonl could not be read/);
  });
});
