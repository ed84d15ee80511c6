// "Remove…": an alertdialog that says what removing deletes and asks for the account's exact
// name. The core deletes its secrets and records, keeps the audit trail, and refuses while one
// of its rotations is open.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AccountView } from '../../../shared/views.ts';
import { usePending } from '../hooks/use-selectors.ts';
import { keyCountWords } from '../lib/accounts.ts';
import type { RemovedAccount } from '../state/accounts-admin-slice.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { Modal } from './modal.tsx';

interface Props {
  account: AccountView;
  onRemoved: (removed: RemovedAccount) => void;
  onCancel: () => void;
}

export function RemoveAccountDialog({ account, onRemoved, onCancel }: Props) {
  const { remove, error } = useAppState(
    useShallow((s) => ({ remove: s.removeAccount, error: s.errors.accounts })),
  );
  const busy = usePending('accounts');
  const [typed, setTyped] = useState('');
  const reason =
    typed === account.name
      ? null
      : `Type the name “${account.name}” exactly to enable Remove account.`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason || busy) return;
    const removed = await remove(account.id, typed);
    if (removed) onRemoved(removed);
  };

  return (
    <Modal
      role="alertdialog"
      labelledBy="remove-account-title"
      describedBy="remove-account-warning"
      onClose={onCancel}
    >
      <h2 id="remove-account-title" className="modal__title">
        Remove account “{account.name}”
      </h2>
      <form className="modal__body" onSubmit={submit} noValidate>
        <div id="remove-account-warning" className="warning-box">
          <p>
            <strong>
              This deletes the account’s key and the secrets of its{' '}
              {keyCountWords(account.keyCount)} from the OS keychain
            </strong>
            , and their records from this app. The keys themselves keep working on ApexVerify; the
            audit trail is kept.
          </p>
          <p>An account with a rotation in progress cannot be removed until it is finished.</p>
        </div>
        {error && <ErrorAlert failure={error} />}
        <Field
          label="Type the account name to confirm"
          hint={`The name is “${account.name}”; type it exactly.`}
          value={typed}
          onChange={setTyped}
          autoFocus
        />
        <div className="modal__actions">
          <button type="button" className="btn btn--default" onClick={onCancel}>
            Cancel
          </button>
          <ActionButton type="submit" variant="danger" busy={busy} disabledReason={reason}>
            Remove account
          </ActionButton>
        </div>
      </form>
    </Modal>
  );
}
