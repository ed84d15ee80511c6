// The team hand-off's shared rules (issue 14): what a share file holds once decrypted, and what an
// age recipient looks like. Shared so the window's recipient field says the same as the CLI.
import { z } from 'zod';

/** The share document's format name and the one version this app writes and reads. */
export const SHARE_FORMAT = 'apexkeys-share';
export const SHARE_VERSION = 1;

/**
 * The JSON inside a share file (documented in the README). Strings are bounded so a hostile file
 * cannot make the app hold megabytes; the key rules (label, secret) are checked again on import.
 */
export const shareDocumentSchema = z.object({
  format: z.literal(SHARE_FORMAT),
  version: z.literal(SHARE_VERSION),
  key: z.object({
    secret: z.string().min(1).max(256),
    label: z.string().min(1).max(64),
    account: z.object({ name: z.string().max(128), baseUrl: z.string().min(1).max(2048) }),
    environment: z.string().min(1).max(64),
    service: z.string().max(128).default(''),
    owner: z.string().max(128).default(''),
    notes: z.string().max(4000).default(''),
    createdAt: z.iso.datetime({ offset: true }),
    fingerprint: z.string().regex(/^[0-9a-f]{12}$/),
  }),
  sharedAt: z.iso.datetime({ offset: true }),
});
export type ShareDocument = z.infer<typeof shareDocumentSchema>;

// An X25519 recipient: "age1" and 58 bech32 characters (the checksum is checked by age itself).
// Post-quantum and plugin recipients are left out: Debian's age 1.1 cannot open their files.
const RECIPIENT = /^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/;

/** Why `r` is not an age X25519 recipient, or null. Names the bad value (shortened). */
export function recipientProblem(r: string): string | null {
  if (RECIPIENT.test(r)) return null;
  const shown = r.length > 70 ? `${r.slice(0, 70)}…` : r;
  return `"${shown}" is not an age recipient: a recipient is "age1" followed by 58 letters and digits, as "apexkeys identity" (or age-keygen) prints it.`;
}
