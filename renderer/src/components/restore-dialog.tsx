// "Restore…": merges a backup into this installation in main (by fingerprint: never over a newer
// record, never a duplicate) and says what it added, updated and skipped; the list then reloads.
// A wrong passphrase or a damaged, truncated or foreign file is said at its field, and changes
// nothing. The passphrase lives in this component's state only and is cleared once answered.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import { atFields, useDialogAction } from '../hooks/use-dialog-action.ts';
import { restoreLines } from '../lib/backup.ts';
import { exactTime } from '../lib/dates.ts';
import { fullPathProblem } from '../lib/handoff.ts';
import { useApi, useAppState } from '../state/context.ts';
import { AGE_FILTER } from './backup-dialog.tsx';
import { Field } from './field.tsx';
import { FilePathField } from './file-path-field.tsx';
import { FormDialog } from './form-dialog.tsx';

function RestoreDone({ result }: { result: OutputOf<'restoreData'> }) {
  const made = exactTime(result.backupCreatedAt);
  // The counts always: a backup whose records were all skipped (say, with the built-in sandbox
  // account's keys) is a no-op too, and the notes say why.
  return (
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
  );
}

export function RestoreDialog() {
  const api = useApi();
  const s = useAppState(
    useShallow((st) => ({ loadKeys: st.loadKeys, loadSettings: st.loadSettings })),
  );
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const d = useDialogAction({
    scope: 'restore',
    what: 'Restoring the backup',
    placeRefusal: atFields('file', 'passphrase'),
    call: async () => {
      const r = await api.restoreData({ path: path.trim(), passphrase });
      setPassphrase('');
      return r;
    },
    // What was restored shows in the list (and the settings) before the dialog says so.
    onOk: (v) => (v.noOp ? undefined : Promise.all([s.loadKeys(), s.loadSettings()])),
  });
  const problems = {
    file: d.refused.file ?? fullPathProblem(path, 'the backup file'),
    passphrase:
      d.refused.passphrase ?? (passphrase === '' ? 'Give the passphrase of the backup.' : null),
  };

  return (
    <FormDialog
      name="restore"
      title="Restore"
      form={d}
      done={d.done && <RestoreDone result={d.done} />}
      intro={
        <p className="backup-note">
          Adds what a backup holds to this installation: missing accounts, keys and secrets are
          added and older records updated. A record that is newer here is kept, and no key is added
          twice.
        </p>
      }
      problems={problems}
      action="Restore"
    >
      <FilePathField
        label="Backup file"
        value={path}
        onChange={d.edit(setPath)}
        kind="open"
        title="Restore"
        filter={AGE_FILTER}
        problem={problems.file}
        showProblem={d.shows('file')}
        hint="The full path of a file made with Back up…, such as /home/me/apexkeys-backup.age."
        autoFocus
      />
      <Field
        label="Passphrase"
        type="password"
        value={passphrase}
        onChange={d.edit(setPassphrase)}
        problem={problems.passphrase}
        showProblem={d.shows('passphrase')}
        hint="The passphrase chosen when the backup was made."
      />
    </FormDialog>
  );
}
