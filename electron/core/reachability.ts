// Whether each account's server can be reached, learned from the outcome of every request the
// window's core makes to it (not from the OS's network flag, which says nothing about one
// server): a request that could not connect or timed out marks the account offline since the
// first failure of the spell; any HTTP answer, even an error, means the server is there.
import { isAppError, isNetworkError, type ErrorCode } from '../../shared/errors.ts';
import type { Account } from '../../shared/schemas.ts';
import type { Reachability } from '../../shared/views.ts';
import type { ApexClient } from './apexverify/index.ts';
import type { Clock } from './clock.ts';
import type { CoreDeps } from './deps.ts';

export interface ReachabilityTracker {
  /** What is known of this account; unknown until a request to it has ended. */
  get(accountId: string): Reachability;
  /** A request got an HTTP answer. */
  answered(accountId: string): void;
  /** A request could not reach the server; `why` is the error's message. */
  unreachable(account: Pick<Account, 'id' | 'name' | 'baseUrl'>, why: string): void;
  /** Forgets an account (removed). */
  forget(accountId: string): void;
}

// The codes the client gives only to an HTTP answer (BAD_INPUT and the like are never sent).
const ANSWERED_CODES: ReadonlySet<ErrorCode> = new Set([
  'UNAUTHORIZED',
  'RATE_LIMITED',
  'PAYMENT_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID',
  'SERVER_ERROR',
  'BAD_RESPONSE',
]);

const UNKNOWN: Reachability = { state: 'unknown', since: null, reason: null };

export function createReachabilityTracker(clock: Clock): ReachabilityTracker {
  const known = new Map<string, Reachability>();
  return {
    get: (accountId) => ({ ...(known.get(accountId) ?? UNKNOWN) }),
    answered(accountId) {
      known.set(accountId, { state: 'online', since: null, reason: null });
    },
    unreachable(account, why) {
      const before = known.get(account.id);
      // The spell began at its first failure: later failures keep that time, with the latest why.
      const since =
        before?.state === 'offline' && before.since ? before.since : clock.now().toISOString();
      known.set(account.id, {
        state: 'offline',
        since,
        reason: `ApexVerify at ${account.baseUrl} (account "${account.name}") cannot be reached: ${why}`,
      });
    },
    forget(accountId) {
      known.delete(accountId);
    },
  };
}

/** What an ended request says of the server: there, not there, or nothing (never sent). */
export function outcomeOf(e: unknown): 'answered' | 'unreachable' | 'none' {
  if (isNetworkError(e)) return 'unreachable';
  if (isAppError(e) && ANSWERED_CODES.has(e.code)) return 'answered';
  return 'none';
}

/** The same client, reporting the outcome of each of its calls to the tracker. */
export function trackClient(
  client: ApexClient,
  tracker: ReachabilityTracker,
  account: Account,
): ApexClient {
  const watch =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        const result = await call(...args);
        tracker.answered(account.id);
        return result;
      } catch (e) {
        const outcome = outcomeOf(e);
        if (outcome === 'answered') tracker.answered(account.id);
        else if (outcome === 'unreachable')
          tracker.unreachable(account, e instanceof Error ? e.message : String(e));
        throw e;
      }
    };
  return {
    get baseUrl() {
      return client.baseUrl;
    },
    get stats() {
      return client.stats;
    },
    get rate() {
      return client.rate;
    },
    credits: watch((k: string) => client.credits(k)),
    checkKey: watch((k: string) => client.checkKey(k)),
    probe: watch((k: string) => client.probe(k)),
    listKeys: watch((k: string) => client.listKeys(k)),
    createKey: watch((k: string, label: string) => client.createKey(k, label)),
    updateKey: watch((k: string, id: string, patch: { label?: string; enabled?: boolean }) =>
      client.updateKey(k, id, patch),
    ),
    deleteKey: watch((k: string, id: string) => client.deleteKey(k, id)),
  };
}

/** The core's dependencies with every client it makes feeding the tracker. */
export function trackedDeps<D extends CoreDeps>(deps: D, tracker: ReachabilityTracker): D {
  return {
    ...deps,
    clientFor: (account, opts) => trackClient(deps.clientFor(account, opts), tracker, account),
  };
}
