// The documented response bodies. Anything else is BAD_RESPONSE, never success.
import { z } from 'zod';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 date');

export const creditsSchema = z.object({
  email_credit: z.number(),
  phone_credit: z.number(),
});

export const remoteKeySchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  created_at: isoDate,
  last_used_at: isoDate.nullable(),
  enabled: z.boolean(),
});

export const keyListSchema = z.object({ api_keys: z.array(remoteKeySchema) });

export const createdKeySchema = remoteKeySchema.extend({ key: z.string() });

/** Where the body went wrong, by field path only: values might be secret. */
export function describeIssues(error: z.ZodError): string {
  const paths = error.issues.slice(0, 5).map((i) => (i.path.length ? i.path.join('.') : '(body)'));
  return `the body does not have the documented shape (check: ${[...new Set(paths)].join(', ')})`;
}
