// Why a network action is unavailable while an account's server cannot be reached; shown beside
// the control. Each account is reachable or not on its own: only its own keys' actions wait.
import type { AccountView, Connection } from '../../../shared/views.ts';

/** When no account can be reached (or the check did not say which). */
export const OFFLINE_REASON =
  'Unavailable while offline: this needs ApexVerify. Try again once the connection is back.';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "10:42": the time of day a spell began, in the user's locale. */
export const sinceWords = (iso: string): string => timeFormat.format(new Date(iso));

/** One unreachable account, as the banner and the buttons name it. */
export interface UnreachableAccount {
  accountId: string;
  name: string;
  baseUrl: string | null;
  since: string | null;
}

/** Every account the last check could not reach, in the store's order. */
export function unreachableAccounts(
  connection: Connection | null,
  accounts: readonly AccountView[],
): UnreachableAccount[] {
  if (!connection?.accounts) return [];
  return connection.accounts
    .filter((a) => a.reachability.state === 'offline')
    .map((a) => ({
      accountId: a.accountId,
      name: a.name,
      baseUrl: accounts.find((v) => v.id === a.accountId)?.baseUrl ?? null,
      since: a.reachability.since,
    }));
}

/** "ApexVerify at http://… (account “second”) cannot be reached since 10:42" */
export function unreachableWords(a: UnreachableAccount): string {
  const at = a.baseUrl ? ` at ${a.baseUrl}` : '';
  const since = a.since ? ` since ${sinceWords(a.since)}` : '';
  return `ApexVerify${at} (account “${a.name}”) cannot be reached${since}`;
}

/** The reason beside a disabled network action of that account's keys. */
export const accountOfflineReason = (a: UnreachableAccount): string =>
  `Unavailable: ${unreachableWords(a)}. Try again from the banner.`;
