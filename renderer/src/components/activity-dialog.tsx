// The Activity dialog (placeholder until its screen is built).
import { useAppState } from '../state/context.ts';
import { Modal } from './modal.tsx';

export function ActivityDialog() {
  const close = useAppState((s) => s.closeDialog);
  return (
    <Modal labelledBy="activity-dialog-title" onClose={close}>
      <h2 id="activity-dialog-title">Activity</h2>
      <button type="button" className="btn btn--default" onClick={close}>
        Close
      </button>
    </Modal>
  );
}
