// The sync channels.
import { captureRemoteKey } from '../capture-remote.ts';
import { syncAccounts } from '../sync.ts';
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';

type SyncHandlers = Pick<Handlers, 'syncAccounts' | 'captureRemoteKey'>;

export function createSyncHandlers(ctx: AppContext): SyncHandlers {
  const { deps } = ctx;
  return {
    syncAccounts: ({ accountId }) => syncAccounts(deps, { accountId }),
    captureRemoteKey: ({ id, secret }) => captureRemoteKey(deps, { id }, secret),
  };
}
