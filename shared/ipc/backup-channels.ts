// Back up…, Restore… and Export inventory… in the window (issue 14): the same core calls the CLI
// makes. The passphrase crosses once, into main, and never comes back: no output carries it or a
// secret, only counts, names and the file written.
import { z } from 'zod';
import { text } from './fields.ts';

/** What a backup (and the core's rule) asks of a passphrase: at least this many characters. */
export const BACKUP_PASSPHRASE_MIN = 12;
const PASSPHRASE_MAX = 1024;

export const inventoryFormatSchema = z.enum(['csv', 'json']);
export type InventoryFormatView = z.infer<typeof inventoryFormatSchema>;

const countsSchema = z.object({ added: z.number(), updated: z.number(), skipped: z.number() });

export const backupChannels = {
  backupData: {
    input: z
      .object({
        /** Full path of the new file (it must not exist). */
        path: text(4096),
        passphrase: z.string().min(BACKUP_PASSPHRASE_MIN).max(PASSPHRASE_MAX),
      })
      .strict(),
    output: z.object({
      file: z.string(),
      createdAt: z.string(),
      accounts: z.number(),
      keys: z.number(),
      rotations: z.number(),
      /** How many secrets the file holds (account keys and key secrets). */
      secrets: z.number(),
      /** Records backed up without their secret, and why. */
      missing: z.array(
        z.object({
          kind: z.enum(['account', 'key']),
          name: z.string(),
          account: z.string().nullable(),
          reason: z.string(),
        }),
      ),
    }),
  },
  restoreData: {
    input: z
      .object({
        path: text(4096),
        // Any length: a backup made elsewhere (with age) may have a shorter one.
        passphrase: z.string().min(1).max(PASSPHRASE_MAX),
      })
      .strict(),
    output: z.object({
      file: z.string(),
      backupCreatedAt: z.string(),
      /** Everything in the backup is here already; nothing was written. */
      noOp: z.boolean(),
      accounts: countsSchema,
      keys: countsSchema,
      rotations: countsSchema,
      secretsRestored: z.number(),
      settingsApplied: z.array(z.string()),
      notes: z.array(z.string()),
    }),
  },
  exportInventory: {
    input: z.object({ path: text(4096), format: inventoryFormatSchema }).strict(),
    output: z.object({ file: z.string(), format: inventoryFormatSchema, rows: z.number() }),
  },
} as const;
