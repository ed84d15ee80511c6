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

/** The steps this run has confirmed, from its evidence (also right for an aborted run). */
export function completedSteps(view: RotationView | null): Set<RotationStepName> {
  const e = view?.evidence;
  const done = new Set<RotationStepName>();
  if (e?.generate.confirmedAt) done.add('generate');
  if (e?.deploy?.confirmedAt) done.add('deploy');
  if (e?.verify?.confirmedAt) done.add('verify');
  if (e?.revoke?.completedAt) done.add('revoke');
  return done;
}

export function RotationStepper({ view }: { view: RotationView | null }) {
  const current = view?.step ?? 'generate';
  const done = completedSteps(view);
  return (
    <ol className="stepper" aria-label="Rotation steps">
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
