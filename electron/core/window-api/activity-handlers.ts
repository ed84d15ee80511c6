// The activity channels.
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';
import { notBuilt } from './not-built.ts';

type ActivityHandlers = Pick<Handlers, 'listActivity'>;

export function createActivityHandlers(ctx: AppContext): ActivityHandlers {
  void ctx;
  return {
    listActivity: async () => notBuilt(),
  };
}
