// Commands are declared up front (so --help lists every option) but each action's module is
// imported only when that command runs: the built CLI keeps one chunk per action, and a `key get`
// never parses the rotation code or the sandbox.
import type { CliSession } from './session.ts';

/** What an action module exports: the session first, then what commander hands the action. */
export type CliAction<A extends unknown[]> = (session: CliSession, ...args: A) => Promise<void>;

export function lazyAction<A extends unknown[]>(
  session: CliSession,
  load: () => Promise<CliAction<A>>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const action = await load();
    await action(session, ...args);
  };
}
