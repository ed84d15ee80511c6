// Native file and folder choosers. Electron shows the OS dialog from main; the preview host has
// none and answers supported: false, and the window then offers a path field instead.
import { z } from 'zod';
import { text } from './fields.ts';

export const chooseKindSchema = z.enum(['folder', 'open', 'save']);

export const fileChannels = {
  chooseFiles: {
    input: z
      .object({
        kind: chooseKindSchema,
        /** The dialog's title, in words. */
        title: text(200),
        /** open: several files may be chosen; folder: several folders. */
        multiple: z.boolean().optional(),
        /** save: the file name offered. */
        defaultName: text(255).optional(),
        /** The file types offered ("Backups", ["age"]); without them, any file. */
        filter: z
          .object({ name: text(100), extensions: z.array(text(16)).min(1).max(8) })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({
      supported: z.boolean(),
      /** Absolute paths; empty when the user cancelled. */
      paths: z.array(z.string()),
    }),
  },
} as const;
