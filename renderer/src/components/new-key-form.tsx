// The "New key" form. API mode: Generate, or paste an existing key. Dashboard mode: open the
// dashboard, paste the key it showed, Save. A pasted key is verified and linked by proof in the
// core (as `key import`), and lives only in this form's state.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KeyView } from '../../../shared/views.ts';
import { environmentProblem, labelProblem, secretProblem } from '../../../shared/input-rules.ts';
import { useAccountOffline, usePending } from '../hooks/use-selectors.ts';
import { useShownAccounts } from '../hooks/use-shown-accounts.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import type { CreatedHow } from './created-panel.tsx';
import { AccountSelect } from './account-select.tsx';
import { EnvironmentOptions } from './environment-options.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { KeySourceChoice } from './key-source-choice.tsx';
import { OpenDashboard } from './open-dashboard.tsx';

interface Props {
  onCreated: (key: KeyView, how: CreatedHow) => void;
  onCancel: () => void;
}

export function NewKeyForm({ onCreated, onCancel }: Props) {
  const accounts = useShownAccounts();
  const { generate, capture, error } = useAppState(
    useShallow((s) => ({
      generate: s.generateKey,
      capture: s.captureKey,
      error: s.errors.newKey,
    })),
  );
  const busy = usePending('create');
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '');
  // Only the chosen account's server matters: why Generate waits for it, or null.
  const offline = useAccountOffline(accountId);
  const [label, setLabel] = useState('');
  const [environment, setEnvironment] = useState('development');
  const [service, setService] = useState('');
  const [owner, setOwner] = useState('');
  const [secret, setSecret] = useState('');
  const [tried, setTried] = useState(false);
  const [how, setHow] = useState<'generate' | 'paste'>('generate');

  const account = accounts.find((a) => a.id === accountId);
  const dashboard = account?.mode === 'dashboard';
  const paste = dashboard || how === 'paste';
  const problems = {
    label: labelProblem(label),
    environment: environmentProblem(environment),
    secret: paste ? secretProblem(secret) : null,
  };
  const invalid = Object.values(problems).some(Boolean) || !account;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (offline || busy) return;
    if (invalid) {
      e.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const input = { accountId, label, environment, service, owner };
    // On success this form unmounts with the pasted key; on failure it stays, to be corrected.
    const created = paste ? await capture(input, secret) : await generate(input);
    if (created) onCreated(created, paste ? 'imported' : 'generated');
  };

  return (
    <form className="modal__body" onSubmit={submit} noValidate>
      {error && <ErrorAlert failure={error} pasted={paste} />}
      <AccountSelect accounts={accounts} value={accountId} onChange={setAccountId} />
      <Field
        label="Label"
        value={label}
        onChange={setLabel}
        problem={problems.label}
        showProblem={tried}
        autoFocus
        placeholder="e.g. checkout-prod"
      />
      <Field
        label="Environment"
        value={environment}
        onChange={setEnvironment}
        problem={problems.environment}
        showProblem={tried}
        list="new-key-envs"
      />
      <EnvironmentOptions id="new-key-envs" />
      <div className="field-pair">
        <Field label="Service" value={service} onChange={setService} />
        <Field label="Owner" value={owner} onChange={setOwner} />
      </div>
      {account && !dashboard && (
        <KeySourceChoice
          how={how}
          onChange={setHow}
          secret={secret}
          onSecret={setSecret}
          problem={problems.secret}
          showProblem={tried}
        />
      )}
      {dashboard && account && (
        <fieldset className="capture">
          <legend>Create the key in the dashboard, then paste it here</legend>
          <OpenDashboard account={account}>
            <Field
              label="Paste the new key"
              type="password"
              value={secret}
              onChange={setSecret}
              problem={problems.secret}
              showProblem={tried}
              hint="It goes straight to the OS keychain after ApexVerify accepts it."
            />
          </OpenDashboard>
        </fieldset>
      )}
      <div className="modal__actions">
        <button type="button" className="btn btn--default" onClick={onCancel}>
          Cancel
        </button>
        <ActionButton type="submit" variant="primary" busy={busy} disabledReason={offline}>
          {paste ? 'Save' : 'Generate'}
        </ActionButton>
      </div>
    </form>
  );
}
