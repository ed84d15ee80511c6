// The data the store holds, as zod schemas; types are inferred from them.
import { z } from 'zod';
import { locationSchema } from './locations.ts';
import { rotationRunSchema } from './rotation.ts';

export const accountModeSchema = z.enum(['api', 'dashboard']);
export type AccountMode = z.infer<typeof accountModeSchema>;

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  dashboardUrl: z.string(),
  mode: accountModeSchema,
  /** Fingerprint of the account key, whose secret lives in the keychain under `account:<id>`. */
  keyFingerprint: z.string(),
  createdAt: z.string(),
  lastSyncAt: z.string().nullable(),
  /**
   * API mode: the server's id of the account key itself, proven when the account was added, so
   * a sync never lists the key the app calls the server with as a key made elsewhere. Null when
   * unknown (dashboard mode, a proof that failed, accounts added before it was kept).
   */
  keyRemoteId: z.string().nullable().default(null),
});
export type Account = z.infer<typeof accountSchema>;

export const keyStatusSchema = z.enum(['active', 'disabled', 'pending', 'revoked']);
export type KeyStatus = z.infer<typeof keyStatusSchema>;

export const verificationSchema = z.object({
  at: z.string(),
  outcome: z.enum(['ok', 'unauthorized', 'error']),
  credits: z.object({ email: z.number(), phone: z.number() }).nullable(),
  /** Error code when outcome is 'error'. */
  errorCode: z.string().optional(),
});
export type Verification = z.infer<typeof verificationSchema>;

/** One call the app made with a key's own secret, by this machine's clock: sent, and answered
 * (or failed: a call that timed out may still have reached the server). */
export const appCallSchema = z.object({ sentAt: z.string(), answeredAt: z.string() });
export type AppCall = z.infer<typeof appCallSchema>;

export const keyRecordSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  remoteId: z.string().nullable(),
  label: z.string(),
  environment: z.string(),
  service: z.string(),
  owner: z.string(),
  notes: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  lastVerification: verificationSchema.nullable(),
  status: keyStatusSchema,
  /** null: use the environment's (or the default) period. */
  rotationPeriodDays: z.number().int().positive().nullable(),
  fingerprint: z.string(),
  hint: z.string(),
  revokedAt: z.string().nullable(),
  /** remote-only: created elsewhere and found by sync; no secret in the keychain until it is
   * captured. held: handed over to a teammate (`key share --handover`); the secret left this
   * keychain and `heldBy` names who holds it. Stores older than sync lack it, hence the default. */
  custody: z.enum(['local', 'remote-only', 'held']).default('local'),
  /** With custody 'held': who holds the secret now. */
  heldBy: z.string().optional(),
  /** Files the key was written into or found in (never the value). Older stores lack it; optional
   * rather than defaulted so every place that builds a record need not name it (absent: none). */
  locations: z.array(locationSchema).default([]),
  /** The app's own recent calls with this key (verify, proofs, a rotation's checks), oldest
   * first, a few. Kept because every authenticated call moves the server's last_used_at: a last
   * use that falls on one of them is the app's check, not traffic, and a rotation's recent-use
   * warning must not fire because of it. Absent (older stores, keys never called): none. */
  appCalls: z.array(appCallSchema).optional(),
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

export const settingsSchema = z.object({
  /** Rotation period in days per environment; an environment not listed has none. */
  rotationDays: z.record(z.string(), z.number().int().positive()),
  clipboardClearSec: z.number().int().positive(),
  /** Share of an account's rate limit that bulk work (verify all) may use. */
  rateShare: z.number().gt(0).lte(1),
  reminders: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  /** Minutes: a rotation warns while the old key was used this recently. Stores older than
   * the setting lack it, hence the default. */
  recentUseWindowMin: z.number().int().positive().max(1440).default(15),
  /** Days ahead: a key due for rotation within them counts as due (title, badge, filter). */
  reminderDays: z.number().int().positive().max(365).default(14),
  /** Hides the built-in sandbox account (it cannot be removed). */
  hideSandbox: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  rotationDays: { production: 90 },
  clipboardClearSec: 30,
  rateShare: 0.5,
  reminders: true,
  theme: 'system',
  recentUseWindowMin: 15,
  reminderDays: 14,
  hideSandbox: false,
};

export { rotationRunSchema, type RotationRun } from './rotation.ts';

/**
 * A `key generate` under way, written before the server is asked for the key: it reserves the
 * label and the keychain id, so a process killed between the server's answer and the record's
 * write leaves a trace the next generate for the account settles (adopts the key, or revokes
 * it). Holds the metadata the record will carry; never the secret.
 */
export const generateIntentSchema = z.object({
  keyId: z.string(),
  accountId: z.string(),
  label: z.string(),
  environment: z.string(),
  service: z.string(),
  owner: z.string(),
  notes: z.string(),
  rotationPeriodDays: z.number().int().positive().nullable(),
  pid: z.number().int(),
  startedAt: z.string(),
});
export type GenerateIntent = z.infer<typeof generateIntentSchema>;

export const STORE_VERSION = 1;

export const storeDataSchema = z.object({
  version: z.literal(STORE_VERSION),
  accounts: z.array(accountSchema),
  keys: z.array(keyRecordSchema),
  settings: settingsSchema,
  rotations: z.array(rotationRunSchema),
  /** Stores written before generate recorded its intent lack it, hence the default. */
  generating: z.array(generateIntentSchema).default([]),
});
export type StoreData = z.infer<typeof storeDataSchema>;

export function emptyStoreData(): StoreData {
  return {
    version: STORE_VERSION,
    accounts: [],
    keys: [],
    settings: structuredClone(DEFAULT_SETTINGS),
    rotations: [],
    generating: [],
  };
}

export const AUDIT_ACTIONS = [
  'account-added',
  'account-renamed',
  'account-removed',
  'created',
  'imported',
  'generated',
  'verified',
  'copied',
  'revealed',
  'exported',
  'ran',
  'updated',
  'disabled',
  'enabled',
  'revoked',
  'synced',
  'rotation-step',
  /** A scan found the key in a file it was not known to be in (issue 12). */
  'located',
  'location-forgotten',
  /** Written, encrypted with age, into a file for teammates; with or without hand-over (issue 14). */
  'shared',
  /** Imported from a share file made for this installation (issue 14). */
  'received',
  /** Issue 14: a backup written, a backup restored (counts and the file; never a secret). */
  'backed-up',
  'restored',
] as const;

export const auditEventSchema = z.object({
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actor: z.enum(['cli', 'app']),
  keyId: z.string().nullable(),
  accountId: z.string().nullable(),
  label: z.string().nullable(),
  fingerprint: z.string().nullable(),
  outcome: z.enum(['ok', 'failed']),
  /** Free detail: never a secret. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
