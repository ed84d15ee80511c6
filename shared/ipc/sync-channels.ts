// Sync with the server (API mode): list the server's keys and merge; capture a key created
// elsewhere by pasting its secret.
import { z } from 'zod';
import { errorInfoSchema } from '../errors.ts';
import { keyViewSchema } from '../views.ts';
import { id, text } from './fields.ts';

export const syncResultSchema = z.object({
  accounts: z.array(
    z.object({
      accountId: z.string(),
      name: z.string(),
      /** skipped: dashboard mode, which has no list to sync. */
      outcome: z.enum(['synced', 'failed', 'skipped']),
      /** One line per change merged, in words. */
      changes: z.array(z.string()),
      error: errorInfoSchema.optional(),
    }),
  ),
  syncedAt: z.string(),
});

export const syncChannels = {
  /** Every API-mode account, or the one named. */
  syncAccounts: {
    input: z.object({ accountId: id.optional() }).strict(),
    output: syncResultSchema,
  },
  /** A key the server has and this device does not: paste its secret, linked by proof. */
  captureRemoteKey: {
    input: z.object({ id, secret: text(512) }).strict(),
    output: keyViewSchema,
  },
} as const;
