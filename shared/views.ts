// What the window is shown: public views of the store's records, as zod schemas. No secrets.
import { z } from 'zod';
import { ERROR_CODES } from './errors.ts';
import { accountModeSchema, keyRecordSchema } from './schemas.ts';

export const errorInfoSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryAfterSec: z.number().optional(),
  status: z.number().optional(),
  rule: z.string().optional(),
});

/** A key record as shown: its account's name and its rotation due date added. */
export const keyViewSchema = keyRecordSchema.extend({
  account: z.string(),
  /** The effective period: the key's own, else its environment's; null for none. */
  rotationPeriodDays: z.number().nullable(),
  rotationDueAt: z.string().nullable(),
});
export type KeyView = z.infer<typeof keyViewSchema>;

export const accountViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  dashboardUrl: z.string(),
  mode: accountModeSchema,
  lastSyncAt: z.string().nullable(),
  /** The built-in sandbox, so every feature can be tried without an ApexVerify account. */
  isSandbox: z.boolean(),
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
export type VerifyResultView = z.infer<typeof verifyResultSchema>;

export const verifyJobSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  ok: z.number().int(),
  failed: z.number().int(),
  results: z.array(verifyResultSchema),
  error: errorInfoSchema.nullable(),
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
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const envWriteResultSchema = z.object({
  path: z.string(),
  created: z.boolean(),
  backup: z.string().nullable(),
  replaced: z.number(),
  gitTracked: z.boolean(),
  readableByOthers: z.number().nullable(),
});

export const revokeResultSchema = z.object({
  key: keyViewSchema,
  proof: z.object({ status: z.literal(401), checkedAt: z.string() }),
  secretRemoved: z.boolean(),
});

export const connectionSchema = z.object({
  online: z.boolean(),
  /** When offline: which account could not be reached, and why. */
  reason: z.string().nullable(),
  checkedAt: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;
