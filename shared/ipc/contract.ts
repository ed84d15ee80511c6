// The one IPC contract: channel -> input schema, output schema. Main's registration, the
// preload, the preview host and the renderer all derive from this table.
import { z } from 'zod';
import { errorInfoSchema, type ErrorInfo } from '../errors.ts';
import { abortChoiceSchema, envFileEvidenceSchema } from '../rotation.ts';
import { rotationViewSchema } from '../rotation-view.ts';
import { auditEventSchema } from '../schemas.ts';
import {
  accountViewSchema,
  appStatusSchema,
  connectionSchema,
  envWriteResultSchema,
  keyViewSchema,
  revokeResultSchema,
  verifyJobSchema,
  verifyResultSchema,
} from '../views.ts';

import { accountChannels } from './account-channels.ts';
import { activityChannels } from './activity-channels.ts';
import { backupChannels } from './backup-channels.ts';
import { changeChannels } from './change-channels.ts';
import { envChannels } from './env-channels.ts';
import { fileChannels } from './file-channels.ts';
import { id, keyRef, none, text } from './fields.ts';
import { handoffChannels } from './handoff-channels.ts';
import { locationChannels } from './location-channels.ts';
import { reminderChannels } from './reminder-channels.ts';
import { settingsChannels } from './settings-channels.ts';
import { syncChannels } from './sync-channels.ts';

const newKeyFields = {
  accountId: id,
  label: text(128),
  environment: text(64),
  service: text(256).optional(),
  owner: text(256).optional(),
};

export const contract = {
  getStatus: { input: none, output: appStatusSchema },
  checkConnection: { input: none, output: connectionSchema },
  listAccounts: { input: none, output: z.array(accountViewSchema) },
  listKeys: {
    input: z.object({ includeRevoked: z.boolean().optional() }).strict(),
    output: z.array(keyViewSchema),
  },
  generateKey: { input: z.object(newKeyFields).strict(), output: keyViewSchema },
  /** Dashboard mode: the key the user pasted; it is verified before it is stored. */
  captureKey: {
    input: z.object({ ...newKeyFields, secret: text(512) }).strict(),
    output: keyViewSchema,
  },
  updateKeyMeta: {
    input: z
      .object({
        id,
        patch: z
          .object({
            environment: text(64).optional(),
            service: text(256).optional(),
            owner: text(256).optional(),
            notes: text(4000).optional(),
            rotationPeriodDays: z.number().int().positive().max(3650).nullable().optional(),
          })
          .strict(),
      })
      .strict(),
    output: keyViewSchema,
  },
  verifyKey: { input: keyRef, output: verifyResultSchema },
  startVerifyAll: { input: none, output: verifyJobSchema },
  getVerifyAll: { input: z.object({ jobId: id }).strict(), output: verifyJobSchema },
  cancelVerifyAll: { input: z.object({ jobId: id }).strict(), output: verifyJobSchema },
  /** Copies in the main process; the secret never reaches the renderer. */
  copyKey: {
    input: keyRef,
    output: z.object({ clearAfterSec: z.number(), copiedAt: z.string() }),
  },
  /** The only channel that hands the renderer a secret: an explicit Reveal. */
  revealKey: { input: keyRef, output: z.object({ secret: z.string() }) },
  writeKeyToEnv: {
    // makePrivate: the file is written with mode 0600 (the offer when others can read it).
    input: z
      .object({
        id,
        path: text(4096),
        variable: text(128).optional(),
        makePrivate: z.boolean().optional(),
      })
      .strict(),
    output: envWriteResultSchema,
  },
  setKeyEnabled: { input: z.object({ id, enabled: z.boolean() }).strict(), output: keyViewSchema },
  revokeKey: {
    input: z.object({ id, confirmLabel: text(128) }).strict(),
    output: revokeResultSchema,
  },
  keyAudit: {
    input: z.object({ id, limit: z.number().int().positive().max(500).optional() }).strict(),
    // unreadableLines: how many lines of the audit file could not be read (torn by a crash or
    // edited by hand); absent when every line was read.
    output: z.object({
      events: z.array(auditEventSchema),
      unreadableLines: z.number().int().positive().optional(),
    }),
  },
  /** Opens the account's dashboard in the browser (https on the allow-list only). */
  openDashboard: {
    input: z.object({ accountId: id }).strict(),
    output: z.object({ opened: z.boolean(), url: z.string() }),
  },
  // Rotation: every call names the OLD key; the core finds its run. Each returns the run as the
  // wizard shows it, with what is allowed next and why not.
  listRotations: { input: none, output: z.array(rotationViewSchema) },
  getRotation: { input: keyRef, output: rotationViewSchema.nullable() },
  /** API mode generates; dashboard mode needs the key pasted from the dashboard. */
  startRotation: {
    input: z.object({ id, newSecret: text(512).optional() }).strict(),
    output: rotationViewSchema,
  },
  copyPendingKey: {
    input: keyRef,
    output: z.object({ clearAfterSec: z.number(), copiedAt: z.string() }),
  },
  revealPendingKey: { input: keyRef, output: z.object({ secret: z.string() }) },
  replaceInEnvFiles: {
    input: z.object({ id, files: z.array(text(4096)).min(1).max(20) }).strict(),
    output: z.array(envFileEvidenceSchema),
  },
  confirmDeployed: {
    // share: a key held by a teammate (issue 14) first gets its new key written into a new share
    // file to the holder's recipients; main writes it, only the path crosses.
    input: z
      .object({
        id,
        share: z
          .object({ recipients: z.array(text(200)).min(1).max(20), path: text(4096) })
          .strict()
          .optional(),
      })
      .strict(),
    output: rotationViewSchema,
  },
  verifyRotation: {
    input: z.object({ id, acceptRecentUse: z.boolean().optional() }).strict(),
    output: rotationViewSchema,
  },
  finishRotation: {
    // ignoreLocations: the second confirmation while a known location still holds the old key.
    input: z
      .object({ id, confirmLabel: text(128), ignoreLocations: z.boolean().optional() })
      .strict(),
    output: rotationViewSchema,
  },
  abortRotation: {
    // revokeUnrestored: the second confirmation when a changed file cannot get the old key back.
    input: z
      .object({ id, choice: abortChoiceSchema, revokeUnrestored: z.boolean().optional() })
      .strict(),
    output: rotationViewSchema,
  },
  // The groups in their own files: accounts, settings and window preferences, the whole audit
  // trail, sync with the server, and outside changes.
  ...accountChannels,
  ...settingsChannels,
  ...activityChannels,
  ...syncChannels,
  ...changeChannels,
  ...reminderChannels,
  ...locationChannels,
  ...fileChannels,
  ...envChannels,
  ...handoffChannels,
  ...backupChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.infer<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export const ROTATION_CHANNELS: readonly Channel[] = [
  'listRotations',
  'getRotation',
  'startRotation',
  'copyPendingKey',
  'revealPendingKey',
  'replaceInEnvFiles',
  'confirmDeployed',
  'verifyRotation',
  'finishRotation',
  'abortRotation',
  'replaceInAllLocations',
];
export const channelName = (c: Channel): string => `apexkeys:${c}`;

/** What every call returns across a boundary: a value, or a typed error (never a stack). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: errorInfoSchema }),
  ]);

/** The API the renderer sees as window.apexKeys: one named function per channel. */
export type ApexKeysApi = {
  [C in Channel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;
};
