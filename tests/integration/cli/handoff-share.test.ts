// Team hand-off between installations (issue 14), as users run it: four installations (data dir
// and keychain service each) on one sandbox. The lead hands dev-john over to John, who receives and
// verifies it; the lead keeps the record as held by John, without its secret (secret-tool proves
// it), and can still disable and revoke it; a share to two recipients opens for both, and an
// installation it was not made for is refused with its own recipient and nothing written.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { IDENTITY_VAULT_ID } from '../../../electron/core/handoff/identity.ts';
import { snapshotDir } from '../../helpers/app.ts';
import { SECRET_PATTERN, newCliEnv, type CliEnv } from '../../helpers/cli.ts';
import { joinSandbox, recipientOf, secretFreeCli } from '../../helpers/cli-team.ts';
import { hasTestKeyring, keyringSkipReason, secretToolAccounts } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

if (!hasTestKeyring) console.log(`cli-handoff-share: ${keyringSkipReason}`);

interface KeyJson {
  id: string;
  label: string;
  account: string;
  status: string;
  custody: string;
  heldBy: string | null;
  fingerprint: string;
  createdAt: string;
  rotationDueAt: string | null;
}

describe.skipIf(!hasTestKeyring)('apexkeys key share / key receive', () => {
  let sandbox: Sandbox;
  const lead = newCliEnv('handoff-lead');
  const john = newCliEnv('handoff-john');
  const mary = newCliEnv('handoff-mary');
  const eve = newCliEnv('handoff-eve');
  const files = makeTempDir('handoff-files');
  const recipient: Record<string, string> = {};
  // The sandbox's keys all match SECRET_PATTERN, which every scan checks besides these.
  const secrets: string[] = [];
  let devJohn: KeyJson;

  const { run, ok, keys } = secretFreeCli<KeyJson>(secrets);
  const generate = async (env: CliEnv, account: string, label: string, extra: string[] = []) => {
    const r = await ok(
      env,
      ['key', 'generate', '--account', account, '--label', label].concat(
        ['--env', 'development', '--json'],
        extra,
      ),
    );
    const key = JSON.parse(r.stdout) as KeyJson;
    return key;
  };
  const state = (env: CliEnv) => ({
    files: snapshotDir(env.dataDir),
    keychain: secretToolAccounts(env.service).sort(),
  });
  const stored = (env: CliEnv) => readFileSync(join(env.dataDir, 'apexkeys.json'), 'utf8');
  const audit = (env: CliEnv) => readFileSync(join(env.dataDir, 'audit.jsonl'), 'utf8');

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    secrets.push(sandbox.bootstrapKey as string);
    // Each teammate's account is the same ApexVerify account, named as each likes.
    await joinSandbox(sandbox, [
      [lead, 'acme'],
      [john, 'team'],
      [mary, 'work'],
    ]);
    for (const [name, env] of Object.entries({ lead, john, mary, eve }))
      recipient[name] = await recipientOf(env);
    devJohn = await generate(lead, 'acme', 'dev-john', ['--owner', 'John']);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('identity: made on first use, the same every time, in the keychain and never in the store', async () => {
    expect(recipient.lead).toMatch(/^age1[a-z0-9]{58}$/);
    expect(new Set(Object.values(recipient)).size).toBe(4);
    const again = await ok(lead, ['identity']);
    expect(again.stdout).toBe(`${recipient.lead}\n`);
    expect(secretToolAccounts(lead.service)).toContain(IDENTITY_VAULT_ID);
    expect(stored(lead)).not.toContain('AGE-SECRET-KEY');
  });

  it('refuses a bad recipient by name and an existing file, writing nothing', async () => {
    const file = join(files, 'never.age');
    const bad = `${recipient.john?.slice(0, -1)}q`;
    const r = await run(
      lead,
      ['key', 'share', 'dev-john', '--to', recipient.john as string].concat([
        '--to',
        'age1nope',
        '--file',
        file,
      ]),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"age1nope" is not an age recipient');
    const r2 = await run(lead, ['key', 'share', 'dev-john', '--to', bad, '--file', file]);
    expect(r2.stderr).toContain(`"${bad}" is not a valid age recipient`);
    expect(existsSync(file)).toBe(false);
    const taken = join(files, 'taken.age');
    writeFileSync(taken, 'mine\n');
    const r3 = await run(
      lead,
      ['key', 'share', 'dev-john', '--to', recipient.john as string].concat([
        '--file',
        taken,
        '--handover',
      ]),
    );
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('already exists; it was left as it was');
    expect(readFileSync(taken, 'utf8')).toBe('mine\n');
    expect(secretToolAccounts(lead.service)).toContain(devJohn.id);
  });

  it('hands dev-john over: John receives and verifies it, the lead keeps it held by John without its secret', async () => {
    const file = join(files, 'dev-john.age');
    const shared = await ok(
      lead,
      ['key', 'share', 'dev-john', '--to', recipient.john as string].concat([
        '--file',
        file,
        '--handover',
        '--json',
      ]),
    );
    expect(JSON.parse(shared.stdout)).toMatchObject({
      file,
      heldBy: 'John',
      recipients: [recipient.john],
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n/);
    // The lead's keychain no longer holds it (libsecret's own view); the record stays, held.
    expect(secretToolAccounts(lead.service)).not.toContain(devJohn.id);
    const held = (await keys(lead)).find((k) => k.id === devJohn.id);
    expect(held).toMatchObject({ custody: 'held', heldBy: 'John', status: 'active' });
    expect(held?.createdAt).toBe(devJohn.createdAt);
    expect(held?.rotationDueAt).toBe(devJohn.rotationDueAt);
    expect((await ok(lead, ['key', 'list'])).stdout).toMatch(/dev-john .*held by John/);
    const event = audit(lead)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; detail: object })
      .find((e) => e.action === 'shared');
    expect(event?.detail).toMatchObject({
      handover: true,
      heldBy: 'John',
      recipients: recipient.john,
    });

    const received = await ok(john, ['key', 'receive', '--file', file, '--json']);
    expect(JSON.parse(received.stdout)).toMatchObject({
      label: 'dev-john',
      account: 'team',
      fingerprint: devJohn.fingerprint,
    });
    expect((await ok(john, ['key', 'verify', 'dev-john'])).stdout).toMatch(/^dev-john: ok/);
    expect(audit(john)).toContain('"action":"received"');
  });

  it('refuses the held key its secret, and skips it in verify --all', async () => {
    const envFile = join(files, 'held.env');
    for (const args of [
      ['key', 'get', 'dev-john'],
      ['key', 'env', 'dev-john', '--file', envFile],
    ].concat([
      ['key', 'verify', 'dev-john'],
      ['run', '--key', 'dev-john', 'true'],
    ])) {
      const r = await run(lead, args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(
        '"dev-john" is held by John; this device has no copy of its secret.',
      );
    }
    expect(existsSync(envFile)).toBe(false);
    const all = await run(lead, ['key', 'verify', '--all']);
    expect(all.stderr).toContain('skipped dev-john: held by John');
  });

  it("the lead still disables, enables and revokes it; then John's copy answers 401", async () => {
    await ok(lead, ['key', 'disable', 'dev-john']);
    expect((await run(john, ['key', 'verify', 'dev-john'])).code).toBe(1);
    await ok(lead, ['key', 'enable', 'dev-john']);
    await ok(john, ['key', 'verify', 'dev-john']);
    const revoked = await ok(lead, ['key', 'revoke', 'dev-john', '--confirm', 'dev-john']);
    expect(revoked.stderr).toContain('no longer lists it');
    expect((await keys(lead)).find((k) => k.id === devJohn.id)?.status).toBe('revoked');
    const after = await run(john, ['key', 'verify', 'dev-john']);
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('rejected (401)');
  });

  it('a share to two recipients opens for both; another installation is refused and nothing is written', async () => {
    const ciShared = await generate(lead, 'acme', 'ci-shared');
    const file = join(files, 'two.age');
    await ok(
      lead,
      ['key', 'share', 'ci-shared', '--to', recipient.john as string].concat([
        '--to',
        recipient.mary as string,
        '--file',
        file,
      ]),
    );
    expect((await keys(lead)).find((k) => k.label === 'ci-shared')?.custody).toBe('local');
    await ok(john, ['key', 'receive', '--file', file]);
    await ok(mary, ['key', 'receive', '--file', file, '--no-verify']);
    // Not checked against the server, so not linked: the document's creation date is kept.
    const marys = (await keys(mary)).find((k) => k.label === 'ci-shared');
    expect(marys?.createdAt).toBe(ciShared.createdAt);

    const before = state(eve);
    const r = await run(eve, ['key', 'receive', '--file', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not encrypted for this installation');
    expect(r.stderr).toContain(recipient.eve);
    expect(state(eve)).toEqual(before);
  });

  it('receive says which rule it breaks and stores nothing: same key, label taken, no account, damaged file', async () => {
    await generate(john, 'team', 'staging-etl');
    await generate(lead, 'acme', 'staging-etl');
    const file = join(files, 'staging.age');
    await ok(
      lead,
      ['key', 'share', 'staging-etl', '--to', recipient.john as string].concat([
        '--to',
        recipient.eve as string,
        '--file',
        file,
      ]),
    );
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const mid = Math.floor(lines.length / 2);
    const line = lines[mid] as string;
    lines[mid] = `${line[0] === 'A' ? 'B' : 'A'}${line.slice(1)}`;
    const flipped = join(files, 'flipped.age');
    const cut = join(files, 'cut.age');
    writeFileSync(flipped, lines.join('\n'));
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));

    const before = state(john);
    // A damaged file is bad input (exit 2, as a bad key on stdin); a refusal exits 1.
    const expectRefused = async (env: CliEnv, args: string[], words: string, code = 1) => {
      const r = await run(env, ['key', 'receive', ...args]);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toContain(words);
    };
    await expectRefused(
      john,
      ['--file', file],
      'Choose another label. Nothing was stored. Add --label NEW-LABEL.',
    );
    await expectRefused(
      john,
      ['--file', join(files, 'two.age')],
      'already stored here as "ci-shared"',
    );
    await expectRefused(john, ['--file', flipped], 'The share file is damaged', 2);
    await expectRefused(john, ['--file', cut], 'The share file is damaged', 2);
    expect(state(john)).toEqual(before);
    const eveBefore = state(eve);
    await expectRefused(eve, ['--file', file], `No account here has the base URL ${sandbox.url}`);
    expect(state(eve)).toEqual(eveBefore);

    const r = await ok(john, [
      'key',
      'receive',
      '--file',
      file,
      '--label',
      'staging-etl-lead',
      '--json',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({ label: 'staging-etl-lead', custody: 'local' });
  });

  it('leaves no secret in any data dir file (store, copies, audit trail)', () => {
    for (const env of [lead, john, mary, eve])
      for (const name of readdirSync(env.dataDir, { recursive: true, encoding: 'utf8' })) {
        const path = join(env.dataDir, name);
        if (!statSync(path).isFile()) continue;
        const text = readFileSync(path, 'latin1');
        expect(text, name).not.toMatch(SECRET_PATTERN);
        for (const s of secrets) expect(text, name).not.toContain(s);
        expect(text, name).not.toContain('AGE-SECRET-KEY');
      }
  });
});
