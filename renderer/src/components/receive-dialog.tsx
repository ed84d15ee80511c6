// "Receive a key…": a file a teammate shared with this installation, decrypted in main, checked
// with the server (unless unticked) and stored in the account it belongs to. A file made for
// another installation says so at the field, with this installation's recipient to send them.
import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { KeyView } from '../../../shared/views.ts';
import { usePending } from '../hooks/use-selectors.ts';
import { fullPathProblem } from '../lib/handoff.ts';
import { useFieldRefusals } from '../hooks/use-field-refusals.ts';
import { useApi, useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { FilePathField } from './file-path-field.tsx';
import { Modal } from './modal.tsx';
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
  const s = useAppState(
    useShallow((st) => ({
      close: st.closeDialog,
      error: st.errors.receive,
      failed: st.failed,
      setError: st.setError,
      setPending: st.setPending,
      upsertKey: st.upsertKey,
    })),
  );
  const busy = usePending('receive');
  const [path, setPath] = useState('');
  const [accountId, setAccountId] = useState(BY_BASE_URL);
  const [label, setLabel] = useState('');
  const [verify, setVerify] = useState(true);
  const [tried, setTried] = useState(false);
  const { refused, setRefused, edit } = useFieldRefusals<RefusedField>();
  const [received, setReceived] = useState<KeyView | null>(null);
  const fileProblem = refused.file ?? fullPathProblem(path, 'the shared file');

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (busy || fileProblem) return;
    s.setError('receive', null);
    s.setPending('receive', true);
    const r = await api.receiveKey({
      path: path.trim(),
      verify,
      ...(accountId !== BY_BASE_URL ? { accountId } : {}),
      ...(label.trim() !== '' ? { label: label.trim() } : {}),
    });
    s.setPending('receive', false);
    if (r.ok) {
      s.upsertKey(r.value);
      setReceived(r.value);
      return;
    }
    const at = refusedField(r.error);
    if (at) setRefused(at);
    else s.failed('receive', 'Receiving the key', r.error);
  };

  return (
    <Modal labelledBy="receive-title" onClose={s.close} className="modal--form">
      <h2 id="receive-title" className="modal__title">
        Receive a key
      </h2>
      {received ? (
        <div className="modal__body">
          <p role="status" className="proof">
            <strong>
              Received “{received.label}” into account “{received.account}”; its secret is in the
              keychain.
            </strong>{' '}
            {verify ? 'The server accepted it.' : 'It was not checked with the server.'}
          </p>
          <div className="modal__actions">
            <button type="button" className="btn btn--primary" onClick={s.close} data-autofocus="">
              Close
            </button>
          </div>
        </div>
      ) : (
        <form className="modal__body" onSubmit={submit} noValidate>
          <p className="muted">
            Opens a file a teammate shared with this installation (made with Share with a teammate…,
            or with age) and stores the key it holds.
          </p>
          {s.error && <ErrorAlert failure={s.error} />}
          <FilePathField
            label="Shared file"
            value={path}
            onChange={edit(setPath)}
            kind="open"
            title="Receive a key"
            problem={fileProblem}
            showProblem={tried || refused.file !== undefined}
            hint="The full path of the file you were sent, such as /home/me/dev-john.age."
            autoFocus
          />
          <AccountChoice
            value={accountId}
            onChange={edit(setAccountId)}
            {...(refused.account !== undefined ? { problem: refused.account } : {})}
          />
          <Field
            label="Label (optional)"
            value={label}
            onChange={edit(setLabel)}
            problem={refused.label ?? null}
            showProblem={refused.label !== undefined}
            hint="Leave empty to keep the label it was shared under."
          />
          <SettingsCheckbox
            id="receive-verify"
            label="Check the key with the server"
            checked={verify}
            onChange={edit(setVerify)}
          />
          <div className="modal__actions">
            <button type="button" className="btn btn--default" onClick={s.close}>
              Cancel
            </button>
            <ActionButton type="submit" variant="primary" busy={busy}>
              Receive
            </ActionButton>
          </div>
        </form>
      )}
    </Modal>
  );
}
