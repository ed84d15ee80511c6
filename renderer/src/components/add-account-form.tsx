// "Add account": name, API base URL, dashboard URL and the account's key. The core probes the
// mode and verifies the key, as `apexkeys account add` does; an error about one field is shown
// beside it. The key lives only in this form's state and is sent once; the form unmounts (and
// forgets it) when the dialog closes.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  accountNameProblem,
  normaliseBaseUrl,
  secretProblem,
} from '../../../shared/input-rules.ts';
import type { AccountView } from '../../../shared/views.ts';
import { usePending } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';

export const DEFAULT_BASE_URL = 'https://api.apexverify.com';

const FIELDS = ['name', 'baseUrl', 'dashboardUrl', 'secret'] as const;
type FieldName = (typeof FIELDS)[number];
const isField = (f: string | undefined): f is FieldName => FIELDS.some((x) => x === f);

function urlProblem(url: string): string | null {
  const r = normaliseBaseUrl(url);
  return 'problem' in r ? r.problem : null;
}

interface Props {
  onAdded: (account: AccountView) => void;
  onCancel: () => void;
}

export function AddAccountForm({ onAdded, onCancel }: Props) {
  const { add, error, setError } = useAppState(
    useShallow((s) => ({ add: s.addAccount, error: s.errors.accounts, setError: s.setError })),
  );
  const busy = usePending('accounts');
  const [values, setValues] = useState({
    name: '',
    baseUrl: DEFAULT_BASE_URL,
    dashboardUrl: '',
  });
  const [secret, setSecret] = useState('');
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const field = error && isField(error.error.field) ? error.error.field : null;
  const problems: Record<FieldName, string | null> = {
    name: accountNameProblem(values.name),
    baseUrl: urlProblem(values.baseUrl),
    dashboardUrl: values.dashboardUrl.trim() === '' ? null : urlProblem(values.dashboardUrl),
    secret: secret === '' ? "Paste the account's API key." : secretProblem(secret),
  };
  // The core's word on a field wins over the local rule: it knows what the server said.
  if (error && field) problems[field] = error.error.message;

  // A refusal about one field moves focus there, so it is heard and can be corrected at once.
  useEffect(() => {
    if (field) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, field]);

  const edit = (name: FieldName, value: string) => {
    if (field === name) setError('accounts', null);
    if (name === 'secret') setSecret(value);
    else setValues((v) => ({ ...v, [name]: value }));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (busy) return;
    if (Object.values(problems).some(Boolean) && !field) {
      e.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const dashboardUrl = values.dashboardUrl.trim();
    const added = await add(
      {
        name: values.name,
        baseUrl: values.baseUrl.trim(),
        ...(dashboardUrl === '' ? {} : { dashboardUrl }),
      },
      secret,
    );
    if (added) onAdded(added);
  };

  const show = (name: FieldName) => tried || field === name;
  return (
    <form ref={formRef} className="modal__body" onSubmit={submit} noValidate>
      {error && !field && <ErrorAlert failure={error} />}
      <Field
        label="Name"
        value={values.name}
        onChange={(v) => edit('name', v)}
        problem={problems.name}
        showProblem={show('name')}
        autoFocus
        placeholder="e.g. acme-prod"
        hint="How this app and the apexkeys CLI refer to the account."
      />
      <Field
        label="API base URL"
        value={values.baseUrl}
        onChange={(v) => edit('baseUrl', v)}
        problem={problems.baseUrl}
        showProblem={show('baseUrl')}
        hint="https, or plain http for a server on this machine only."
      />
      <Field
        label="Dashboard URL"
        value={values.dashboardUrl}
        onChange={(v) => edit('dashboardUrl', v)}
        problem={problems.dashboardUrl}
        showProblem={show('dashboardUrl')}
        hint="Optional: where the account's ApexVerify dashboard is, if not the usual one."
      />
      <Field
        label="Account key"
        type="password"
        value={secret}
        onChange={(v) => edit('secret', v)}
        problem={problems.secret}
        showProblem={show('secret')}
        hint="Verified with ApexVerify, then kept in the OS keychain; it is never shown here again."
      />
      <div className="modal__actions">
        <button type="button" className="btn btn--default" onClick={onCancel}>
          Cancel
        </button>
        <ActionButton type="submit" variant="primary" busy={busy}>
          Add account
        </ActionButton>
      </div>
    </form>
  );
}
