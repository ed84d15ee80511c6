// The public shapes of the ApexVerify client. Field names follow the API's JSON (snake_case).

export interface Credits {
  email_credit: number;
  phone_credit: number;
}

export interface RemoteKey {
  id: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  enabled: boolean;
}

export interface RateInfo {
  limit: number;
  remaining: number;
  used: number;
}

export type KeyCheck = { status: 'ok'; credits: Credits } | { status: 'unauthorized' };

export interface ClientStats {
  /** Attempts sent, retries included. */
  requests: number;
  retries: number;
  /** 429s received. */
  rateLimited: number;
}

export interface ApexClientOptions {
  /** Already normalised, no trailing slash. */
  baseUrl: string;
  /** Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Per attempt, default 10_000. */
  timeoutMs?: number;
  /** Extra attempts for GET on network errors, timeouts and 5xx; default 3. */
  retries?: number;
  /** Default 250: exponential with full jitter, capped by backoffMaxMs (default 4000). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Default 30: a 429 whose Retry-After is longer fails at once with RATE_LIMITED carrying the wait. */
  maxRetryAfterSec?: number;
  /** Default 3. */
  max429Retries?: number;
  /** Optional pacing for bulk work. */
  governor?: RateGovernor;
  /** Default Math.random (tests make jitter deterministic). */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Cancels the client's work (bulk work's Cancel): a wait for a rate slot, a Retry-After or a
   * back-off ends at once, a request in flight is aborted, and the call fails with CANCELLED.
   */
  signal?: AbortSignal;
}

export interface ApexClient {
  readonly baseUrl: string;
  readonly stats: ClientStats;
  /** Last X-RateLimit-* values seen, or null. */
  readonly rate: RateInfo | null;
  /** GET /v1/account/credits */
  credits(apiKey: string): Promise<Credits>;
  /** Same call; 401 => {status:'unauthorized'}; other errors throw. */
  checkKey(apiKey: string): Promise<KeyCheck>;
  /** GET /v1/api-keys: 200 => api; 404/405 => dashboard; 401 => UNAUTHORIZED error; others throw. */
  probe(apiKey: string): Promise<'api' | 'dashboard'>;
  listKeys(apiKey: string): Promise<RemoteKey[]>;
  /** POST, 201. */
  createKey(apiKey: string, label: string): Promise<{ key: RemoteKey; secret: string }>;
  /** PATCH. */
  updateKey(
    apiKey: string,
    id: string,
    patch: { label?: string; enabled?: boolean },
  ): Promise<RemoteKey>;
  /** DELETE, 204. */
  deleteKey(apiKey: string, id: string): Promise<void>;
}

/** Paces bulk work to a share of the account's limit, fed by X-RateLimit-* headers. */
export interface RateGovernor {
  acquire(signal?: AbortSignal): Promise<void>;
  /** An answer that was not a 429, with its X-RateLimit-* headers. */
  observe(info: RateInfo): void;
  /** A 429: nothing is sent until its Retry-After (seconds; null when absent) has passed. */
  limited(info: RateInfo | null, retryAfterSec: number | null): void;
  readonly ratePerSec: number | null;
  readonly burst: number | null;
}

export interface RateGovernorOptions {
  /** Share of the account's limit that this work may use, in (0, 1]. */
  share: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}
