// The accounts the window offers (the list, the filter, New key): a hidden built-in sandbox is
// left out.
import { useShallow } from 'zustand/react/shallow';
import type { AccountView } from '../../../shared/views.ts';
import { shownAccounts } from '../lib/accounts.ts';
import { useAppState } from '../state/context.ts';

export const useShownAccounts = (): AccountView[] =>
  useAppState(useShallow((s) => shownAccounts(s.accounts, s.settings)));
