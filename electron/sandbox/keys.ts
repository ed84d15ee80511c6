// The account's keys. Secrets are never kept: only their SHA-256, so neither memory dumps nor
// the state file can give a usable key back.
import { createHash, randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomBase62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[randomInt(BASE62.length)];
  return out;
}

export const newSecret = (): string => `avk_${randomBase62(40)}`;
export const newKeyId = (): string => `key_${randomBase62(16)}`;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** What the sandbox keeps about a key; revoked keys stay as tombstones so their id answers 404. */
export interface KeyRecord {
  id: string;
  label: string;
  hash: string;
  createdAt: string;
  lastUsedAt: string | null;
  enabled: boolean;
  revokedAt: string | null;
}

/** The API's `Key` shape. */
export interface ApiKey {
  id: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  enabled: boolean;
}

export const toApiKey = (r: KeyRecord): ApiKey => ({
  id: r.id,
  label: r.label,
  created_at: r.createdAt,
  last_used_at: r.lastUsedAt,
  enabled: r.enabled,
});

export class KeyRing {
  private readonly records: KeyRecord[];
  private readonly byHash = new Map<string, KeyRecord>();

  constructor(
    records: KeyRecord[],
    private readonly now: () => number,
    /** Called after every change, so the owner can persist. */
    private readonly onChange: (ring: KeyRing) => void,
  ) {
    this.records = records;
    for (const r of records) this.byHash.set(r.hash, r);
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** The enabled, unrevoked key with this secret, or null. */
  authenticate(secret: string | undefined): KeyRecord | null {
    if (!secret) return null;
    const r = this.byHash.get(hashSecret(secret));
    return r && r.enabled && r.revokedAt === null ? r : null;
  }

  /** An unrevoked key by id, enabled or not. */
  find(id: string): KeyRecord | null {
    return this.records.find((r) => r.id === id && r.revokedAt === null) ?? null;
  }

  list(): KeyRecord[] {
    return this.records.filter((r) => r.revokedAt === null);
  }

  /** The only moment the secret exists on the server side; the caller hands it out once. */
  create(label: string): { record: KeyRecord; secret: string } {
    const secret = newSecret();
    const record: KeyRecord = {
      id: newKeyId(),
      label,
      hash: hashSecret(secret),
      createdAt: this.iso(),
      lastUsedAt: null,
      enabled: true,
      revokedAt: null,
    };
    this.records.push(record);
    this.byHash.set(record.hash, record);
    this.onChange(this);
    return { record, secret };
  }

  update(id: string, patch: { label?: string; enabled?: boolean }): KeyRecord | null {
    const r = this.find(id);
    if (!r) return null;
    if (patch.label !== undefined) r.label = patch.label;
    if (patch.enabled !== undefined) r.enabled = patch.enabled;
    this.onChange(this);
    return r;
  }

  /** Irreversible. False for an unknown or already revoked id. */
  revoke(id: string): boolean {
    const r = this.find(id);
    if (!r) return false;
    r.revokedAt = this.iso();
    r.enabled = false;
    this.onChange(this);
    return true;
  }

  touch(r: KeyRecord): void {
    r.lastUsedAt = this.iso();
    this.onChange(this);
  }

  snapshot(): KeyRecord[] {
    return this.records.map((r) => ({ ...r }));
  }
}
