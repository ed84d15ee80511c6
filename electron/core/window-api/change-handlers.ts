// The change channels: a long poll on the host's change feed. It answers as soon as the data
// folder changed after `since`, or unchanged after the timeout (25 s by default: under any
// proxy's or browser's idle limit, and Electron's invoke has none).
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';

type ChangeHandlers = Pick<Handlers, 'waitForChange'>;

export const DEFAULT_CHANGE_WAIT_MS = 25_000;

export function createChangeHandlers(ctx: AppContext): ChangeHandlers {
  return {
    waitForChange: async ({ since, timeoutMs = DEFAULT_CHANGE_WAIT_MS }) => {
      if (ctx.changes) return ctx.changes.wait(since, timeoutMs);
      // A host without a feed (a test rig) never sees outside changes: it answers unchanged, after
      // the same wait, so a window's loop does not spin.
      if (timeoutMs > 0) await new Promise((r) => setTimeout(r, timeoutMs).unref());
      return { revision: since, changed: false };
    },
  };
}
