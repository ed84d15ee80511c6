// The window's Back up…, Restore… and Export inventory… channels through dispatch, over two real
// cores: a backup from one installation restored into a fresh one (every record and secret, what
// was added said in counts), the same backup restored where it came from (a no-op), every refusal
// at the field it concerns (wrong passphrase; missing, relative, existing, damaged, truncated or
// foreign file) with nothing changed, and the inventory as CSV and JSON. No answer carries a
// secret or the passphrase.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVENTORY_COLUMNS } from '../../../../electron/core/inventory.ts';
import { snapshotDir, startAppRig, type AppRig } from '../../../helpers/app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

const PASSPHRASE = 'window backup passphrase 7';

describe('backupData, restoreData and exportInventory in the window', () => {
  let lead: AppRig;
  let fresh: AppRig;
  let dir: string;
  let backup: string;
  beforeAll(async () => {
    // The CLI's test rule: a lower scrypt work factor, only inside a test keyring.
    vi.stubEnv('APEXKEYS_TEST_KEYRING', '1');
    vi.stubEnv('APEXKEYS_TEST_SCRYPT_LOG_N', '10');
    [lead, fresh] = await Promise.all([
      startAppRig('app-backup-lead', { keys: ['ci', 'deploy'] }),
      startAppRig('app-backup-fresh'),
    ]);
    dir = makeTempDir('app-backup-files');
    backup = join(dir, 'apexkeys-backup.age');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all([lead?.close(), fresh?.close()]);
  });
  const clean = (v: unknown) => {
    const text = JSON.stringify(v);
    for (const s of [...lead.secrets(), ...fresh.secrets(), PASSPHRASE])
      expect(text).not.toContain(s);
  };
  /** The store, audit and keychain of an installation, to prove a refusal changed nothing. */
  const state = (rig: AppRig) => ({
    files: snapshotDir(rig.core.dataDir),
    vault: [...rig.core.vault.entries.entries()].sort(),
  });

  it('backs up one installation and restores every record and secret into a fresh one', async () => {
    const made = await lead.ok('backupData', { path: backup, passphrase: PASSPHRASE });
    expect(made).toMatchObject({ file: backup, accounts: 1, keys: 2, secrets: 3, missing: [] });
    clean(made);
    expect(readFileSync(backup, 'latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);

    const restored = await fresh.ok('restoreData', { path: backup, passphrase: PASSPHRASE });
    expect(restored).toMatchObject({
      file: backup,
      noOp: false,
      accounts: { added: 1 },
      keys: { added: 2, updated: 0, skipped: 0 },
      secretsRestored: 3,
    });
    clean(restored);
    const secretsThere = new Set(fresh.core.vault.entries.values());
    for (const id of lead.keyIds) expect(secretsThere).toContain(lead.core.vault.entries.get(id));
    const labels = (await fresh.core.store.read()).keys.map((k) => k.label).sort();
    expect(labels).toEqual(['ci', 'deploy']);
  });

  it('restores into the installation it came from as a no-op, and writes nothing', async () => {
    const before = state(lead);
    const r = await lead.ok('restoreData', { path: backup, passphrase: PASSPHRASE });
    expect(r).toMatchObject({ noOp: true, keys: { added: 0, updated: 0 } });
    expect(state(lead)).toEqual(before);
  });

  it('says a wrong passphrase at the passphrase field, without echoing it, changing nothing', async () => {
    const before = state(fresh);
    const wrong = 'not the passphrase at all';
    const e = await fresh.fail('restoreData', { path: backup, passphrase: wrong });
    expect(e).toMatchObject({ code: 'BAD_INPUT', field: 'passphrase' });
    expect(e.message).toContain('passphrase does not open this backup');
    expect(JSON.stringify(e)).not.toContain(wrong);
    expect(state(fresh)).toEqual(before);
  });

  it.each([
    ['missing', () => join(dir, 'nowhere.age'), /Could not read the backup file/],
    ['damaged', () => flipped(), /damaged or truncated/],
    ['truncated', () => truncated(), /damaged or truncated/],
    ['not a backup', () => plain(), /not an age-encrypted file/],
    ['relative', () => 'backups/apexkeys.age', /full path/],
  ])('says a %s file at the file field and changes nothing', async (_what, file, words) => {
    const before = state(fresh);
    const e = await fresh.fail('restoreData', { path: file(), passphrase: PASSPHRASE });
    expect(e).toMatchObject({ code: 'BAD_INPUT', field: 'file' });
    expect(e.message).toMatch(words);
    clean(e);
    expect(state(fresh)).toEqual(before);
  });

  function flipped(): string {
    const bytes = readFileSync(backup);
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] as number) ^ 0x01;
    const path = join(dir, `flipped-${bytes.length}.age`);
    writeFileSync(path, bytes);
    return path;
  }
  function truncated(): string {
    const bytes = readFileSync(backup);
    const path = join(dir, 'truncated.age');
    writeFileSync(path, bytes.subarray(0, bytes.length - 40));
    return path;
  }
  function plain(): string {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'just some notes\n');
    return path;
  }

  it('refuses a backup over an existing file or to a relative path, at the file field', async () => {
    const before = state(lead);
    for (const path of [backup, 'apexkeys-backup.age']) {
      const e = await lead.fail('backupData', { path, passphrase: PASSPHRASE });
      expect(e).toMatchObject({ field: 'file' });
      clean(e);
    }
    expect(state(lead)).toEqual(before);
  });

  it('refuses a passphrase under 12 characters at the boundary, without echoing it', async () => {
    const short = 'short pass';
    const r = await lead.call('backupData', { path: join(dir, 'short.age'), passphrase: short });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(JSON.stringify(r)).not.toContain(short);
  });

  it('exports the inventory as CSV and as JSON, with no secret, never over a file', async () => {
    const csv = join(dir, 'inventory.csv');
    const r = await lead.ok('exportInventory', { path: csv, format: 'csv' });
    expect(r).toEqual({ file: csv, format: 'csv', rows: 2 });
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(INVENTORY_COLUMNS.map(([, title]) => title).join(','));
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['ci', 'deploy']);

    const json = join(dir, 'inventory.json');
    expect(await lead.ok('exportInventory', { path: json, format: 'json' })).toMatchObject({
      rows: 2,
    });
    const rows = JSON.parse(readFileSync(json, 'utf8')) as Array<{ label: string }>;
    expect(rows.map((x) => x.label)).toEqual(['ci', 'deploy']);
    for (const file of [csv, json]) clean(readFileSync(file, 'utf8'));

    const again = await lead.fail('exportInventory', { path: csv, format: 'csv' });
    expect(again).toMatchObject({ field: 'file' });
  });
});
