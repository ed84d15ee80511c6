// listActivity: the whole audit trail through dispatch, newest first, filtered by key, account
// and action, limited with the total, and honest about lines it could not read.
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppRig, type AppRig } from '../../../helpers/app.ts';

describe('listActivity', () => {
  let rig: AppRig;
  let ci = '';
  let web = '';
  beforeAll(async () => {
    rig = await startAppRig('app-activity', { keys: ['ci', 'web'] });
    [ci, web] = rig.keyIds as [string, string];
    await rig.ok('verifyKey', { id: ci });
    await rig.ok('updateKeyMeta', { id: web, patch: { notes: 'moved to ops' } });
    // An event of another account, written as the CLI would.
    await rig.core.audit.append({
      action: 'account-added',
      keyId: null,
      accountId: 'other-account',
      label: null,
      fingerprint: null,
      outcome: 'ok',
    });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('lists every key and account, newest first', async () => {
    const all = await rig.ok('listActivity', {});
    const file = await rig.core.audit.list();
    expect(all.total).toBe(file.length);
    expect(all.events).toEqual([...file].reverse());
    expect(all.events[0]).toMatchObject({ action: 'account-added', accountId: 'other-account' });
    expect(new Set(all.events.map((e) => e.keyId))).toEqual(new Set([null, ci, web]));
    expect(all.unreadableLines).toBeUndefined();
  });

  it('filters by key, account and action, together too', async () => {
    const byKey = await rig.ok('listActivity', { keyId: ci });
    expect(byKey.events.length).toBeGreaterThan(0);
    expect(byKey.events.every((e) => e.keyId === ci)).toBe(true);
    expect(byKey.events.map((e) => e.action)).toEqual(['verified', 'generated']);

    const byAccount = await rig.ok('listActivity', { accountId: rig.accountId });
    expect(byAccount.events.every((e) => e.accountId === rig.accountId)).toBe(true);
    expect(byAccount.events.some((e) => e.accountId === 'other-account')).toBe(false);

    const updated = await rig.ok('listActivity', { action: 'updated' });
    expect(updated.events).toEqual([expect.objectContaining({ keyId: web, action: 'updated' })]);

    const none = await rig.ok('listActivity', { keyId: ci, action: 'updated' });
    expect(none).toEqual({ events: [], total: 0 });
  });

  it('keeps the newest `limit` events and says how many matched', async () => {
    const all = await rig.ok('listActivity', {});
    const two = await rig.ok('listActivity', { limit: 2 });
    expect(two.total).toBe(all.total);
    expect(two.events).toEqual(all.events.slice(0, 2));
  });

  it('refuses a bad filter before reading anything', async () => {
    expect((await rig.fail('listActivity', { action: 'exploded' })).code).toBe('BAD_INPUT');
    expect((await rig.fail('listActivity', { limit: 0 })).code).toBe('BAD_INPUT');
    expect((await rig.fail('listActivity', { keyId: ci, extra: 1 })).code).toBe('BAD_INPUT');
  });

  it('counts a torn line and still lists every other event', async () => {
    const before = (await rig.ok('listActivity', {})).total;
    appendFileSync(rig.core.audit.path, '{"at": "torn\n');
    const after = await rig.ok('listActivity', {});
    expect(after.total).toBe(before);
    expect(after.unreadableLines).toBe(1);
  });

  it('never carries a secret', async () => {
    const text = JSON.stringify(await rig.ok('listActivity', {}));
    for (const s of rig.secrets()) expect(text).not.toContain(s);
  });
});
