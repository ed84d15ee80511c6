// "Back up…": every account, key, rotation run, setting and secret in one new file, encrypted in
// main with a passphrase. The passphrase lives in this component's state only (never the store)
// and is cleared once the request is answered; the rule is said before the first try.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import { useFieldRefusals } from '../hooks/use-field-refusals.ts';
import { usePending } from '../hooks/use-selectors.ts';
import {
  backupFileName,
  backupSummary,
  confirmProblem,
  missingLine,
  newPassphraseProblem,
  PASSPHRASE_RULE,
} from '../lib/backup.ts';
import { fullPathProblem } from '../lib/handoff.ts';
import { useApi, useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { FilePathField } from './file-path-field.tsx';
import { Modal } from './modal.tsx';

type RefusedField = 'file' | 'passphrase';

export const AGE_FILTER = { name: 'age-encrypted backups', extensions: ['age'] };

/** The core's refusals that are about one field, placed there. */
function refusedField(e: ErrorInfo): Partial<Record<RefusedField, string>> | null {
  if (e.field === 'file') return { file: e.message };
  if (e.field === 'passphrase') return { passphrase: e.message };
  return null;
}

function BackupDone({ result, onClose }: { result: OutputOf<'backupData'>; onClose: () => void }) {
  return (
    <div className="modal__body">
      <div role="status" className="backup-result">
        <p className="proof">
          <strong>{backupSummary(result)}</strong>
        </p>
        {result.missing.length > 0 && (
          <ul>
            {result.missing.map((m) => (
              <li key={`${m.kind}:${m.account ?? ''}:${m.name}`}>{missingLine(m)}</li>
            ))}
          </ul>
        )}
      </div>
      <p className="muted">
        Keep the passphrase safe: the file cannot be opened without it. Restore… (or “age -d”) opens
        it.
      </p>
      <div className="modal__actions">
        <button type="button" className="btn btn--primary" onClick={onClose} data-autofocus="">
          Close
        </button>
      </div>
    </div>
  );
}

export function BackupDialog() {
  const api = useApi();
  const s = useAppState(
    useShallow((st) => ({
      close: st.closeDialog,
      error: st.errors.backup,
      failed: st.failed,
      setError: st.setError,
      setPending: st.setPending,
    })),
  );
  const busy = usePending('backup');
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const { refused, setRefused, edit } = useFieldRefusals<RefusedField>();
  const [done, setDone] = useState<OutputOf<'backupData'> | null>(null);
  const problems = {
    file: refused.file ?? fullPathProblem(path, 'the backup file'),
    passphrase: refused.passphrase ?? newPassphraseProblem(passphrase),
    again: confirmProblem(passphrase, again),
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (busy || problems.file || problems.passphrase || problems.again) return;
    s.setError('backup', null);
    s.setPending('backup', true);
    const r = await api.backupData({ path: path.trim(), passphrase });
    s.setPending('backup', false);
    // Answered: the passphrase leaves this window's memory either way.
    setPassphrase('');
    setAgain('');
    if (r.ok) {
      setDone(r.value);
      return;
    }
    const at = refusedField(r.error);
    if (at) setRefused(at);
    else s.failed('backup', 'Backing up', r.error);
  };

  return (
    <Modal labelledBy="backup-title" onClose={s.close} className="modal--form">
      <h2 id="backup-title" className="modal__title">
        Back up
      </h2>
      {done ? (
        <BackupDone result={done} onClose={s.close} />
      ) : (
        <form className="modal__body" onSubmit={submit} noValidate>
          <p className="backup-note">
            Writes one file holding every account, key record, rotation run and setting, and every
            secret (account keys and key secrets), encrypted with the passphrase you choose here
            (age encryption: “age -d” opens it too).
          </p>
          <div className="alert alert--warning">
            <p className="alert__body">
              Keep the passphrase somewhere safe: the file cannot be opened without it, and nobody
              can recover it. Anyone with the file and the passphrase has all your keys.
            </p>
          </div>
          {s.error && <ErrorAlert failure={s.error} />}
          <FilePathField
            label="Save to file"
            value={path}
            onChange={edit(setPath)}
            kind="save"
            title="Back up"
            defaultName={backupFileName(new Date())}
            filter={AGE_FILTER}
            problem={problems.file}
            showProblem={tried || refused.file !== undefined}
            hint={`A full path, such as /home/me/${backupFileName(new Date())}; the file must not exist yet.`}
            autoFocus
          />
          <Field
            label="Passphrase"
            type="password"
            value={passphrase}
            onChange={edit(setPassphrase)}
            problem={problems.passphrase}
            showProblem={tried || refused.passphrase !== undefined}
            hint={PASSPHRASE_RULE}
          />
          <Field
            label="Passphrase again"
            type="password"
            value={again}
            onChange={edit(setAgain)}
            problem={problems.again}
            showProblem={tried}
          />
          <div className="modal__actions">
            <button type="button" className="btn btn--default" onClick={s.close}>
              Cancel
            </button>
            <ActionButton type="submit" variant="primary" busy={busy}>
              Back up
            </ActionButton>
          </div>
        </form>
      )}
    </Modal>
  );
}
