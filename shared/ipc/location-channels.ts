// Where a key is deployed (issue 12): its known locations, checked on demand; forgetting one;
// Find copies, a bounded read-only scan run as a job the window polls and can cancel; and the
// rotation's Replace in all. No channel carries a secret or a file's contents.
import { z } from 'zod';
import { checkedLocationSchema, locationSchema } from '../locations.ts';
import { envFileEvidenceSchema } from '../rotation.ts';
import { id, text } from './fields.ts';

/** A location, with its state when it was checked. */
export const locationViewSchema = locationSchema.extend({
  state: checkedLocationSchema.shape.state.optional(),
});

export const findCopiesJobSchema = z.object({
  jobId: z.string(),
  keyId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** Files read and compared so far. */
  read: z.number().int(),
  skipped: z.object({
    ignoredDirs: z.number().int(),
    tooLarge: z.number().int(),
    binary: z.number().int(),
    symlinks: z.number().int(),
    unreadable: z.number().int(),
  }),
  /** Files holding the key, each with the variables assigned it (empty: not an assignment). */
  hits: z.array(z.object({ path: z.string(), variables: z.array(z.string()) })),
  /** The bound that stopped the walk early, or null. */
  limitHit: z.enum(['files', 'time', 'cancelled']).nullable(),
  /** How many locations the scan added to the key's record. */
  added: z.number().int(),
  error: z
    .object({ code: z.string(), message: z.string(), field: z.string().optional() })
    .optional(),
});

export const locationChannels = {
  keyLocations: {
    input: z.object({ id, check: z.boolean().optional() }).strict(),
    output: z.array(locationViewSchema),
  },
  /** Stops tracking a file (every variable in it); the file is not changed. Returns what is left. */
  forgetLocation: {
    input: z.object({ id, path: text(4096) }).strict(),
    output: z.array(locationViewSchema),
  },
  startFindCopies: {
    input: z.object({ id, dirs: z.array(text(4096)).min(1).max(20) }).strict(),
    output: findCopiesJobSchema,
  },
  getFindCopies: { input: z.object({ jobId: id }).strict(), output: findCopiesJobSchema },
  cancelFindCopies: { input: z.object({ jobId: id }).strict(), output: findCopiesJobSchema },
  /** Rotation step 2: replace the old key by the new one wherever it is known to be. */
  replaceInAllLocations: {
    input: z.object({ id }).strict(),
    output: z.array(envFileEvidenceSchema),
  },
} as const;
