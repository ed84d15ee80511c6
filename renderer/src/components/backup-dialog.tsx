// "Back up…": every account, key, rotation run, setting and secret in one new file, encrypted in
// main with a passphrase. The passphrase lives in this component's state only (never the store)
// and is cleared once the request is answered; the rule is said before the first try.
import { useState } from 'react';
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import { atFields, useDialogAction } from '../hooks/use-dialog-action.ts';
import {
  backupFileName,
  backupSummary,
  confirmProblem,
  missingLine,
  newPassphraseProblem,
  PASSPHRASE_RULE,
} from '../lib/backup.ts';
import { fullPathProblem } from '../lib/handoff.ts';
import { useApi } from '../state/context.ts';
import { Field } from './field.tsx';
import { FilePathField } from './file-path-field.tsx';
import { FormDialog } from './form-dialog.tsx';

export const AGE_FILTER = { name: 'age-encrypted backups', extensions: ['age'] };

function BackupDone({ result }: { result: OutputOf<'backupData'> }) {
  return (
    <>
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
    </>
  );
}

export function BackupDialog() {
  const api = useApi();
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const d = useDialogAction({
    scope: 'backup',
    what: 'Backing up',
    placeRefusal: atFields('file', 'passphrase'),
    call: async () => {
      const r = await api.backupData({ path: path.trim(), passphrase });
      // Answered: the passphrase leaves this window's memory either way.
      setPassphrase('');
      setAgain('');
      return r;
    },
  });
  const problems = {
    file: d.refused.file ?? fullPathProblem(path, 'the backup file'),
    passphrase: d.refused.passphrase ?? newPassphraseProblem(passphrase),
    again: confirmProblem(passphrase, again),
  };

  return (
    <FormDialog
      name="backup"
      title="Back up"
      form={d}
      done={d.done && <BackupDone result={d.done} />}
      intro={
        <>
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
        </>
      }
      problems={problems}
      action="Back up"
    >
      <FilePathField
        label="Save to file"
        value={path}
        onChange={d.edit(setPath)}
        kind="save"
        title="Back up"
        defaultName={backupFileName(new Date())}
        filter={AGE_FILTER}
        problem={problems.file}
        showProblem={d.shows('file')}
        hint={`A full path, such as /home/me/${backupFileName(new Date())}; the file must not exist yet.`}
        autoFocus
      />
      <Field
        label="Passphrase"
        type="password"
        value={passphrase}
        onChange={d.edit(setPassphrase)}
        problem={problems.passphrase}
        showProblem={d.shows('passphrase')}
        hint={PASSPHRASE_RULE}
      />
      <Field
        label="Passphrase again"
        type="password"
        value={again}
        onChange={d.edit(setAgain)}
        problem={problems.again}
        showProblem={d.tried}
      />
    </FormDialog>
  );
}
