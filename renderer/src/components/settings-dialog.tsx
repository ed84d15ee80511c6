// The Settings dialog (placeholder until its screen is built).
import { useAppState } from '../state/context.ts';
import { Modal } from './modal.tsx';

export function SettingsDialog() {
  const close = useAppState((s) => s.closeDialog);
  return (
    <Modal labelledBy="settings-dialog-title" onClose={close}>
      <h2 id="settings-dialog-title">Settings</h2>
      <button type="button" className="btn btn--default" onClick={close}>
        Close
      </button>
    </Modal>
  );
}
