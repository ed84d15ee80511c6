// "Find copies…": the folders to search (typed, one per line; in Electron also chosen with the
// system's folder chooser), Search, the count of files read while it runs with Cancel, and then
// the summary (read, skipped and why, a limit hit, locations added). Files are only read.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useKey, usePending } from '../hooks/use-selectors.ts';
import { useApi, useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { FindCopiesSummary, statusLine } from './find-copies-summary.tsx';
import { Modal } from './modal.tsx';

const MAX_DIRS = 20;

const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function foldersProblem(dirs: string[]): string | null {
  if (dirs.length === 0) return 'Give at least one folder to search, one full path per line.';
  if (dirs.length > MAX_DIRS) return `Search at most ${MAX_DIRS} folders at a time.`;
  const relative = dirs.find((d) => !d.startsWith('/'));
  if (relative !== undefined)
    return `Give the full path of each folder, not a relative one ("${relative}").`;
  return null;
}

export function FindCopiesDialog({ keyId }: { keyId: string }) {
  const k = useKey(keyId);
  const api = useApi();
  const s = useAppState(
    useShallow((st) => ({
      closeDialog: st.closeDialog,
      dismissScan: st.dismissScan,
      startScan: st.startScan,
      cancelScan: st.cancelScan,
      job: st.scanJob?.keyId === keyId ? st.scanJob : null,
      error: st.errors.scan,
      electron: st.status?.transport === 'electron',
    })),
  );
  const starting = usePending(`scan:${keyId}`);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [chooserGone, setChooserGone] = useState(false);
  if (!k) return null;
  const dirs = linesOf(text);
  const running = s.job?.state === 'running';
  // The core names the folders field when one cannot be read: shown on the field itself.
  const dirError = s.error?.error.field === 'dir' ? s.error.error.message : null;
  const problem = foldersProblem(dirs) ?? dirError;

  const close = () => {
    s.dismissScan();
    s.closeDialog();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (running || starting || foldersProblem(dirs)) return;
    await s.startScan(k.id, dirs);
  };
  const choose = async () => {
    const r = await api.chooseFiles({ kind: 'folder', title: 'Folders to search', multiple: true });
    if (r.ok && !r.value.supported) setChooserGone(true);
    if (!r.ok || r.value.paths.length === 0) return;
    const chosen = r.value.paths.filter((p) => !dirs.includes(p));
    setText([...dirs, ...chosen].join('\n'));
  };

  return (
    <Modal labelledBy="find-copies-title" onClose={close} className="modal--form modal--copies">
      <h2 id="find-copies-title" className="modal__title">
        Find copies
      </h2>
      <form className="modal__body" onSubmit={submit} noValidate>
        <p className="muted">
          Looks in these folders for files holding “{k.label}” and records each copy assigned to a
          variable as a location of the key. Files are only read, never changed; node_modules and
          .git folders, files over 1 MiB, binary files and links out of the folder are skipped.
        </p>
        {s.error && !dirError && <ErrorAlert failure={s.error} />}
        <Field
          label="Folders to search"
          value={text}
          onChange={setText}
          multiline
          problem={problem}
          showProblem={tried || dirError !== null}
          hint="One full path per line, such as /home/me/projects."
          autoFocus
        />
        {s.electron && !chooserGone && (
          <div className="button-row">
            <ActionButton disabledReason={running ? 'A search is running.' : null} onClick={choose}>
              Choose folders…
            </ActionButton>
          </div>
        )}
        <div className="copies-progress">
          <p role="status">{statusLine(s.job)}</p>
          {running && (
            <button type="button" className="btn btn--default" onClick={() => void s.cancelScan()}>
              Cancel
            </button>
          )}
        </div>
        {s.job && !running && <FindCopiesSummary job={s.job} />}
        <div className="modal__actions">
          <button type="button" className="btn btn--default" onClick={close}>
            Close
          </button>
          <ActionButton type="submit" variant="primary" busy={running || starting}>
            Search
          </ActionButton>
        </div>
      </form>
    </Modal>
  );
}
