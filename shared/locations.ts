// Where a key is deployed: the files the app wrote it into (or found it in) and the variable
// that holds it. A location never carries the value; its state is checked on demand by reading
// the file and comparing with the secret in memory. Imports nothing of ours: shared/schemas.ts
// embeds the location in the key record.
import { z } from 'zod';

export const LOCATION_VIAS = ['env', 'rotation', 'scan'] as const;

export const locationSchema = z.object({
  /** Absolute path of the file. */
  path: z.string().refine((p) => p.startsWith('/'), 'an absolute path'),
  variable: z.string(),
  recordedAt: z.string(),
  /** How the app learnt of it: `key env` / Write to .env, a rotation's replace, or a scan. */
  via: z.enum(LOCATION_VIAS),
});
export type KeyLocation = z.infer<typeof locationSchema>;

export const LOCATION_STATES = [
  'holds',
  'other-value',
  'variable-missing',
  'file-missing',
  'unreadable',
] as const;
export const locationStateSchema = z.enum(LOCATION_STATES);
export type LocationState = z.infer<typeof locationStateSchema>;

/** The words the window and the CLI show for each state. */
export const LOCATION_STATE_WORDS: Record<LocationState, string> = {
  holds: 'holds this key',
  'other-value': 'holds another value',
  'variable-missing': 'variable missing',
  'file-missing': 'file missing',
  unreadable: 'unreadable',
};

export const checkedLocationSchema = locationSchema.extend({ state: locationStateSchema });
export type CheckedLocation = z.infer<typeof checkedLocationSchema>;

/** Same file and variable: one location. */
export const sameLocation = (
  a: Pick<KeyLocation, 'path' | 'variable'>,
  b: Pick<KeyLocation, 'path' | 'variable'>,
): boolean => a.path === b.path && a.variable === b.variable;
