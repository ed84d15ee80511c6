// Rotation views for the renderer's tests: the shapes the core answers, checked against the
// shared schema, at a given step.
import type { AbortChoice, ActionState, RotationStep } from '../../../shared/rotation.ts';
import { rotationViewSchema, type RotationView } from '../../../shared/rotation-view.ts';
import type { KeyView } from '../../../shared/views.ts';
import { makeKey } from './fake-api.ts';

const ORDER: RotationStep[] = ['generate', 'deploy', 'verify', 'revoke', 'done'];
const ALLOWED: ActionState = { allowed: true, reason: null };
export const refused = (reason: string): ActionState => ({ allowed: false, reason });

/** A run of `oldKey` at `step`, each earlier step confirmed a minute ago; `over` wins. */
export function viewAt(
  oldKey: KeyView,
  step: RotationStep,
  over: Partial<RotationView> = {},
): RotationView {
  const at = new Date(Date.now() - 60_000).toISOString();
  const past = (s: RotationStep) => ORDER.indexOf(step) > ORDER.indexOf(s);
  const n = ORDER.indexOf(step) + 1;
  const open = n >= 1 && n <= 4;
  const check = {
    at,
    outcome: 'ok' as const,
    credits: { email: 1000, phone: 500 },
    errorCode: null,
  };
  const only = (s: RotationStep) => (step === s ? ALLOWED : refused(`Refused at ${step}.`));
  const choices: AbortChoice[] = open && step !== 'revoke' ? ['revoke-new', 'keep-new'] : [];
  const view: RotationView = {
    runId: 'rot_1',
    account: 'sandbox',
    accountId: 'acc_sandbox',
    mode: 'api',
    dashboardUrl: 'https://app.apexverify.com',
    step,
    stepNumber: open ? n : null,
    stepCount: 4,
    open,
    startedAt: at,
    updatedAt: at,
    oldKey: step === 'done' ? { ...oldKey, status: 'revoked' } : oldKey,
    newKey: makeKey({ id: 'key_new', label: `${oldKey.label}-r1a2b`, status: 'pending' }),
    evidence: {
      generate: {
        owner: null,
        fingerprint: null,
        remoteId: 'rk_new',
        storedAt: at,
        check,
        orphansRevoked: 0,
        confirmedAt: past('generate') ? at : null,
      },
      deploy: past('deploy') ? { confirmedAt: at, envFiles: [] } : null,
      verify: past('verify')
        ? { check, lastUsed: null, recentUse: false, acceptedRecentUse: false, confirmedAt: at }
        : null,
      revoke: past('revoke')
        ? {
            begunAt: at,
            lastCheck: null,
            proof: { status: 401, checkedAt: at },
            completedAt: at,
          }
        : null,
      abort: null,
    },
    actions: {
      generate: only('generate'),
      deployed: only('deploy'),
      verify: only('verify'),
      finish: only('revoke'),
      abort: { ...(choices.length ? ALLOWED : refused('Too late to abort.')), choices },
    },
    notice: null,
    ...over,
  };
  return rotationViewSchema.parse(view);
}
