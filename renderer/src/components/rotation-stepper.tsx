// The wizard's four steps as an ordered list: the current one marked aria-current="step", the
// ones the run has confirmed marked completed (in words too, not only by the check mark).
import { ROTATION_STEPS, type RotationStepName } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';

export const STEP_NAMES: Record<RotationStepName, string> = {
  generate: 'Generate',
  deploy: 'Deploy',
  verify: 'Verify',
  revoke: 'Revoke old key',
};

/**
 * The steps this run has confirmed and that still stand, from its evidence. An aborted run has
 * none: what it did was undone or set aside (the old key never changed), so a tick would say a
 * deployment happened that the abort took back.
 */
export function completedSteps(view: RotationView | null): Set<RotationStepName> {
  const e = view?.evidence;
  const done = new Set<RotationStepName>();
  if (view?.step === 'aborted') return done;
  if (e?.generate.confirmedAt) done.add('generate');
  if (e?.deploy?.confirmedAt) done.add('deploy');
  if (e?.verify?.confirmedAt) done.add('verify');
  if (e?.revoke?.completedAt) done.add('revoke');
  return done;
}

export function RotationStepper({ view }: { view: RotationView | null }) {
  const current = view?.step ?? 'generate';
  const done = completedSteps(view);
  const aborted = current === 'aborted';
  return (
    <ol
      className={`stepper${aborted ? ' stepper--aborted' : ''}`}
      aria-label={aborted ? 'Rotation steps (aborted)' : 'Rotation steps'}
    >
      {ROTATION_STEPS.map((step, i) => {
        const isDone = done.has(step);
        const isCurrent = step === current;
        return (
          <li
            key={step}
            aria-current={isCurrent ? 'step' : undefined}
            className={`stepper__step${isCurrent ? ' is-current' : ''}${isDone ? ' is-done' : ''}`}
          >
            <span className="stepper__mark" aria-hidden="true">
              {isDone ? '✓' : i + 1}
            </span>
            <span className="stepper__name">{STEP_NAMES[step]}</span>
            {isDone && <span className="visually-hidden"> (completed)</span>}
          </li>
        );
      })}
    </ol>
  );
}
