// "Share with a teammate…": the key, encrypted to each recipient given (their app's age1… key from
// Settings), in one new file; with hand-over, this keychain's copy of the secret then goes and the
// key is listed as held by its owner. The secret never reaches the window: main writes the file.
import { useState } from 'react';
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import type { KeyView } from '../../../shared/views.ts';
import { atFields, useDialogAction } from '../hooks/use-dialog-action.ts';
import { useKey } from '../hooks/use-selectors.ts';
import { fullPathProblem, parseRecipients, recipientsProblem } from '../lib/handoff.ts';
import { useApi, useAppState } from '../state/context.ts';
import { Field } from './field.tsx';
import { FormDialog } from './form-dialog.tsx';
import { SettingsCheckbox } from './settings-choices.tsx';
import { ShareFileFields } from './share-file-fields.tsx';

type Shared = OutputOf<'shareKey'>;

function ShareResult({ shared }: { shared: Shared }) {
  const n = shared.recipients.length;
  return (
    <div role="status" className="proof">
      <p>
        <strong>
          Wrote “{shared.key.label}”, encrypted to {n === 1 ? '1 recipient' : `${n} recipients`}, to{' '}
          <span className="mono">{shared.file}</span>.
        </strong>
      </p>
      <p>
        Send that file to your teammate (by chat or mail: only the installations it was encrypted to
        can open it). They open it with Receive a key… in their app.
      </p>
      {shared.heldBy !== null && (
        <p>
          Handed over: your copy of the secret was removed from this keychain, and “
          {shared.key.label}” is now listed as held by {shared.heldBy}.
        </p>
      )}
    </div>
  );
}

export function ShareDialog({ keyId }: { keyId: string }) {
  const k = useKey(keyId);
  return k ? <ShareForm k={k} /> : null;
}

function ShareForm({ k }: { k: KeyView }) {
  const api = useApi();
  const upsertKey = useAppState((st) => st.upsertKey);
  const [recipientsText, setRecipientsText] = useState('');
  const [path, setPath] = useState('');
  const [handover, setHandover] = useState(false);
  const [owner, setOwner] = useState(k.owner);
  const recipients = parseRecipients(recipientsText);
  const d = useDialogAction({
    scope: 'share',
    pending: `share:${k.id}`,
    what: `Sharing “${k.label}”`,
    placeRefusal: atFields('to', 'file', 'owner'),
    call: () =>
      api.shareKey({
        id: k.id,
        recipients,
        path: path.trim(),
        handover,
        ...(handover ? { owner: owner.trim() } : {}),
      }),
    onOk: (v) => upsertKey(v.key),
  });
  const problems = {
    to: d.refused.to ?? recipientsProblem(recipients),
    file: d.refused.file ?? fullPathProblem(path, 'the file to write'),
    owner:
      d.refused.owner ??
      (handover && owner.trim() === '' ? 'Name who holds the key after the hand-over.' : null),
  };

  return (
    <FormDialog
      name="share"
      title="Share with a teammate"
      form={d}
      done={d.done && <ShareResult shared={d.done} />}
      intro={
        <p className="muted">
          Writes “{k.label}” and its details into one file that only the recipients you name can
          open (age encryption). Nothing is sent: you send the file yourself.
        </p>
      }
      problems={problems}
      action={handover ? 'Share and hand over' : 'Share'}
    >
      <ShareFileFields
        recipients={recipientsText}
        onRecipients={d.edit(setRecipientsText)}
        path={path}
        onPath={d.edit(setPath)}
        problems={problems}
        shows={d.shows}
        recipientsHint="Each teammate’s recipient (age1…), one per line or separated by commas: their app shows it in Settings."
        chooserTitle={`Share “${k.label}”`}
        defaultName={`${k.label}.age`}
        example="/home/me/dev-john.age"
      />
      <SettingsCheckbox
        id="share-handover"
        label="Hand over: remove my copy of the secret"
        checked={handover}
        onChange={d.edit(setHandover)}
      />
      {handover && (
        <>
          <p className="field__hint">
            After the file is written, the secret is removed from this keychain: this device can no
            longer copy, reveal or write the key, and the list shows it as held by its owner. You
            can still disable, revoke and rotate it in API mode.
          </p>
          <Field
            label="Held by"
            value={owner}
            onChange={d.edit(setOwner)}
            problem={problems.owner}
            showProblem={d.shows('owner')}
          />
        </>
      )}
    </FormDialog>
  );
}
