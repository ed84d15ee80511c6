// The Accounts dialog: the list, and in its place while open, Add account, Rename account or
// Remove account (one modal at a time: Esc in a sub-dialog goes back to the list, not out).
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useShownAccounts } from '../hooks/use-shown-accounts.ts';
import { keyCountWords, modeWords } from '../lib/accounts.ts';
import { useAppState } from '../state/context.ts';
import { AccountList } from './account-list.tsx';
import { AddAccountForm } from './add-account-form.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Modal } from './modal.tsx';
import { RemoveAccountDialog } from './remove-account-dialog.tsx';
import { RenameAccountForm } from './rename-account-form.tsx';

type View = { kind: 'list' } | { kind: 'add' } | { kind: 'rename' | 'remove'; accountId: string };

export function AccountsDialog({ adding = false }: { adding?: boolean }) {
  const { close, setError, error, check, checkingAccounts } = useAppState(
    useShallow((s) => ({
      close: s.closeDialog,
      setError: s.setError,
      error: s.errors.accounts,
      // Try again is the status slice's, shared with the offline banner.
      check: s.checkAccount,
      checkingAccounts: s.checkingAccounts,
    })),
  );
  const checking = new Set(Object.keys(checkingAccounts));
  const accounts = useShownAccounts();
  // Opened to add one (the first-run screen's Add account…): the form first, the list behind it.
  const [view, setView] = useState<View>({ kind: adding ? 'add' : 'list' });
  const [note, setNote] = useState<string | null>(null);
  const go = (next: View, text: string | null = null) => {
    setError('accounts', null);
    setNote(text);
    setView(next);
  };
  const back = () => go({ kind: 'list' });
  const account =
    view.kind === 'rename' || view.kind === 'remove'
      ? accounts.find((a) => a.id === view.accountId)
      : undefined;

  if (view.kind === 'add')
    return (
      <Modal labelledBy="add-account-title" onClose={back} className="modal--form">
        <h2 id="add-account-title" className="modal__title">
          Add account
        </h2>
        <AddAccountForm
          onCancel={back}
          onAdded={(a) =>
            go(
              { kind: 'list' },
              `Added “${a.name}”: ApexVerify accepted its key; it works in ${modeWords(a)}.`,
            )
          }
        />
      </Modal>
    );
  if (view.kind === 'rename' && account)
    return (
      <Modal labelledBy="rename-account-title" onClose={back} className="modal--form">
        <h2 id="rename-account-title" className="modal__title">
          Rename account “{account.name}”
        </h2>
        <RenameAccountForm
          account={account}
          onCancel={back}
          onRenamed={(a, from) => go({ kind: 'list' }, `Renamed “${from}” to “${a.name}”.`)}
        />
      </Modal>
    );
  if (view.kind === 'remove' && account)
    return (
      <RemoveAccountDialog
        account={account}
        onCancel={back}
        onRemoved={(r) =>
          go(
            { kind: 'list' },
            r.secretsLeft > 0
              ? `Removed “${r.name}” and its ${keyCountWords(r.keysRemoved)}; the OS keychain refused to delete ${r.secretsLeft} of their entries, which are still there.`
              : `Removed “${r.name}” and its ${keyCountWords(r.keysRemoved)}; their secrets are gone from the OS keychain.`,
          )
        }
      />
    );

  return (
    <Modal labelledBy="accounts-dialog-title" onClose={close} className="modal--accounts">
      <h2 id="accounts-dialog-title" className="modal__title">
        Accounts
      </h2>
      <div className="modal__body">
        {note && (
          <p role="status" className="account-note">
            {note}
          </p>
        )}
        {error && <ErrorAlert failure={error} />}
        <AccountList
          accounts={accounts}
          checking={checking}
          onCheck={(accountId) => void check(accountId)}
          onRename={(accountId) => go({ kind: 'rename', accountId })}
          onRemove={(accountId) => go({ kind: 'remove', accountId })}
        />
        <div className="modal__actions">
          <button type="button" className="btn btn--default" onClick={close}>
            Close
          </button>
          <button
            type="button"
            className="btn btn--primary"
            data-autofocus=""
            onClick={() => go({ kind: 'add' })}
          >
            Add account
          </button>
        </div>
      </div>
    </Modal>
  );
}
