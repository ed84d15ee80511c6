// The team hand-off in the window (issue 14): this installation's public recipient, sharing a key
// to teammates' recipients (optionally handing it over), and receiving a key shared with us. No
// channel carries a secret: the share file is written and read in main, and only paths cross.
import { z } from 'zod';
import { keyViewSchema } from '../views.ts';
import { id, none, text } from './fields.ts';

export const handoffChannels = {
  /** The age1… recipient teammates encrypt to; the identity is made on first use. */
  getIdentity: { input: none, output: z.object({ recipient: z.string() }) },
  shareKey: {
    input: z
      .object({
        id,
        /** age1… recipients; the core checks each one (and its checksum). */
        recipients: z.array(text(200)).min(1).max(20),
        /** Full path of the new file (it must not exist). */
        path: text(4096),
        /** Then remove this keychain's copy: the key is held by `owner`. */
        handover: z.boolean(),
        owner: text(256).optional(),
      })
      .strict(),
    output: z.object({
      key: keyViewSchema,
      file: z.string(),
      recipients: z.array(z.string()),
      heldBy: z.string().nullable(),
    }),
  },
  receiveKey: {
    input: z
      .object({
        path: text(4096),
        /** Default: the account with the base URL the key belongs to. */
        accountId: id.optional(),
        label: text(128).optional(),
        /** Check the key with the server before storing it. */
        verify: z.boolean(),
      })
      .strict(),
    output: keyViewSchema,
  },
} as const;
