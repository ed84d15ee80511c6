// Writing a key to a .env file, asked about first: checkEnvTarget says what the write would meet
// (the file exists, git tracks it, other users can read it, or why it cannot be written) before
// any secret is written, so the window can warn and offer to make the file private.
import { z } from 'zod';
import { text } from './fields.ts';

export const envTargetCheckSchema = z.object({
  exists: z.boolean(),
  /** The file is in git's index: the key would end up in a commit. */
  gitTracked: z.boolean(),
  /** The file's mode when group or others may read it, or null. */
  readableByOthers: z.number().nullable(),
  /** Why the file cannot be written (a relative path, a folder, a read-only file…), in words. */
  problem: z.string().optional(),
});
export type EnvTargetCheck = z.infer<typeof envTargetCheckSchema>;

export const envChannels = {
  checkEnvTarget: {
    input: z.object({ path: text(4096) }).strict(),
    output: envTargetCheckSchema,
  },
} as const;
