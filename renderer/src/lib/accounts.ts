// Which accounts the window shows, and how it names their mode and reachability. Pure, so the
// list, the filter, New key and the tests share one rule.
import type { Settings } from '../../../shared/schemas.ts';
import type { AccountView } from '../../../shared/views.ts';
import { exactTime } from './dates.ts';

/** The name the host gives the sandbox it adds itself (electron/hosts/sandbox-account.ts). */
export const BUILT_IN_SANDBOX = 'sandbox';

// isSandbox means "a server on this machine"; only the one the app adds itself is built in.
export const isBuiltInSandbox = (a: AccountView): boolean =>
  a.isSandbox && a.name === BUILT_IN_SANDBOX;

/** The accounts the window offers: a hidden built-in sandbox is left out everywhere. */
export function shownAccounts(
  accounts: readonly AccountView[],
  settings: Pick<Settings, 'hideSandbox'> | null,
): AccountView[] {
  if (!settings?.hideSandbox) return [...accounts];
  return accounts.filter((a) => !isBuiltInSandbox(a));
}

export const modeWords = (a: AccountView): string =>
  a.mode === 'api' ? 'API mode' : 'dashboard mode';

export function reachabilityWords(a: AccountView): string {
  const r = a.reachability;
  if (r.state === 'online') return 'Online';
  if (r.state === 'unknown') return 'Not checked yet';
  return r.since ? `Offline since ${exactTime(r.since)}` : 'Offline';
}

export const keyCountWords = (n: number): string => `${n} ${n === 1 ? 'key' : 'keys'}`;

/**
 * The ids of the accounts whose keys the list leaves out, joined by line breaks: a string, so a
 * selector can return it without a new object on every store change.
 */
export function hiddenAccountIds(
  accounts: readonly AccountView[],
  settings: Pick<Settings, 'hideSandbox'> | null,
): string {
  if (!settings?.hideSandbox) return '';
  return accounts
    .filter(isBuiltInSandbox)
    .map((a) => a.id)
    .join('\n');
}
