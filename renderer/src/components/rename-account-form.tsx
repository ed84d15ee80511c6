// "Rename…": a new name for one account. Keys keep pointing at the account by id, so their
// labels and audit trail keep working; the core refuses a name in use or against the rules.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { accountNameProblem } from '../../../shared/input-rules.ts';
import type { AccountView } from '../../../shared/views.ts';
import { usePending } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';

interface Props {
  account: AccountView;
  onRenamed: (account: AccountView, from: string) => void;
  onCancel: () => void;
}

export function RenameAccountForm({ account, onRenamed, onCancel }: Props) {
  const { rename, error, setError } = useAppState(
    useShallow((s) => ({
      rename: s.renameAccount,
      error: s.errors.accounts,
      setError: s.setError,
    })),
  );
  const busy = usePending('accounts');
  const [name, setName] = useState(account.name);
  const [tried, setTried] = useState(false);
  const serverProblem = error?.error.field === 'name' ? error.error.message : null;
  const problem =
    serverProblem ??
    accountNameProblem(name) ??
    (name === account.name
      ? `Type a new name; the account is called “${account.name}” now.`
      : null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (busy) return;
    if (problem && !serverProblem) {
      e.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const renamed = await rename(account.id, name);
    if (renamed) onRenamed(renamed, account.name);
  };

  return (
    <form className="modal__body" onSubmit={submit} noValidate>
      {error && !serverProblem && <ErrorAlert failure={error} />}
      <Field
        label="New name"
        value={name}
        onChange={(v) => {
          if (serverProblem) setError('accounts', null);
          setName(v);
        }}
        problem={problem}
        showProblem={tried || serverProblem !== null}
        autoFocus
        hint="Its keys, their labels and their audit trail stay as they are."
      />
      <div className="modal__actions">
        <button type="button" className="btn btn--default" onClick={onCancel}>
          Cancel
        </button>
        <ActionButton type="submit" variant="primary" busy={busy}>
          Rename
        </ActionButton>
      </div>
    </form>
  );
}
