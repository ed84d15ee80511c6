// Accounts in the window: add (probed and verified as `apexkeys account add`), rename, remove.
import { z } from 'zod';
import { accountViewSchema } from '../views.ts';
import { id, text } from './fields.ts';

export const accountChannels = {
  /** The account key is sent once, here; it is stored in the keychain and never returned. */
  addAccount: {
    input: z
      .object({
        name: text(64),
        baseUrl: text(2048),
        dashboardUrl: text(2048).optional(),
        secret: text(512),
      })
      .strict(),
    output: accountViewSchema,
  },
  renameAccount: {
    input: z.object({ accountId: id, name: text(64) }).strict(),
    output: accountViewSchema,
  },
  /** `confirmName` must be the account's exact name. */
  removeAccount: {
    input: z.object({ accountId: id, confirmName: text(64) }).strict(),
    output: z.object({
      name: z.string(),
      keysRemoved: z.number().int(),
      /** Keychain entries removed (the account key and each key's secret). */
      secretsRemoved: z.number().int(),
      /** Entries the keychain refused to delete; the message says which. */
      secretsLeft: z.number().int(),
    }),
  },
  /** Try again: probes this one account and returns it with its reachability. */
  checkAccount: {
    input: z.object({ accountId: id }).strict(),
    output: accountViewSchema,
  },
} as const;
