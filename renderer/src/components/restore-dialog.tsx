// "Restore…": merges a backup into this installation in main (by fingerprint: never over a newer
// record, never a duplicate) and says what it added, updated and skipped; the list then reloads.
// A wrong passphrase or a damaged, truncated or foreign file is said at its field, and changes
// nothing. The passphrase lives in this component's state only and is cleared once answered.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import { useFieldRefusals } from '../hooks/use-field-refusals.ts';
import { usePending } from '../hooks/use-selectors.ts';
import { restoreLines } from '../lib/backup.ts';
import { exactTime } from '../lib/dates.ts';
import { fullPathProblem } from '../lib/handoff.ts';
import { useApi, useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { AGE_FILTER } from './backup-dialog.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { FilePathField } from './file-path-field.tsx';
import { Modal } from './modal.tsx';

type RefusedField = 'file' | 'passphrase';

function refusedField(e: ErrorInfo): Partial<Record<RefusedField, string>> | null {
  if (e.field === 'file') return { file: e.message };
  if (e.field === 'passphrase') return { passphrase: e.message };
  return null;
}

function RestoreDone({
  result,
  onClose,
}: {
  result: OutputOf<'restoreData'>;
  onClose: () => void;
}) {
  const made = exactTime(result.backupCreatedAt);
  // The counts always: a backup whose records were all skipped (say, with the built-in sandbox
  // account's keys) is a no-op too, and the notes say why.
  return (
    <div className="modal__body">
      <div role="status" className="backup-result">
        <p className="proof">
          {result.noOp ? (
            <>
              <strong>Nothing to restore:</strong> nothing in {result.file} (backed up {made}) is
              missing here. Nothing was changed.
            </>
          ) : (
            <strong>
              Restored from {result.file} (backed up {made}).
            </strong>
          )}
        </p>
        <ul>
          {restoreLines(result).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <div className="modal__actions">
        <button type="button" className="btn btn--primary" onClick={onClose} data-autofocus="">
          Close
        </button>
      </div>
    </div>
  );
}

export function RestoreDialog() {
  const api = useApi();
  const s = useAppState(
    useShallow((st) => ({
      close: st.closeDialog,
      error: st.errors.restore,
      failed: st.failed,
      setError: st.setError,
      setPending: st.setPending,
      loadKeys: st.loadKeys,
      loadSettings: st.loadSettings,
    })),
  );
  const busy = usePending('restore');
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [tried, setTried] = useState(false);
  const { refused, setRefused, edit } = useFieldRefusals<RefusedField>();
  const [done, setDone] = useState<OutputOf<'restoreData'> | null>(null);
  const problems = {
    file: refused.file ?? fullPathProblem(path, 'the backup file'),
    passphrase:
      refused.passphrase ?? (passphrase === '' ? 'Give the passphrase of the backup.' : null),
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (busy || problems.file || problems.passphrase) return;
    s.setError('restore', null);
    s.setPending('restore', true);
    const r = await api.restoreData({ path: path.trim(), passphrase });
    setPassphrase('');
    if (r.ok) {
      // What was restored shows in the list (and the settings) before the dialog says so.
      if (!r.value.noOp) await Promise.all([s.loadKeys(), s.loadSettings()]);
      s.setPending('restore', false);
      setDone(r.value);
      return;
    }
    s.setPending('restore', false);
    const at = refusedField(r.error);
    if (at) setRefused(at);
    else s.failed('restore', 'Restoring the backup', r.error);
  };

  return (
    <Modal labelledBy="restore-title" onClose={s.close} className="modal--form">
      <h2 id="restore-title" className="modal__title">
        Restore
      </h2>
      {done ? (
        <RestoreDone result={done} onClose={s.close} />
      ) : (
        <form className="modal__body" onSubmit={submit} noValidate>
          <p className="backup-note">
            Adds what a backup holds to this installation: missing accounts, keys and secrets are
            added and older records updated. A record that is newer here is kept, and no key is
            added twice.
          </p>
          {s.error && <ErrorAlert failure={s.error} />}
          <FilePathField
            label="Backup file"
            value={path}
            onChange={edit(setPath)}
            kind="open"
            title="Restore"
            filter={AGE_FILTER}
            problem={problems.file}
            showProblem={tried || refused.file !== undefined}
            hint="The full path of a file made with Back up…, such as /home/me/apexkeys-backup.age."
            autoFocus
          />
          <Field
            label="Passphrase"
            type="password"
            value={passphrase}
            onChange={edit(setPassphrase)}
            problem={problems.passphrase}
            showProblem={tried || refused.passphrase !== undefined}
            hint="The passphrase chosen when the backup was made."
          />
          <div className="modal__actions">
            <button type="button" className="btn btn--default" onClick={s.close}>
              Cancel
            </button>
            <ActionButton type="submit" variant="primary" busy={busy}>
              Restore
            </ActionButton>
          </div>
        </form>
      )}
    </Modal>
  );
}
