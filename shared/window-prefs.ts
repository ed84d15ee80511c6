// The window's own preferences (the list's account, environment and status filter and its sort):
// kept by the host (electron-store in Electron, a file in the data folder in the preview) and
// read and written by the renderer through the contract. Never the free-text filter (a pasted
// key could be sitting in it), never a secret.
import { z } from 'zod';
import { keyStatusSchema } from './schemas.ts';

// The renderer's list columns and status filters (renderer/src/lib/key-list.ts), restated here
// because shared/ may not import the renderer; the zod enums keep anything else out of the file.
const SORT_COLUMNS = [
  'label',
  'environment',
  'status',
  'createdAt',
  'lastUsedAt',
  'rotationDueAt',
] as const;
const STATUS_FILTERS = ['live', 'all', 'due', ...keyStatusSchema.options] as const;

const sortSchema = z.object({
  column: z.enum(SORT_COLUMNS),
  direction: z.enum(['ascending', 'descending']),
});

/** As kept and as returned: unknown fields are dropped. */
export const windowPrefsSchema = z.object({
  /** An account id, or '' for all accounts. */
  accountFilter: z.string().max(128),
  environmentFilter: z.string().max(64),
  statusFilter: z.enum(STATUS_FILTERS),
  sort: sortSchema,
});

/** A change from the renderer: any of the fields, and nothing else. */
export const windowPrefsChangeSchema = windowPrefsSchema
  .extend({ sort: sortSchema.strict() })
  .partial()
  .strict();
export type WindowPrefs = z.infer<typeof windowPrefsSchema>;

/** The renderer's first-run view: every environment, live keys, by label. */
export const DEFAULT_PREFS: WindowPrefs = {
  accountFilter: '',
  environmentFilter: '',
  statusFilter: 'live',
  sort: { column: 'label', direction: 'ascending' },
};

/** Saved preferences over the defaults; a field that does not parse falls back on its own. */
export function parseWindowPrefs(raw: unknown): WindowPrefs {
  const whole = windowPrefsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const shape = windowPrefsSchema.shape;
  const pick = <K extends keyof WindowPrefs>(key: K): WindowPrefs[K] => {
    const field = shape[key].safeParse(fields[key]);
    return field.success ? (field.data as WindowPrefs[K]) : DEFAULT_PREFS[key];
  };
  return {
    accountFilter: pick('accountFilter'),
    environmentFilter: pick('environmentFilter'),
    statusFilter: pick('statusFilter'),
    sort: pick('sort'),
  };
}
