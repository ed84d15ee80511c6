// What the request handlers share: one account's keys, rate bucket, faults and counters.
import type { ServerResponse } from 'node:http';
import type { FaultList } from './faults.ts';
import type { KeyRing } from './keys.ts';
import { rateHeaders, type RateSnapshot, type TokenBucket } from './rate-limit.ts';

export interface SandboxStats {
  requests: number;
  rateLimited: number;
  /** Requests an injected fault answered (a status, a drop, a body) instead of the API. */
  faulted: number;
  byPath: Record<string, number>;
}

export interface SandboxContext {
  readonly keys: KeyRing;
  readonly bucket: TokenBucket;
  readonly faults: FaultList;
  readonly stats: SandboxStats;
  readonly credits: { email: number; phone: number };
  /** false = dashboard mode: the key-management endpoints do not exist. */
  readonly keyApi: boolean;
  readonly adminToken: string;
}

/**
 * Sets the rate-limit headers every answer carries; a later writeHead with the same names
 * (after a token is taken, or on a 429) overrides them.
 */
export function setRateHeaders(res: ServerResponse, s: RateSnapshot): void {
  for (const [name, value] of Object.entries(rateHeaders(s))) res.setHeader(name, value);
}

export function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
