// The whole audit trail, newest first, filterable by key, account and action.
import { z } from 'zod';
import { AUDIT_ACTIONS, auditEventSchema } from '../schemas.ts';
import { id } from './fields.ts';

export const activityChannels = {
  listActivity: {
    input: z
      .object({
        keyId: id.optional(),
        accountId: id.optional(),
        action: z.enum(AUDIT_ACTIONS).optional(),
        limit: z.number().int().positive().max(5000).optional(),
      })
      .strict(),
    output: z.object({
      events: z.array(auditEventSchema),
      /** Events matching the filter, of which `events` is the newest `limit`. */
      total: z.number().int(),
      unreadableLines: z.number().int().positive().optional(),
    }),
  },
} as const;
