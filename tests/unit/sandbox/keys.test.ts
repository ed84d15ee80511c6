import { describe, expect, it } from 'vitest';
import { hashSecret, KeyRing, newKeyId, newSecret } from '../../../electron/sandbox/keys.ts';

describe('sandbox keys', () => {
  it('issues avk_ + 40 base62 secrets and key_ ids, all distinct', () => {
    const secrets = new Set(Array.from({ length: 200 }, newSecret));
    expect(secrets.size).toBe(200);
    for (const s of secrets) expect(s).toMatch(/^avk_[0-9A-Za-z]{40}$/);
    expect(newKeyId()).toMatch(/^key_[0-9A-Za-z]{16}$/);
  });

  it('keeps only hashes and authenticates enabled, unrevoked keys', () => {
    let changes = 0;
    const ring = new KeyRing(
      [],
      () => 0,
      () => changes++,
    );
    const { record, secret } = ring.create('a');
    expect(JSON.stringify(ring.snapshot())).not.toContain(secret);
    expect(record.hash).toBe(hashSecret(secret));
    expect(ring.authenticate(secret)?.id).toBe(record.id);
    expect(ring.authenticate(undefined)).toBeNull();
    expect(ring.authenticate(`${secret}x`)).toBeNull();
    ring.update(record.id, { enabled: false });
    expect(ring.authenticate(secret)).toBeNull();
    ring.update(record.id, { enabled: true });
    expect(ring.revoke(record.id)).toBe(true);
    expect(ring.revoke(record.id)).toBe(false);
    expect(ring.authenticate(secret)).toBeNull();
    expect(ring.update(record.id, { enabled: true })).toBeNull();
    expect(ring.list()).toEqual([]);
    expect(changes).toBe(4);
  });
});
