// The sync channels.
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';
import { notBuilt } from './not-built.ts';

type SyncHandlers = Pick<Handlers, 'syncAccounts' | 'captureRemoteKey'>;

export function createSyncHandlers(ctx: AppContext): SyncHandlers {
  void ctx;
  return {
    syncAccounts: async () => notBuilt(),
    captureRemoteKey: async () => notBuilt(),
  };
}
