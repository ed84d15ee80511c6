// What the window and `apexkeys rotate status` show of a run: the step, both keys' public
// metadata (never a secret), the evidence so far, and for each action whether it is allowed now.
// Separate from shared/rotation.ts because the key view lives in views.ts, which imports the
// store schemas that embed the run: one file would make an import cycle.
import { z } from 'zod';
import {
  ROTATION_STEPS,
  abortChoiceSchema,
  actionStateSchema,
  heldShareSchema,
  rotationRunSchema,
  rotationStepSchema,
} from './rotation.ts';
import { keyViewSchema } from './views.ts';

export const rotationViewSchema = z.object({
  runId: z.string(),
  account: z.string(),
  accountId: z.string(),
  mode: z.enum(['api', 'dashboard']),
  dashboardUrl: z.string(),
  step: rotationStepSchema,
  /** 1 to 4 while open; null when done or aborted. */
  stepNumber: z.number().int().min(1).max(ROTATION_STEPS.length).nullable(),
  stepCount: z.literal(ROTATION_STEPS.length),
  open: z.boolean(),
  startedAt: z.string(),
  updatedAt: z.string(),
  oldKey: keyViewSchema.nullable(),
  /** Null until generate has stored it. */
  newKey: keyViewSchema.nullable(),
  evidence: rotationRunSchema.pick({
    generate: true,
    deploy: true,
    verify: true,
    revoke: true,
    abort: true,
    locationCheck: true,
  }),
  actions: z.object({
    generate: actionStateSchema,
    deployed: actionStateSchema,
    verify: actionStateSchema,
    finish: actionStateSchema,
    abort: actionStateSchema.extend({ choices: z.array(abortChoiceSchema) }),
  }),
  /**
   * Issue 14: the old key is held by a teammate; absent otherwise. The deploy step writes a share
   * file to the holder instead of .env files.
   */
  held: z
    .object({
      holder: z.string(),
      /** The holder's recipients as the last share of the old key recorded them (a prefill). */
      knownRecipients: z.array(z.string()),
      shares: z.array(heldShareSchema),
      /** Why .env files and the old key's known locations are not offered. */
      locationsSkipped: z.string(),
    })
    .optional(),
  /** What needs the user's attention now (a recent use of the old key, a revocation awaited). */
  notice: z.string().nullable(),
});
export type RotationView = z.infer<typeof rotationViewSchema>;
