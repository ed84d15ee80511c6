// "Write to .env…": the file (typed, or in Electron chosen with the system's save dialog) and the
// variable; on Write the target is checked first, and a file tracked by git or readable by other
// users is said BEFORE the secret is written, with Write anyway and the offer to make it private.
// Then what happened (backup, and the warnings that still hold).
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EnvTargetCheck } from '../../../shared/ipc/env-channels.ts';
import type { EnvWriteResult } from '../../../shared/views.ts';
import { useKey, usePending } from '../hooks/use-selectors.ts';
import { useApi, useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { EnvResultView } from './env-result-view.tsx';
import { EnvWarnings, hasWarning } from './env-warnings.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { Modal } from './modal.tsx';

const VARIABLE_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DEFAULT_VARIABLE = 'APEXVERIFY_API_KEY';
// "/…" on Linux and macOS; "C:\…" or "\\server\…" on Windows.
const FULL_PATH_RE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/** The rule for the path field, with an example for this platform. */
function pathProblem(path: string, example: string): string | null {
  if (path.trim() === '') return 'Give the path of the .env file.';
  if (!FULL_PATH_RE.test(path.trim()))
    return `Give the full path, such as ${example}. A relative path would be taken from the folder the app was started in, which this window cannot know.`;
  return null;
}

export function EnvDialog({ keyId }: { keyId: string }) {
  const k = useKey(keyId);
  const api = useApi();
  const s = useAppState(
    useShallow((st) => ({
      close: st.closeDialog,
      writeEnv: st.writeEnv,
      failed: st.failed,
      setError: st.setError,
      error: st.errors.env,
      electron: st.status?.transport === 'electron',
      windows: st.status?.platform === 'win32',
    })),
  );
  const writing = usePending(`env:${keyId}`);
  const [checking, setChecking] = useState(false);
  const [path, setPath] = useState('');
  const [variable, setVariable] = useState(DEFAULT_VARIABLE);
  const [tried, setTried] = useState(false);
  const [chooserGone, setChooserGone] = useState(false);
  // What the check found for the path as it is now; cleared when the path changes.
  const [check, setCheck] = useState<EnvTargetCheck | null>(null);
  const [makePrivate, setMakePrivate] = useState(true);
  const [result, setResult] = useState<{ r: EnvWriteResult; madePrivate: boolean } | null>(null);
  if (!k) return null;
  const busy = writing || checking;
  const example = s.windows ? 'C:\\Users\\me\\project\\.env' : '/home/me/project/.env';
  const problems = {
    path: pathProblem(path, example) ?? check?.problem ?? null,
    variable: VARIABLE_RE.test(variable)
      ? null
      : 'A variable name is letters, digits and _, not starting with a digit.',
  };
  // A refused target is explained at the field instead: there is nothing to write anyway.
  const warned = check !== null && !check.problem && hasWarning(check);

  const changePath = (next: string) => {
    setPath(next);
    setCheck(null);
  };
  const write = async (priv: boolean) => {
    const r = await s.writeEnv(k.id, path.trim(), variable, priv);
    if (r) setResult({ r, madePrivate: priv });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (busy || problems.path || problems.variable) return;
    // The user has heard the warnings: Write anyway.
    if (check) return write(check.readableByOthers !== null && makePrivate);
    s.setError('env', null);
    setChecking(true);
    const target = path.trim();
    const r = await api.checkEnvTarget({ path: target });
    setChecking(false);
    // A failed check writes nothing: the warnings could not be known.
    if (!r.ok) return s.failed('env', `Checking ${target}`, r.error);
    setCheck(r.value);
    setMakePrivate(true);
    if (!r.value.problem && !hasWarning(r.value)) await write(false);
  };
  const choose = async () => {
    const r = await api.chooseFiles({
      kind: 'save',
      title: 'Write the key to a .env file',
      defaultName: '.env',
    });
    if (r.ok && !r.value.supported) setChooserGone(true);
    const chosen = r.ok ? r.value.paths[0] : undefined;
    if (chosen !== undefined) changePath(chosen);
  };

  return (
    <Modal labelledBy="env-title" onClose={s.close} className="modal--form">
      <h2 id="env-title" className="modal__title">
        Write to .env
      </h2>
      {result ? (
        <EnvResultView
          result={result.r}
          variable={variable}
          madePrivate={result.madePrivate}
          onClose={s.close}
        />
      ) : (
        <form className="modal__body" onSubmit={submit} noValidate>
          <p className="muted">
            Writes “{k.label}” into one variable of a .env file. Only that line changes; the
            previous file is kept as a backup.
          </p>
          {s.error && <ErrorAlert failure={s.error} />}
          <Field
            label="File path"
            value={path}
            onChange={changePath}
            problem={problems.path}
            showProblem={tried}
            placeholder={example}
            hint="The full path of the file; it is created if missing."
            autoFocus
          />
          {s.electron && !chooserGone && (
            <div className="button-row">
              <ActionButton
                disabledReason={
                  checking
                    ? 'The file is being checked.'
                    : writing
                      ? 'The key is being written.'
                      : null
                }
                onClick={choose}
              >
                Choose…
              </ActionButton>
            </div>
          )}
          <Field
            label="Variable name"
            value={variable}
            onChange={setVariable}
            problem={problems.variable}
            showProblem={tried}
          />
          {check && warned && (
            <EnvWarnings check={check} makePrivate={makePrivate} onMakePrivate={setMakePrivate} />
          )}
          <div className="modal__actions">
            <button type="button" className="btn btn--default" onClick={s.close}>
              Cancel
            </button>
            <ActionButton type="submit" variant="primary" busy={busy}>
              {warned ? 'Write anyway' : 'Write'}
            </ActionButton>
          </div>
        </form>
      )}
    </Modal>
  );
}
