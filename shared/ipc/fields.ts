// The bounds every channel's input uses: they keep a misbehaving renderer from sending
// megabytes; the core applies the real rules.
import { z } from 'zod';

export const id = z.string().min(1).max(128);
export const text = (max: number) => z.string().max(max);
export const keyRef = z.object({ id }).strict();
export const none = z.object({}).strict();
