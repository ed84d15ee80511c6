// Issue 9, defect 12: a data folder, store or audit trail made beforehand with loose modes is
// tightened when the store opens (said once, as a notice), and a symbolic link in the place of
// one of the app's own files is refused, never followed.
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAudit } from '../../../../electron/core/audit.ts';
import { STORE_FILE, openStore } from '../../../../electron/core/store/index.ts';
import { isAppError } from '../../../../shared/errors.ts';
import { emptyStoreData } from '../../../../shared/schemas.ts';
import { fixedClock, rejection } from '../../../helpers/store-rig.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

const mode = (p: string) => statSync(p).mode & 0o777;

describe('store: permissions of existing files', () => {
  it('tightens a 0755 folder and 0644 store and audit files, and says so once', async () => {
    const dir = join(makeTempDir('perm'), 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, STORE_FILE), JSON.stringify(emptyStoreData()), { mode: 0o644 });
    writeFileSync(join(dir, 'audit.jsonl'), '', { mode: 0o644 });
    const store = await openStore({ dir });
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, STORE_FILE))).toBe(0o600);
    expect(mode(join(dir, 'audit.jsonl'))).toBe(0o600);
    const said = store.notices.join('\n');
    expect(said).toMatch(/data folder .*mode 0755.*restricted to 0700/);
    expect(said).toMatch(/store file .*mode 0644.*restricted to 0600/);
    expect(said).toMatch(/audit trail .*mode 0644.*restricted to 0600/);
    expect((await openStore({ dir })).notices).toEqual([]);
  });

  it('refuses a store file that is a symbolic link, leaving its target alone', async () => {
    const dir = makeTempDir('perm-link');
    const target = join(makeTempDir('perm-target'), 'elsewhere.json');
    writeFileSync(target, JSON.stringify(emptyStoreData()));
    symlinkSync(target, join(dir, STORE_FILE));
    const e = await rejection(openStore({ dir }));
    expect(isAppError(e) && e.code).toBe('STORE_IO');
    expect((e as Error).message).toMatch(/is a symbolic link.*does not follow links/);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(emptyStoreData());
  });

  it('never appends through an audit trail that is a symbolic link', async () => {
    const dir = makeTempDir('perm-audit');
    const target = join(makeTempDir('perm-audit-target'), 'other.log');
    writeFileSync(target, '');
    symlinkSync(target, join(dir, 'audit.jsonl'));
    const store = await openStore({ dir });
    expect(store.notices.join(' ')).toMatch(/audit trail .* is a symbolic link/);
    const audit = createAudit({ dir, actor: 'cli', clock: fixedClock });
    const e = await rejection(
      audit.append({
        action: 'updated',
        keyId: null,
        accountId: null,
        label: null,
        fingerprint: null,
        outcome: 'ok',
      }),
    );
    expect((e as Error).message).toMatch(/symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('');
  });
});
