// Injected failures: each request (admin paths excepted) takes the first matching fault that
// still has uses left.
import { z } from 'zod';

export interface FaultSpec {
  method?: string;
  /** Path prefix; undefined = any. */
  path?: string;
  status?: number;
  /** Seconds for Retry-After; null or undefined = no header. */
  retryAfter?: number | null;
  /** Raw body instead of the JSON one. */
  body?: string;
  /** 200 with a body that is not valid JSON. */
  malformed?: boolean;
  /** Destroy the socket without answering. */
  drop?: boolean;
  latencyMs?: number;
  /** Default 1; Infinity allowed. */
  times?: number;
}

/** The admin endpoint's input: JSON has no Infinity, so `times` may be the string "Infinity". */
export const faultSpecSchema = z.strictObject({
  method: z.string().min(1).max(16).optional(),
  path: z.string().startsWith('/').max(1024).optional(),
  status: z.number().int().min(200).max(599).optional(),
  retryAfter: z.number().int().min(0).nullable().optional(),
  body: z.string().max(65_536).optional(),
  malformed: z.boolean().optional(),
  drop: z.boolean().optional(),
  latencyMs: z.number().min(0).max(600_000).optional(),
  times: z
    .union([z.number().int().positive(), z.literal('Infinity')])
    .optional()
    .transform((t) => (t === 'Infinity' ? Infinity : t)),
});

interface ActiveFault {
  spec: FaultSpec;
  left: number;
}

export class FaultList {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!(times === Infinity || (Number.isInteger(times) && times > 0)))
      throw new RangeError('times must be a positive integer or Infinity');
    this.faults.push({ spec: { ...spec }, left: times });
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault that applies to this request, its use counted; null when none does. */
  take(method: string, path: string): FaultSpec | null {
    const i = this.faults.findIndex(
      (f) =>
        (f.spec.method === undefined || f.spec.method.toUpperCase() === method.toUpperCase()) &&
        (f.spec.path === undefined || path.startsWith(f.spec.path)),
    );
    const f = this.faults[i];
    if (!f) return null;
    f.left -= 1;
    if (f.left <= 0) this.faults.splice(i, 1);
    return f.spec;
  }
}

/** A fault that changes the answer (as opposed to only delaying it). */
export const faultAnswers = (f: FaultSpec): boolean =>
  f.drop === true || f.malformed === true || f.status !== undefined || f.body !== undefined;

/** A body that starts like the credits answer and stops mid-token. */
export const MALFORMED_BODY = '{"email_credit": 1000.0, "phone_cre';
