// What the window needs before anything else: can the keychain be reached, can the store be
// read, can ApexVerify be reached.
import { toErrorInfo, type ErrorInfo } from '../../../shared/errors.ts';
import type { Account, StoreData } from '../../../shared/schemas.ts';
import type { AccountConnection, AppStatus, Connection } from '../../../shared/views.ts';
import { accountKey } from '../accounts.ts';
import type { CoreDeps } from '../deps.ts';
import {
  createReachabilityTracker,
  trackedDeps,
  type ReachabilityTracker,
} from '../reachability.ts';
import type { AppContext } from './context.ts';

export async function keychainState(deps: CoreDeps): Promise<AppStatus['keychain']> {
  try {
    // The canary alone proves the collection reachable and unlocked; listing every entry would
    // read every secret, which keytar cannot survive while another process deletes one.
    await (deps.vault.probe ? deps.vault.probe() : deps.vault.listIds());
    return { state: 'ok', message: null };
  } catch (e) {
    const info = toErrorInfo(e);
    if (info.code === 'KEYCHAIN_DENIED') return { state: 'locked', message: info.message };
    return { state: 'unavailable', message: info.message };
  }
}

/** One read of the store for the status: its data, or why it cannot be read. */
export async function readForStatus(
  deps: CoreDeps,
): Promise<{ data: StoreData; error: null } | { data: null; error: ErrorInfo }> {
  try {
    return { data: await deps.store.read(), error: null };
  } catch (e) {
    return { data: null, error: toErrorInfo(e) };
  }
}

/** The context with a reachability tracker that every client made through its deps feeds. */
export function withReachability(
  ctx: AppContext,
): AppContext & { reachability: ReachabilityTracker } {
  // An existing tracker means the deps were already wrapped (or the host feeds it itself).
  if (ctx.reachability) return { ...ctx, reachability: ctx.reachability };
  const reachability = createReachabilityTracker(ctx.deps.clock);
  return { ...ctx, reachability, deps: trackedDeps(ctx.deps, reachability) };
}

/**
 * Asks one account's server for its credits with the account key (never a managed key, whose
 * last-used time a rotation watches); the tracker learns the outcome through the client. An
 * HTTP error still means the server is there; a keychain failure sends nothing and says nothing.
 */
export async function probeAccount(
  deps: CoreDeps,
  tracker: ReachabilityTracker,
  account: Account,
): Promise<AccountConnection> {
  try {
    const secret = await accountKey(deps, account);
    await deps.clientFor(account).checkKey(secret);
  } catch {
    // The outcome is in the tracker; any other failure is not about reaching the server.
  }
  return { accountId: account.id, name: account.name, reachability: tracker.get(account.id) };
}

/**
 * Checks every account, each on its own and at the same time: one that cannot be reached does
 * not stop the others from being checked, and the window disables only its keys' network actions.
 */
export async function checkConnection(
  deps: CoreDeps,
  tracker: ReachabilityTracker,
): Promise<Connection> {
  const { accounts } = await deps.store.read();
  const results = await Promise.all(accounts.map((a) => probeAccount(deps, tracker, a)));
  const down = results.find((r) => r.reachability.state === 'offline');
  return {
    online: down === undefined,
    reason: down?.reachability.reason ?? null,
    checkedAt: deps.clock.now().toISOString(),
    accounts: results,
  };
}
