// "Write to .env…": the file and the variable, then what happened (backup, and warnings when
// the file is tracked by git or readable by other users).
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useKey, usePending } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import type { EnvWriteResult } from '../../../shared/views.ts';
import { ActionButton } from './action-button.tsx';
import { EnvResultView } from './env-result-view.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { Modal } from './modal.tsx';

const VARIABLE_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DEFAULT_VARIABLE = 'APEXVERIFY_API_KEY';

export function EnvDialog({ keyId }: { keyId: string }) {
  const k = useKey(keyId);
  const { close, writeEnv, error } = useAppState(
    useShallow((s) => ({ close: s.closeDialog, writeEnv: s.writeEnv, error: s.errors.env })),
  );
  const busy = usePending(`env:${keyId}`);
  const [path, setPath] = useState('');
  const [variable, setVariable] = useState(DEFAULT_VARIABLE);
  const [tried, setTried] = useState(false);
  const [result, setResult] = useState<EnvWriteResult | null>(null);
  if (!k) return null;
  const problems = {
    path: path.trim() === '' ? 'Give the path of the .env file (it is created if missing).' : null,
    variable: VARIABLE_RE.test(variable)
      ? null
      : 'A variable name is letters, digits and _, not starting with a digit.',
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (busy || problems.path || problems.variable) return;
    const r = await writeEnv(k.id, path.trim(), variable);
    if (r) setResult(r);
  };

  return (
    <Modal labelledBy="env-title" onClose={close} className="modal--form">
      <h2 id="env-title" className="modal__title">
        Write to .env
      </h2>
      {result ? (
        <EnvResultView result={result} variable={variable} onClose={close} />
      ) : (
        <form className="modal__body" onSubmit={submit} noValidate>
          <p className="muted">
            Writes “{k.label}” into one variable of a .env file. Only that line changes; the
            previous file is kept as a backup.
          </p>
          {error && <ErrorAlert failure={error} />}
          <Field
            label="File path"
            value={path}
            onChange={setPath}
            problem={problems.path}
            showProblem={tried}
            placeholder="/home/me/project/.env"
            autoFocus
          />
          <Field
            label="Variable name"
            value={variable}
            onChange={setVariable}
            problem={problems.variable}
            showProblem={tried}
          />
          <div className="modal__actions">
            <button type="button" className="btn btn--default" onClick={close}>
              Cancel
            </button>
            <ActionButton type="submit" variant="primary" busy={busy}>
              Write
            </ActionButton>
          </div>
        </form>
      )}
    </Modal>
  );
}
