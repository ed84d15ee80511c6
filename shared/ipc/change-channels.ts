// The window learns of outside changes (the CLI, another window) through the contract: a long
// poll that answers when the data folder changed after `since`, or when `timeoutMs` passes.
import { z } from 'zod';

export const changeChannels = {
  waitForChange: {
    input: z
      .object({
        /** The revision the window last saw; 0 at start. */
        since: z.number().int().min(0),
        timeoutMs: z.number().int().min(0).max(60_000).optional(),
      })
      .strict(),
    output: z.object({ revision: z.number().int(), changed: z.boolean() }),
  },
} as const;
