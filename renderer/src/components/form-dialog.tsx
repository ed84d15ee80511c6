// The shell of a file dialog (Back up, Restore, Export inventory, Share, Receive): the title, then
// the form (what it does, the error of the last try, the fields, Cancel and the action) until the
// answer came, then the answer with Close, focused so Enter or Escape ends the dialog.
import type { FormEvent, ReactNode } from 'react';
import type { Problems } from '../hooks/use-dialog-action.ts';
import type { ScopedError } from '../state/messages-slice.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Modal } from './modal.tsx';

/** What the dialog's useDialogAction gives it. */
interface DialogForm {
  close: () => void;
  error: ScopedError | undefined;
  busy: boolean;
  submit: (e: FormEvent, problems: Problems) => Promise<void>;
}

interface Props {
  /** The title's id is `${name}-title`. */
  name: string;
  title: string;
  form: DialogForm;
  /** The fields' problems: while one is there, the form is not sent. */
  problems: Problems;
  /** The answer's view; it replaces the form. */
  done: ReactNode;
  /** What the dialog does, said above the error and the fields. */
  intro: ReactNode;
  action: ReactNode;
  children: ReactNode;
}

export function FormDialog(p: Props) {
  const { close, error, busy, submit } = p.form;
  return (
    <Modal labelledBy={`${p.name}-title`} onClose={close} className="modal--form">
      <h2 id={`${p.name}-title`} className="modal__title">
        {p.title}
      </h2>
      {p.done ? (
        <div className="modal__body">
          {p.done}
          <div className="modal__actions">
            <button type="button" className="btn btn--primary" onClick={close} data-autofocus="">
              Close
            </button>
          </div>
        </div>
      ) : (
        <form className="modal__body" onSubmit={(e) => void submit(e, p.problems)} noValidate>
          {p.intro}
          {error && <ErrorAlert failure={error} />}
          {p.children}
          <div className="modal__actions">
            <button type="button" className="btn btn--default" onClick={close}>
              Cancel
            </button>
            <ActionButton type="submit" variant="primary" busy={busy}>
              {p.action}
            </ActionButton>
          </div>
        </form>
      )}
    </Modal>
  );
}
