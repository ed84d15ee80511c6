// "New key": the form, then the panel that offers the new key once (Copy, Reveal).
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KeyView } from '../../../shared/views.ts';
import { useAppState } from '../state/context.ts';
import { CreatedPanel, type CreatedHow } from './created-panel.tsx';
import { Modal } from './modal.tsx';
import { NewKeyForm } from './new-key-form.tsx';

export function NewKeyDialog() {
  const { close, openKey } = useAppState(
    useShallow((s) => ({ close: s.closeDialog, openKey: s.openKey })),
  );
  const [created, setCreated] = useState<{ key: KeyView; how: CreatedHow } | null>(null);
  const finish = () => {
    close();
    if (created) openKey(created.key.id);
  };
  return (
    <Modal labelledBy="new-key-title" onClose={finish} className="modal--form">
      <h2 id="new-key-title" className="modal__title">
        New key
      </h2>
      {created ? (
        <CreatedPanel keyView={created.key} how={created.how} onDone={finish} />
      ) : (
        <NewKeyForm onCreated={(key, how) => setCreated({ key, how })} onCancel={close} />
      )}
    </Modal>
  );
}
