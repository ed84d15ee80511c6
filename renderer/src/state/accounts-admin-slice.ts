// Adding, renaming and removing accounts from the Accounts dialog. The account key passes
// straight through addAccount to the core, never into state; errors go to the 'accounts' place
// (one sub-form is open at a time), where a form shows a field's error beside that field.
import type { InputOf, Result } from '../../../shared/ipc/contract.ts';
import type { AccountView } from '../../../shared/views.ts';
import type { GetState, SliceCreator } from './types.ts';

type AddAccountInput = Omit<InputOf<'addAccount'>, 'secret'>;
export type RemovedAccount = { name: string; keysRemoved: number; secretsLeft: number };

export interface AccountsAdminSlice {
  addAccount(input: AddAccountInput, secret: string): Promise<AccountView | null>;
  renameAccount(accountId: string, name: string): Promise<AccountView | null>;
  removeAccount(accountId: string, confirmName: string): Promise<RemovedAccount | null>;
  /** Account filter values of accounts that no longer exist are dropped with them. */
  forgetAccountFilter(accountId: string): void;
}

async function run<T>(get: GetState, what: string, call: () => Promise<Result<T>>) {
  get().setPending('accounts', true);
  get().setError('accounts', null);
  try {
    const r = await call();
    if (r.ok) return r.value;
    get().failed('accounts', what, r.error);
    return null;
  } finally {
    get().setPending('accounts', false);
  }
}

export const createAccountsAdminSlice: SliceCreator<AccountsAdminSlice> = (_set, get, api) => ({
  async addAccount(input, secret) {
    const r = await run(get, `Adding the account "${input.name}"`, () =>
      api.addAccount({ ...input, secret }),
    );
    // Accounts and keys reload together: the list's account names and counts come from them.
    if (r) await get().loadKeys();
    return r;
  },
  async renameAccount(accountId, name) {
    const r = await run(get, `Renaming the account to "${name}"`, () =>
      api.renameAccount({ accountId, name }),
    );
    // Its keys show the account's name: reload them so the list says the new one.
    if (r) await get().loadKeys();
    return r;
  },
  async removeAccount(accountId, confirmName) {
    const r = await run(get, `Removing the account "${confirmName}"`, () =>
      api.removeAccount({ accountId, confirmName }),
    );
    if (!r) return null;
    get().forgetAccountFilter(accountId);
    await get().loadKeys();
    // The open key may have been one of the removed account's.
    const { openId, keys } = get();
    if (openId !== null && !keys.some((k) => k.id === openId)) get().closeDetails();
    return { name: r.name, keysRemoved: r.keysRemoved, secretsLeft: r.secretsLeft };
  },
  forgetAccountFilter(accountId) {
    if (get().accountFilter === accountId) get().setAccountFilter('');
  },
});
