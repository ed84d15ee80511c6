// Step 2 for a key held by a teammate (issue 14): the new key reaches the holder the one way this
// app hands keys over, a share file encrypted to their recipient(s), with the Share dialog's
// fields (the recipient prefilled from the old key's last share). No Copy, Reveal or .env file:
// this device keeps no running copy of a held key, and its known locations are not checked (the
// core says why). Writing the file and confirming the deployment are one action.
import { useState, type FormEvent } from 'react';
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { useFieldRefusals } from '../hooks/use-field-refusals.ts';
import { useBlockedReason, useRotationBusy } from '../hooks/use-rotation.ts';
import { fullPathProblem, parseRecipients, recipientsProblem } from '../lib/handoff.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ShareFileFields } from './share-file-fields.tsx';
import { Stamp } from './stamp.tsx';
import { StepHeading } from './step-heading.tsx';

type Held = NonNullable<RotationView['held']>;
type RefusedField = 'to' | 'file';

function WrittenShares({ shares }: { shares: Held['shares'] }) {
  return (
    <ul className="places" aria-label="Share files written">
      {shares.map((s) => (
        <li key={`${s.file}\n${s.begunAt}`}>
          <code className="selectable">{s.file}</code>:{' '}
          {s.writtenAt ? (
            <>
              written <Stamp iso={s.writtenAt} />
            </>
          ) : (
            'interrupted while writing'
          )}
        </li>
      ))}
    </ul>
  );
}

export function RotateHeldDeploy(p: { keyId: string; view: RotationView; held: Held }) {
  const { keyId, view, held } = p;
  const confirm = useAppState((s) => s.confirmDeployed);
  const busy = useRotationBusy(keyId);
  const [recipientsText, setRecipientsText] = useState(held.knownRecipients.join('\n'));
  const [path, setPath] = useState('');
  const [tried, setTried] = useState(false);
  const { refused, setRefused, edit } = useFieldRefusals<RefusedField>();
  const reason = useBlockedReason(view.actions.deployed);
  const label = view.oldKey?.label ?? '';
  const holder = held.holder;
  const recipients = parseRecipients(recipientsText);
  const problems = {
    to: refused.to ?? recipientsProblem(recipients),
    file: refused.file ?? fullPathProblem(path, 'the file to write'),
  };
  const written = held.shares.some((s) => s.writtenAt !== null);

  /** A refusal about the recipients or the path is shown at that field, not as an alert. */
  const atField = (e: ErrorInfo): boolean => {
    if (e.field !== 'to' && e.field !== 'file') return false;
    setRefused({ [e.field]: e.message });
    return true;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (busy || reason || problems.to || problems.file) return;
    await confirm(keyId, { recipients, path: path.trim() }, atField);
  };

  return (
    <form className="wizard-step" onSubmit={submit} noValidate>
      <StepHeading step="deploy" />
      <p>
        “{label}” is held by {holder}: this device has no copy of it. Give {holder} the new key in a
        share file that only their app can open, and send them the file. They open it with Receive a
        key… and deploy the new key where the old one runs; the old key keeps working meanwhile.
      </p>
      <ShareFileFields
        recipients={recipientsText}
        onRecipients={edit(setRecipientsText)}
        path={path}
        onPath={edit(setPath)}
        problems={problems}
        shows={(f) => tried || refused[f] !== undefined}
        recipientsHint={`${holder}’s recipient (age1…), one per line or separated by commas: their app shows it in Settings.`}
        chooserTitle={`The new key for ${holder}`}
        defaultName={`${label}-new.age`}
        example="/home/me/dev-john-new.age"
      />
      <p className="field__hint">{held.locationsSkipped}</p>
      {held.shares.length > 0 && <WrittenShares shares={held.shares} />}
      <div className="button-row">
        <ActionButton
          type="submit"
          variant="primary"
          busy={busy}
          disabledReason={reason}
          showReason
        >
          Write share file and confirm deployed
        </ActionButton>
        {written && (
          <ActionButton busy={busy} disabledReason={reason} onClick={() => void confirm(keyId)}>
            Confirm deployed (file already written)
          </ActionButton>
        )}
      </div>
    </form>
  );
}
