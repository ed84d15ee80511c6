// What the window needs before anything else: can the keychain be reached, can the store be
// read, can ApexVerify be reached.
import { isAppError, isNetworkError, toErrorInfo, type ErrorInfo } from '../../../shared/errors.ts';
import type { StoreData } from '../../../shared/schemas.ts';
import type { AppStatus, Connection } from '../../../shared/views.ts';
import { accountKey } from '../accounts.ts';
import type { CoreDeps } from '../deps.ts';

export async function keychainState(deps: CoreDeps): Promise<AppStatus['keychain']> {
  try {
    // listIds proves the collection is reachable and unlocked (it reads or writes the canary).
    await deps.vault.listIds();
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

/**
 * Asks each account's server for its credits with the account key (never a managed key, whose
 * last-used time a rotation watches). Offline only when a server cannot be reached at all;
 * an HTTP error still means the network works.
 */
export async function checkConnection(deps: CoreDeps): Promise<Connection> {
  const { accounts } = await deps.store.read();
  const checkedAt = () => deps.clock.now().toISOString();
  for (const account of accounts) {
    try {
      const secret = await accountKey(deps, account);
      await deps.clientFor(account).checkKey(secret);
    } catch (e) {
      if (isAppError(e) && isNetworkError(e))
        return {
          online: false,
          reason: `ApexVerify at ${account.baseUrl} (account "${account.name}") cannot be reached: ${e.message}`,
          checkedAt: checkedAt(),
        };
    }
  }
  return { online: true, reason: null, checkedAt: checkedAt() };
}
