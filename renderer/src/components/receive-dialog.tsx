// "Receive a key…": a file a teammate shared with this installation, decrypted in main, checked
// with the server (unless unticked) and stored in the account it belongs to. A file made for
// another installation says so at the field, with this installation's recipient to send them.
import { useId, useState } from 'react';
import type { ErrorInfo } from '../../../shared/errors.ts';
import { useDialogAction } from '../hooks/use-dialog-action.ts';
import { fullPathProblem } from '../lib/handoff.ts';
import { useApi, useAppState } from '../state/context.ts';
import { Field } from './field.tsx';
import { FilePathField } from './file-path-field.tsx';
import { FormDialog } from './form-dialog.tsx';
import { SettingsCheckbox } from './settings-choices.tsx';

const BY_BASE_URL = '';
type RefusedField = 'file' | 'account' | 'label';
type Refused = Partial<Record<RefusedField, string>>;

/** The core's refusals that are about one field, placed there. */
function refusedField(e: ErrorInfo): Refused | null {
  if (e.rule === 'share-not-for-this-installation' || e.field === 'file')
    return { file: e.message };
  if (e.field === 'account' || e.code === 'UNKNOWN_ACCOUNT') return { account: e.message };
  if (e.field === 'label') return { label: e.message };
  return null;
}

function AccountChoice(p: { value: string; onChange: (id: string) => void; problem?: string }) {
  const id = useId();
  const accounts = useAppState((s) => s.accounts);
  return (
    <div className="field">
      <label htmlFor={id}>Account</label>
      <select
        id={id}
        className="input"
        value={p.value}
        aria-invalid={p.problem ? true : undefined}
        aria-describedby={p.problem ? `${id}-problem` : undefined}
        onChange={(e) => p.onChange(e.target.value)}
      >
        <option value={BY_BASE_URL}>The account with the key’s base URL</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {p.problem && (
        <p id={`${id}-problem`} className="field__problem">
          {p.problem}
        </p>
      )}
    </div>
  );
}

export function ReceiveDialog() {
  const api = useApi();
  const upsertKey = useAppState((st) => st.upsertKey);
  const [path, setPath] = useState('');
  const [accountId, setAccountId] = useState(BY_BASE_URL);
  const [label, setLabel] = useState('');
  const [verify, setVerify] = useState(true);
  const d = useDialogAction({
    scope: 'receive',
    what: 'Receiving the key',
    placeRefusal: refusedField,
    call: () =>
      api.receiveKey({
        path: path.trim(),
        verify,
        ...(accountId !== BY_BASE_URL ? { accountId } : {}),
        ...(label.trim() !== '' ? { label: label.trim() } : {}),
      }),
    onOk: upsertKey,
  });
  const received = d.done;
  const fileProblem = d.refused.file ?? fullPathProblem(path, 'the shared file');

  return (
    <FormDialog
      name="receive"
      title="Receive a key"
      form={d}
      done={
        received && (
          <p role="status" className="proof">
            <strong>
              Received “{received.label}” into account “{received.account}”; its secret is in the
              keychain.
            </strong>{' '}
            {verify ? 'The server accepted it.' : 'It was not checked with the server.'}
          </p>
        )
      }
      intro={
        <p className="muted">
          Opens a file a teammate shared with this installation (made with Share with a teammate…,
          or with age) and stores the key it holds.
        </p>
      }
      problems={{ file: fileProblem }}
      action="Receive"
    >
      <FilePathField
        label="Shared file"
        value={path}
        onChange={d.edit(setPath)}
        kind="open"
        title="Receive a key"
        problem={fileProblem}
        showProblem={d.shows('file')}
        hint="The full path of the file you were sent, such as /home/me/dev-john.age."
        autoFocus
      />
      <AccountChoice
        value={accountId}
        onChange={d.edit(setAccountId)}
        {...(d.refused.account !== undefined ? { problem: d.refused.account } : {})}
      />
      <Field
        label="Label (optional)"
        value={label}
        onChange={d.edit(setLabel)}
        problem={d.refused.label ?? null}
        showProblem={d.refused.label !== undefined}
        hint="Leave empty to keep the label it was shared under."
      />
      <SettingsCheckbox
        id="receive-verify"
        label="Check the key with the server"
        checked={verify}
        onChange={d.edit(setVerify)}
      />
    </FormDialog>
  );
}
