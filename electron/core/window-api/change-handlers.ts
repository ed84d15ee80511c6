// The change channels.
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';
import { notBuilt } from './not-built.ts';

type ChangeHandlers = Pick<Handlers, 'waitForChange'>;

export function createChangeHandlers(ctx: AppContext): ChangeHandlers {
  void ctx;
  return {
    waitForChange: async () => notBuilt(),
  };
}
