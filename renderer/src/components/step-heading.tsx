// "Step 2 of 4: Deploy", the heading of the wizard's current step. Focusable, so the wizard can
// move focus to it when the step changes (the button that was pressed is gone by then).
import { ROTATION_STEPS, type RotationStepName } from '../../../shared/rotation.ts';
import { STEP_NAMES } from './rotation-stepper.tsx';

export const STEP_TITLE_ID = 'rotate-step-title';

export function StepHeading({ step }: { step: RotationStepName }) {
  const n = ROTATION_STEPS.indexOf(step) + 1;
  return (
    <h3 id={STEP_TITLE_ID} className="wizard-step__title" tabIndex={-1}>
      Step {n} of {ROTATION_STEPS.length}: {STEP_NAMES[step]}
    </h3>
  );
}
