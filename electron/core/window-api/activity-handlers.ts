// The activity channels: the whole audit trail (not only one key's), newest first, filtered.
import type { AuditEvent } from '../../../shared/schemas.ts';
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';

type ActivityHandlers = Pick<Handlers, 'listActivity'>;

/** Enough for a screen of history without sending a years-long trail on every open. */
export const DEFAULT_ACTIVITY_LIMIT = 500;

export interface ActivityFilter {
  keyId?: string | undefined;
  accountId?: string | undefined;
  action?: AuditEvent['action'] | undefined;
}

export function matchesActivity(e: AuditEvent, f: ActivityFilter): boolean {
  return (
    (f.keyId === undefined || e.keyId === f.keyId) &&
    (f.accountId === undefined || e.accountId === f.accountId) &&
    (f.action === undefined || e.action === f.action)
  );
}

export function createActivityHandlers(ctx: AppContext): ActivityHandlers {
  return {
    async listActivity({ limit, ...filter }) {
      const { events, unreadableLines } = await ctx.deps.audit.read();
      // The file is in the order events happened; the newest come first on screen.
      const matching = events.filter((e) => matchesActivity(e, filter)).reverse();
      return {
        events: matching.slice(0, limit ?? DEFAULT_ACTIVITY_LIMIT),
        total: matching.length,
        // A line that cannot be read may have matched the filter: the window says how many.
        ...(unreadableLines.length ? { unreadableLines: unreadableLines.length } : {}),
      };
    },
  };
}
