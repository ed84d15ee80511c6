// "Share with a teammate…": the key, encrypted to each recipient given (their app's age1… key from
// Settings), in one new file; with hand-over, this keychain's copy of the secret then goes and the
// key is listed as held by its owner. The secret never reaches the window: main writes the file.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import { useKey, usePending } from '../hooks/use-selectors.ts';
import { fullPathProblem, parseRecipients, recipientsProblem } from '../lib/handoff.ts';
import { useFieldRefusals } from '../hooks/use-field-refusals.ts';
import { useApi, useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { FilePathField } from './file-path-field.tsx';
import { Modal } from './modal.tsx';
import { SettingsCheckbox } from './settings-choices.tsx';

type Shared = OutputOf<'shareKey'>;
/** A refusal from the core that names a field: shown at that field. */
type RefusedField = 'to' | 'file' | 'owner';

function ShareResult({ shared, onClose }: { shared: Shared; onClose: () => void }) {
  const n = shared.recipients.length;
  return (
    <div className="modal__body">
      <div role="status" className="proof">
        <p>
          <strong>
            Wrote “{shared.key.label}”, encrypted to {n === 1 ? '1 recipient' : `${n} recipients`},
            to <span className="mono">{shared.file}</span>.
          </strong>
        </p>
        <p>
          Send that file to your teammate (by chat or mail: only the installations it was encrypted
          to can open it). They open it with Receive a key… in their app.
        </p>
        {shared.heldBy !== null && (
          <p>
            Handed over: your copy of the secret was removed from this keychain, and “
            {shared.key.label}” is now listed as held by {shared.heldBy}.
          </p>
        )}
      </div>
      <div className="modal__actions">
        <button type="button" className="btn btn--primary" onClick={onClose} data-autofocus="">
          Close
        </button>
      </div>
    </div>
  );
}

export function ShareDialog({ keyId }: { keyId: string }) {
  const k = useKey(keyId);
  const api = useApi();
  const s = useAppState(
    useShallow((st) => ({
      close: st.closeDialog,
      error: st.errors.share,
      failed: st.failed,
      setError: st.setError,
      setPending: st.setPending,
      upsertKey: st.upsertKey,
    })),
  );
  const busy = usePending(`share:${keyId}`);
  const [recipientsText, setRecipientsText] = useState('');
  const [path, setPath] = useState('');
  const [handover, setHandover] = useState(false);
  const [owner, setOwner] = useState(k?.owner ?? '');
  const [tried, setTried] = useState(false);
  const { refused, setRefused, edit } = useFieldRefusals<RefusedField>();
  const [shared, setShared] = useState<Shared | null>(null);
  if (!k) return null;
  const recipients = parseRecipients(recipientsText);
  const problems = {
    to: refused.to ?? recipientsProblem(recipients),
    file: refused.file ?? fullPathProblem(path, 'the file to write'),
    owner:
      refused.owner ??
      (handover && owner.trim() === '' ? 'Name who holds the key after the hand-over.' : null),
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (busy || problems.to || problems.file || problems.owner) return;
    s.setError('share', null);
    s.setPending(`share:${keyId}`, true);
    const r = await api.shareKey({
      id: k.id,
      recipients,
      path: path.trim(),
      handover,
      ...(handover ? { owner: owner.trim() } : {}),
    });
    s.setPending(`share:${keyId}`, false);
    if (r.ok) {
      s.upsertKey(r.value.key);
      setShared(r.value);
      return;
    }
    const field = r.error.field;
    if (field === 'to' || field === 'file' || field === 'owner')
      setRefused({ [field]: r.error.message });
    else s.failed('share', `Sharing “${k.label}”`, r.error);
  };

  return (
    <Modal labelledBy="share-title" onClose={s.close} className="modal--form">
      <h2 id="share-title" className="modal__title">
        Share with a teammate
      </h2>
      {shared ? (
        <ShareResult shared={shared} onClose={s.close} />
      ) : (
        <form className="modal__body" onSubmit={submit} noValidate>
          <p className="muted">
            Writes “{k.label}” and its details into one file that only the recipients you name can
            open (age encryption). Nothing is sent: you send the file yourself.
          </p>
          {s.error && <ErrorAlert failure={s.error} />}
          <Field
            label="Recipients"
            value={recipientsText}
            onChange={edit(setRecipientsText)}
            multiline
            problem={problems.to}
            showProblem={tried || refused.to !== undefined}
            hint="Each teammate’s recipient (age1…), one per line or separated by commas: their app shows it in Settings."
            autoFocus
          />
          <FilePathField
            label="Save to file"
            value={path}
            onChange={edit(setPath)}
            kind="save"
            title={`Share “${k.label}”`}
            defaultName={`${k.label}.age`}
            problem={problems.file}
            showProblem={tried || refused.file !== undefined}
            hint="A full path, such as /home/me/dev-john.age; the file must not exist yet."
          />
          <SettingsCheckbox
            id="share-handover"
            label="Hand over: remove my copy of the secret"
            checked={handover}
            onChange={edit(setHandover)}
          />
          {handover && (
            <>
              <p className="field__hint">
                After the file is written, the secret is removed from this keychain: this device can
                no longer copy, reveal or write the key, and the list shows it as held by its owner.
                You can still disable, revoke and rotate it in API mode.
              </p>
              <Field
                label="Held by"
                value={owner}
                onChange={edit(setOwner)}
                problem={problems.owner}
                showProblem={tried || refused.owner !== undefined}
              />
            </>
          )}
          <div className="modal__actions">
            <button type="button" className="btn btn--default" onClick={s.close}>
              Cancel
            </button>
            <ActionButton type="submit" variant="primary" busy={busy}>
              {handover ? 'Share and hand over' : 'Share'}
            </ActionButton>
          </div>
        </form>
      )}
    </Modal>
  );
}
