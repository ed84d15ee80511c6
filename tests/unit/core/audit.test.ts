import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAudit } from '../../../electron/core/audit.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

const clock = { now: () => new Date('2026-11-28T10:00:00.000Z') };
const base = {
  keyId: 'key_1',
  accountId: 'acc_1',
  label: 'prod',
  fingerprint: 'abcdef012345',
  outcome: 'ok' as const,
};

describe('audit trail', () => {
  it('appends one private JSON line per event and filters by key', async () => {
    const dir = makeTempDir('audit');
    const audit = createAudit({ dir, actor: 'cli', clock });
    await audit.append({ ...base, action: 'created' });
    await audit.append({ ...base, keyId: 'key_2', action: 'verified', detail: { status: 'ok' } });
    const lines = readFileSync(audit.path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      at: '2026-11-28T10:00:00.000Z',
      actor: 'cli',
      action: 'created',
    });
    expect(statSync(audit.path).mode & 0o777).toBe(0o600);
    expect((await audit.list({ keyId: 'key_2' })).map((e) => e.action)).toEqual(['verified']);
  });
  it('skips a torn line instead of hiding the rest', async () => {
    const dir = makeTempDir('audit');
    const audit = createAudit({ dir, actor: 'app', clock });
    await audit.append({ ...base, action: 'created' });
    appendFileSync(audit.path, '{"at": "2026-11-2');
    appendFileSync(audit.path, '\n');
    await audit.append({ ...base, action: 'revoked' });
    expect((await audit.list()).map((e) => e.action)).toEqual(['created', 'revoked']);
  });
  it('starts a new event on a new line after a torn last line, and reports the torn line', async () => {
    const dir = makeTempDir('audit');
    const audit = createAudit({ dir, actor: 'cli', clock });
    await audit.append({ ...base, action: 'created' });
    // A crash mid-write leaves no newline at the end.
    appendFileSync(audit.path, '{"at":"2026-11-28T10:00:00.000Z","act');
    await audit.append({ ...base, action: 'updated' });
    await audit.append({ ...base, action: 'verified', detail: { status: 'ok' } });
    const trail = await audit.read();
    expect(trail.events.map((e) => e.action)).toEqual(['created', 'updated', 'verified']);
    expect(trail.unreadableLines).toEqual([2]);
    expect(readFileSync(audit.path, 'utf8').endsWith('\n')).toBe(true);
  });
  it('answers an empty list before the first event', async () => {
    expect(await createAudit({ dir: makeTempDir('audit'), actor: 'cli', clock }).list()).toEqual(
      [],
    );
  });
  it('refuses an event that does not match the schema', async () => {
    const audit = createAudit({ dir: makeTempDir('audit'), actor: 'cli', clock });
    // @ts-expect-error an unknown action must not reach the file
    await expect(audit.append({ ...base, action: 'exfiltrated' })).rejects.toThrow();
  });
});
