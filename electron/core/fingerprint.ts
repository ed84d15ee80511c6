import { createHash } from 'node:crypto';

/** First 12 hex characters of the secret's SHA-256: names a key in the audit trail without revealing it. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 12);
}
