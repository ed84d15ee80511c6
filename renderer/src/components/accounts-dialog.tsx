// The Accounts dialog (placeholder until its screen is built).
import { useAppState } from '../state/context.ts';
import { Modal } from './modal.tsx';

export function AccountsDialog() {
  const close = useAppState((s) => s.closeDialog);
  return (
    <Modal labelledBy="accounts-dialog-title" onClose={close}>
      <h2 id="accounts-dialog-title">Accounts</h2>
      <button type="button" className="btn btn--default" onClick={close}>
        Close
      </button>
    </Modal>
  );
}
