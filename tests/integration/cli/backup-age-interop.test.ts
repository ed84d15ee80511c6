// A backup is a plain age file (issue 14, item 6): Debian's age opens it with the passphrase and
// finds the documented JSON, and an age -p file made by hand from a document of that shape
// restores, its key then working against the server. The decrypted JSON holds secrets, so it is
// read and removed at once (the final secret scan reads every file the suite leaves).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../electron/core/fingerprint.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { DEFAULT_SETTINGS } from '../../../shared/schemas.ts';
import { maskedHint } from '../../../shared/input-rules.ts';
import { addAccountCli, newCliEnv, runCli, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring, keyringSkipReason } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';
import {
  ageSkipReason,
  ageWithPassphrase,
  expectNoSecret,
  expectQuiet,
  keychainEntries,
  PASSPHRASE,
  readStore,
} from './backup-support.ts';

const skip = !hasTestKeyring ? keyringSkipReason : ageSkipReason;

/** Reads the JSON age wrote and removes the file before anything can fail. */
function takeJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } finally {
    rmSync(file, { force: true });
  }
}

describe.skipIf(skip !== null)(`backups and Debian's age${skip ? ` (${skip})` : ''}`, () => {
  let sandbox: Sandbox;
  let lead: CliEnv;
  const files = makeTempDir('cli-backup-age');
  const seen = new Set<string>();

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
    seen.add(sandbox.bootstrapKey as string);
    lead = newCliEnv('cli-backup-age');
    await addAccountCli(lead, 'acme', sandbox.url, sandbox.bootstrapKey as string);
    const g = ['key', 'generate', '--account', 'acme', '--label', 'dev-a', '--env', 'staging'];
    const r = await runCli(lead, g);
    expect(r.code, r.stderr).toBe(0);
    for (const s of (await keychainEntries(lead.service)).values()) seen.add(s);
    expectQuiet(r, seen);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('age -d opens a backup with the passphrase and finds the documented JSON', async () => {
    const backup = join(files, 'lead.age');
    const r = await runCli(lead, ['backup', '--file', backup], { input: PASSPHRASE });
    expect(r.code, r.stderr).toBe(0);
    expectQuiet(r, seen);
    const out = join(files, 'lead.json');
    const age = await ageWithPassphrase(['-d', '-o', out, backup], PASSPHRASE);
    const doc = takeJson(out);
    expect(age.code, age.output).toBe(0);
    expectNoSecret(age.output, seen);
    const store = readStore(lead.dataDir);
    expect(doc).toMatchObject({
      format: 'apexkeys-backup',
      version: 1,
      accounts: store.accounts,
      keys: store.keys,
      rotations: [],
      settings: store.settings,
    });
    const entries = await keychainEntries(lead.service);
    const account = store.accounts[0];
    const key = store.keys[0];
    expect(doc.secrets).toEqual({
      accountKeys: { [account?.id ?? '']: entries.get(`account:${account?.id ?? ''}`) },
      keys: { [key?.id ?? '']: entries.get(key?.id ?? '') },
    });
  });

  it('restores an age -p file made from a hand-written document of that shape', async () => {
    const issued = sandbox.issueKey('ci-bot');
    seen.add(issued.key);
    const accountKey = sandbox.bootstrapKey as string;
    const at = '2026-01-15T09:30:00.000Z';
    const doc = {
      format: 'apexkeys-backup',
      version: 1,
      createdAt: at,
      accounts: [
        {
          id: 'acc_handmade',
          name: 'team',
          baseUrl: sandbox.url,
          dashboardUrl: 'https://app.apexverify.com',
          mode: 'api',
          keyFingerprint: fingerprint(accountKey),
          createdAt: at,
          lastSyncAt: null,
          keyRemoteId: null,
        },
      ],
      keys: [
        {
          id: 'key_handmade',
          accountId: 'acc_handmade',
          remoteId: issued.id,
          label: 'ci-bot',
          environment: 'ci',
          service: 'pipeline',
          owner: 'ops',
          notes: 'made by hand',
          createdAt: at,
          lastUsedAt: null,
          lastVerification: null,
          status: 'active',
          rotationPeriodDays: null,
          fingerprint: fingerprint(issued.key),
          hint: maskedHint(issued.key),
          revokedAt: null,
        },
      ],
      rotations: [],
      settings: { ...DEFAULT_SETTINGS, rotationDays: { production: 90, ci: 7 } },
      secrets: {
        accountKeys: { acc_handmade: accountKey },
        keys: { key_handmade: issued.key },
      },
    };
    const plain = join(files, 'handmade.json');
    const encrypted = join(files, 'handmade.age');
    const otherPassphrase = 'another long passphrase for age';
    writeFileSync(plain, JSON.stringify(doc), { mode: 0o600 });
    let age: { code: number; output: string };
    try {
      age = await ageWithPassphrase(['-p', '-o', encrypted, plain], otherPassphrase);
    } finally {
      rmSync(plain, { force: true });
    }
    expect(age.code, age.output).toBe(0);
    expectNoSecret(age.output, seen);
    expectNoSecret(readFileSync(encrypted).toString('latin1'), seen);

    const john = newCliEnv('cli-backup-age-john');
    const r = await runCli(john, ['restore', '--file', encrypted], { input: otherPassphrase });
    expect(r.code, r.stderr).toBe(0);
    expectQuiet(r, seen);
    expect(r.stdout).toMatch(/keys: 1 added, 0 updated, 0 skipped/);
    expect(r.stdout).toMatch(/settings taken from the backup: rotationDays\.ci/);
    const entries = await keychainEntries(john.service);
    expect(entries.get('key_handmade')).toBe(issued.key);
    expect(entries.get('account:acc_handmade')).toBe(accountKey);
    const verify = await runCli(john, ['key', 'verify', 'ci-bot']);
    expect(verify.code, verify.stderr).toBe(0);
    expectQuiet(verify, seen);
  });
});
