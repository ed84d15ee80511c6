// The key's editable metadata. The panel is mounted per key, so switching keys starts fresh.
import { useId, useState, type FormEvent } from 'react';
import type { InputOf } from '../../../shared/ipc/contract.ts';
import type { KeyView } from '../../../shared/views.ts';
import { environmentProblem } from '../../../shared/input-rules.ts';
import { usePending } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { EnvironmentOptions } from './environment-options.tsx';
import { Field } from './field.tsx';

type Draft = Record<'environment' | 'service' | 'owner' | 'notes' | 'period', string>;
type MetaPatch = InputOf<'updateKeyMeta'>['patch'];

const draftOf = (k: KeyView): Draft => ({
  environment: k.environment,
  service: k.service,
  owner: k.owner,
  notes: k.notes,
  period: k.rotationPeriodDays === null ? '' : String(k.rotationPeriodDays),
});

function periodProblem(v: string): string | null {
  if (v.trim() === '') return null;
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 3650
    ? null
    : 'The rotation period is a whole number of days from 1 to 3650.';
}

/** Only what changed; an empty period means "use the environment's default". */
function patchOf(d: Draft, k: KeyView): MetaPatch {
  const base = draftOf(k);
  const patch: MetaPatch = {};
  if (d.environment !== base.environment) patch.environment = d.environment;
  if (d.service !== base.service) patch.service = d.service;
  if (d.owner !== base.owner) patch.owner = d.owner;
  if (d.notes !== base.notes) patch.notes = d.notes;
  if (d.period.trim() !== base.period)
    patch.rotationPeriodDays = d.period.trim() === '' ? null : Number(d.period);
  return patch;
}

const REVOKED_REASON = 'Revoked keys are read-only: their details can no longer change.';

export function MetadataForm({ keyView: k }: { keyView: KeyView }) {
  const save = useAppState((s) => s.saveMeta);
  const saving = usePending(`save:${k.id}`);
  const [draft, setDraft] = useState(() => draftOf(k));
  const listId = useId();
  const set = (field: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [field]: v }));
  const envProblem = environmentProblem(draft.environment);
  const perProblem = periodProblem(draft.period);
  const patch = patchOf(draft, k);
  const changed = Object.keys(patch).length > 0;
  const revoked = k.status === 'revoked';
  const reason = revoked
    ? REVOKED_REASON
    : envProblem || perProblem
      ? 'Fix the fields marked above first.'
      : changed
        ? null
        : 'Nothing has changed.';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason || revoked) return;
    await save(k.id, patch);
  };

  return (
    <form className="details__section meta-form" aria-labelledby="meta-heading" onSubmit={submit}>
      <h3 id="meta-heading">Details</h3>
      {revoked && <p className="muted">{REVOKED_REASON}</p>}
      {/* A disabled fieldset disables every field in it: a revoked key is history. The core
          refuses the change too, so the CLI and the window agree. */}
      <fieldset className="meta-form__fields" disabled={revoked}>
        <Field
          label="Environment"
          value={draft.environment}
          onChange={set('environment')}
          problem={envProblem}
          list={listId}
        />
        <EnvironmentOptions id={listId} />
        <Field label="Service" value={draft.service} onChange={set('service')} />
        <Field label="Owner" value={draft.owner} onChange={set('owner')} />
        <Field label="Notes" value={draft.notes} onChange={set('notes')} multiline />
        <Field
          label="Rotation period (days)"
          value={draft.period}
          onChange={set('period')}
          problem={perProblem}
          inputMode="numeric"
          hint="Empty: the environment's default."
        />
      </fieldset>
      <div className="button-row">
        <ActionButton type="submit" variant="primary" busy={saving} disabledReason={reason}>
          Save
        </ActionButton>
      </div>
    </form>
  );
}
