// The Settings dialog: the form once the settings are loaded. Closing without saving (Cancel,
// Escape) puts back the saved theme, which the form previews as it changes.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { applyTheme } from '../lib/theme.ts';
import { useAppState } from '../state/context.ts';
import { ErrorAlert } from './error-alert.tsx';
import { Modal } from './modal.tsx';
import { SettingsForm } from './settings-form.tsx';

export function SettingsDialog() {
  const { close, settings, load, error } = useAppState(
    useShallow((s) => ({
      close: s.closeDialog,
      settings: s.settings,
      load: s.loadSettings,
      error: s.errors.settings,
    })),
  );
  // Fresh from the store before the form takes its values: the CLI may have changed them.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void load().then(() => setLoaded(true));
  }, [load]);
  const cancel = () => {
    if (settings) applyTheme(settings.theme);
    close();
  };
  return (
    <Modal labelledBy="settings-dialog-title" onClose={cancel} className="modal--form">
      <h2 id="settings-dialog-title" className="modal__title">
        Settings
      </h2>
      {settings && loaded ? (
        <SettingsForm settings={settings} onCancel={cancel} onSaved={close} />
      ) : (
        <div className="modal__body">
          {error ? <ErrorAlert failure={error} /> : <p role="status">Loading the settings…</p>}
          <div className="modal__actions">
            <button type="button" className="btn btn--default" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
