// What the window and the CLI are shown: public views of the store's records, as zod schemas,
// the one definition of each; the core's types are inferred from them, so a field cannot exist
// on one side of the IPC boundary only (its output parse would drop it silently). No secrets.
import { z } from 'zod';
import { errorInfoSchema } from './errors.ts';
import { accountModeSchema, keyRecordSchema } from './schemas.ts';

/** A key record as shown: its account's name and its rotation due date added; the app's own
 * call times stay in the store, the view carries their verdict (lastUsedByApp). */
export const keyViewSchema = keyRecordSchema.omit({ appCalls: true }).extend({
  account: z.string(),
  /** The effective period: the key's own, else its environment's; null for none. */
  rotationPeriodDays: z.number().nullable(),
  rotationDueAt: z.string().nullable(),
  /** Who holds the secret, for a key handed over (custody 'held'); null otherwise (the core
   * always sets it; absent only in views built by hand, e.g. test fixtures). */
  heldBy: z.string().nullable().optional(),
  /** lastUsedAt is only one of this app's own calls with the key (a verify, a proof), not
   * traffic. Absent: false (a view built before it was known). */
  lastUsedByApp: z.boolean().optional(),
});
export type KeyView = z.infer<typeof keyViewSchema>;

/** Whether the app could reach an account's server, learned from its requests. */
export const reachabilitySchema = z.object({
  /** unknown: nothing asked yet since the app started. */
  state: z.enum(['online', 'offline', 'unknown']),
  /** When offline: since when (the first failed request of this spell). */
  since: z.string().nullable(),
  /** When offline: why, in words. */
  reason: z.string().nullable(),
});
export type Reachability = z.infer<typeof reachabilitySchema>;

export const accountViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  dashboardUrl: z.string(),
  mode: accountModeSchema,
  lastSyncAt: z.string().nullable(),
  /** The built-in sandbox, so every feature can be tried without an ApexVerify account. */
  isSandbox: z.boolean(),
  /** Keys of this account in the store, revoked ones included. */
  keyCount: z.number().int(),
  reachability: reachabilitySchema,
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const verifyResultSchema = z.object({
  keyId: z.string(),
  label: z.string(),
  account: z.string(),
  status: z.enum(['ok', 'unauthorized', 'error']),
  checkedAt: z.string(),
  credits: z.object({ email: z.number(), phone: z.number() }).optional(),
  error: errorInfoSchema.optional(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** A key Verify all left out, and why in words (its account is offline, it is not on this device). */
export const verifySkipSchema = z.object({
  keyId: z.string(),
  label: z.string(),
  account: z.string(),
  reason: z.string(),
});
export type VerifySkip = z.infer<typeof verifySkipSchema>;

/** How Verify all paces its requests, and why, in words any front end can show. */
export const verifyPacingSchema = z.object({
  /** The share of each account's rate limit the run may use (the rateShare setting). */
  share: z.number(),
  /** Requests a minute the run may send, over its accounts; null until their limits are known. */
  perMinute: z.number().nullable(),
  /** "paced to half of the account's rate limit, so other traffic on it keeps the rest". */
  reason: z.string(),
});
export type VerifyPacing = z.infer<typeof verifyPacingSchema>;

/** A 429's Retry-After the run is waiting out: nothing is sent to that account before `until`. */
export const verifyRateWaitSchema = z.object({
  account: z.string(),
  /** ISO time. */
  until: z.string(),
});
export type VerifyRateWait = z.infer<typeof verifyRateWaitSchema>;

export const verifyJobSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** Keys verified or skipped so far. */
  done: z.number().int(),
  total: z.number().int(),
  ok: z.number().int(),
  failed: z.number().int(),
  results: z.array(verifyResultSchema),
  skipped: z.array(verifySkipSchema),
  error: errorInfoSchema.nullable(),
  // The fields below are always set by the core; they are optional only so that a view built
  // without them (a fixture written before they existed) still parses: it reads as a run that
  // says nothing of its queue, pace or waits.
  /** Key ids a worker is on now (its request sent, or waiting for its turn in the pace). */
  checking: z.array(z.string()).optional(),
  /** Key ids still waiting for a worker, in the order they will be sent. */
  queued: z.array(z.string()).optional(),
  pacing: verifyPacingSchema.nullable().optional(),
  /** An estimate of the seconds left, from the pace and the keys left; null when unknown. */
  secondsLeft: z.number().nullable().optional(),
  rateWait: verifyRateWaitSchema.nullable().optional(),
});
export type VerifyJob = z.infer<typeof verifyJobSchema>;

export const keychainStateSchema = z.object({
  state: z.enum(['ok', 'unavailable', 'locked']),
  /** Why, and what to do, when not ok. */
  message: z.string().nullable(),
});

export const appStatusSchema = z.object({
  keychain: keychainStateSchema,
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  /** Messages from opening the store (a repaired file), shown once. */
  notices: z.array(z.string()),
  /** A store that could not be read: the app shows why instead of the list. */
  storeError: errorInfoSchema.nullable(),
  clipboardClearSec: z.number(),
  transport: z.enum(['electron', 'preview']),
  /** A demo on a throwaway keychain and data folder, deleted when the app quits. */
  demo: z.boolean(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const envWriteResultSchema = z.object({
  path: z.string(),
  created: z.boolean(),
  /** Path of the copy of the previous file, or null when the file is new. */
  backup: z.string().nullable(),
  /** Lines that held the variable and were replaced (0 when it was appended). */
  replaced: z.number(),
  gitTracked: z.boolean(),
  /** The file's mode when group or others may read it (the key is then readable by them). */
  readableByOthers: z.number().nullable(),
});
export type EnvWriteResult = z.infer<typeof envWriteResultSchema>;

export const revokeResultSchema = z.object({
  key: keyViewSchema,
  /** The proof. 401: the key itself was refused after revocation. 404: a key held by a teammate
   * (no secret here to try): after the delete, the server no longer knows its id. */
  proof: z.object({ status: z.union([z.literal(401), z.literal(404)]), checkedAt: z.string() }),
  /** False when the keychain refused to delete the (now useless) secret. */
  secretRemoved: z.boolean(),
});
export type RevokeResult = z.infer<typeof revokeResultSchema>;

/** One account's part of a connection check. */
export const accountConnectionSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  reachability: reachabilitySchema,
});
export type AccountConnection = z.infer<typeof accountConnectionSchema>;

export const connectionSchema = z.object({
  /** True when every account's server could be reached (or there is none). */
  online: z.boolean(),
  /** When offline: the first unreachable account, and why. */
  reason: z.string().nullable(),
  checkedAt: z.string(),
  /**
   * Each account, checked on its own: one unreachable server leaves the others working. Absent,
   * `online` speaks for every account (an answer from before the per-account check).
   */
  accounts: z.array(accountConnectionSchema).optional(),
});
export type Connection = z.infer<typeof connectionSchema>;
