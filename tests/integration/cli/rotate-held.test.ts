// Issue 14 item 2, as users run it: `apexkeys rotate` of a key handed over to John. Two
// installations (data dir and keychain service each) on one sandbox. The lead's deploy step writes
// the new key into a share file for John (--to, --file) instead of any .env file; John receives
// and verifies it; finish revokes the old key, proven by the listing; the lead's keychain holds
// neither secret afterwards (secret-tool), and the list shows the key held by John.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { SECRET_PATTERN, newCliEnv } from '../../helpers/cli.ts';
import { joinSandbox, recipientOf, secretFreeCli } from '../../helpers/cli-team.ts';
import { hasTestKeyring, keyringSkipReason, secretToolAccounts } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

if (!hasTestKeyring) console.log(`cli-rotate-held: ${keyringSkipReason}`);

interface KeyJson {
  id: string;
  label: string;
  status: string;
  custody: string;
  heldBy: string | null;
  fingerprint: string;
}

describe.skipIf(!hasTestKeyring)('apexkeys rotate of a key held by a teammate', () => {
  let sandbox: Sandbox;
  const lead = newCliEnv('rotate-held-lead');
  const john = newCliEnv('rotate-held-john');
  const files = makeTempDir('rotate-held-files');
  let johnRecipient = '';
  let old: KeyJson;

  const { run, ok, keys } = secretFreeCli<KeyJson>();

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
    await joinSandbox(sandbox, [
      [lead, 'acme'],
      [john, 'team'],
    ]);
    johnRecipient = await recipientOf(john);
    const made = await ok(
      lead,
      ['key', 'generate', '--account', 'acme', '--label', 'dev-john'].concat([
        '--env',
        'development',
        '--owner',
        'John',
        '--json',
      ]),
    );
    old = JSON.parse(made.stdout) as KeyJson;
    const first = join(files, 'dev-john.age');
    await ok(lead, [
      'key',
      'share',
      'dev-john',
      '--to',
      johnRecipient,
      '--file',
      first,
      '--handover',
    ]);
    await ok(john, ['key', 'receive', '--file', first]);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('rotates dev-john through a share file to John, and leaves the lead without either secret', async () => {
    await ok(lead, ['rotate', 'start', 'dev-john']);
    const status = JSON.parse((await ok(lead, ['rotate', 'status', 'dev-john', '--json'])).stdout);
    expect(status.held).toMatchObject({ holder: 'John', knownRecipients: [johnRecipient] });
    const newId = status.newKey.id as string;
    expect(secretToolAccounts(lead.service)).toContain(newId);

    // Without a share file, and with a .env file, the deploy step is refused with what to add.
    const bare = await run(lead, ['rotate', 'deployed', 'dev-john']);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/held by John.*share file.*Add --to RECIPIENT/);
    // An existing file: Node 20 itself reads a --env-file argument, even after the script name.
    const envFile = join(files, 'x.env');
    writeFileSync(envFile, 'OTHER=1\n');
    const env = await run(lead, ['rotate', 'deployed', 'dev-john', '--env-file', envFile]);
    expect(env.code, env.stderr + env.stdout).toBe(1);
    expect(env.stderr).toMatch(/writes no \.env file/);
    expect(readFileSync(envFile, 'utf8')).toBe('OTHER=1\n');
    const half = await run(lead, ['rotate', 'deployed', 'dev-john', '--to', johnRecipient]);
    expect(half.code).toBe(2);

    const file = join(files, 'dev-john-new.age');
    const deployed = await ok(
      lead,
      ['rotate', 'deployed', 'dev-john', '--to', johnRecipient, '--file', file].concat([
        '--all-locations',
      ]),
    );
    expect(deployed.stderr).toContain(`Wrote the new key, encrypted to 1 recipient, to ${file}`);
    expect(deployed.stderr).toMatch(/Known locations skipped: .*no copy of its secret/);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n/);

    // John takes the new key (his old one keeps the label) and checks it with the server.
    await ok(john, ['key', 'receive', '--file', file, '--label', 'dev-john-new']);
    expect((await ok(john, ['key', 'verify', 'dev-john-new'])).stdout).toMatch(/^dev-john-new: ok/);

    await ok(lead, ['rotate', 'verify', 'dev-john', '--accept-recent-use']);
    const finished = await ok(lead, ['rotate', 'finish', 'dev-john', '--confirm', 'dev-john']);
    expect(finished.stderr).toMatch(/the server no longer lists it/);
    expect(finished.stderr).toMatch(/held by John; its secret was removed from this keychain/);

    // libsecret's own view: neither the old key's secret nor the new key's is in the lead's.
    const entries = secretToolAccounts(lead.service);
    expect(entries).not.toContain(old.id);
    expect(entries).not.toContain(newId);
    const listed = await keys(lead);
    expect(listed.find((k) => k.id === old.id)).toMatchObject({ status: 'revoked' });
    expect(listed.find((k) => k.id === newId)).toMatchObject({
      label: 'dev-john',
      status: 'active',
      custody: 'held',
      heldBy: 'John',
    });
    expect((await ok(lead, ['key', 'list'])).stdout).toMatch(/dev-john .*held by John/);
    // John's old copy answers 401 now; the new one works.
    const johns = await run(john, ['key', 'verify', 'dev-john']);
    expect(johns.code).toBe(1);
    expect((await ok(john, ['key', 'verify', 'dev-john-new'])).stdout).toMatch(/ok/);
    const stored = readFileSync(join(lead.dataDir, 'apexkeys.json'), 'utf8');
    expect(stored).not.toMatch(SECRET_PATTERN);
    expect(readFileSync(join(lead.dataDir, 'audit.jsonl'), 'utf8')).not.toMatch(SECRET_PATTERN);
    expect(existsSync(file)).toBe(true);
  });
});
