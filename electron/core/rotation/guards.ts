// The rotation rules as pure checks over a run: each answers null (allowed) or the rule it would
// break with a one-line reason naming the step. The same checks run before any I/O (so a refused
// call reaches no server) and again inside the store transition (another process may have moved
// the run meanwhile), and they fill the window's "allowed / why not" for each action.
import {
  describeStep,
  type AbortChoice,
  type RotationRule,
  type RotationRun,
} from '../../../shared/rotation.ts';
import { RotationRefused } from './lookup.ts';

export interface Refusal {
  rule: RotationRule;
  message: string;
}

const refusal = (run: RotationRun, rule: RotationRule, why: string): Refusal => ({
  rule,
  message: `Refused at ${describeStep(run.step)} of rotation ${run.id}: ${why}`,
});

export function refuse(check: Refusal | null): void {
  if (check) throw new RotationRefused(check.rule, check.message);
}

/** Done, aborted or being aborted: nothing but finishing the abort may happen. */
function closed(run: RotationRun): Refusal | null {
  if (run.step === 'done' || run.step === 'aborted')
    return refusal(run, 'run-closed', `the rotation is ${run.step}; start a new rotation.`);
  if (run.abort)
    return refusal(
      run,
      'abort-in-progress',
      `the rotation is being aborted (${run.abort.choice}); run abort again to complete it.`,
    );
  return null;
}

/** A generate may be resumed only while the run is still at generate. */
export function generateCheck(run: RotationRun): Refusal | null {
  const c = closed(run);
  if (c) return c;
  if (run.step !== 'generate')
    return refusal(
      run,
      'one-run-per-key',
      'a rotation of this key is already open, and a key has one run at a time. Go on with it, or abort it.',
    );
  return null;
}

export function deployCheck(run: RotationRun): Refusal | null {
  const c = closed(run);
  if (c) return c;
  if (run.step === 'generate') {
    const g = run.generate;
    const why = !g.storedAt
      ? 'the new key is not stored in the keychain yet'
      : `the new key has not answered 200 yet (last check: ${g.check?.outcome ?? 'none'})`;
    return refusal(
      run,
      'deploy-needs-stored-verified-key',
      `deploy needs the new key stored and verified once, and ${why}. Start the rotation again to finish generating it.`,
    );
  }
  if (run.step !== 'deploy')
    return refusal(run, 'wrong-step', `the deployment was already confirmed.`);
  return null;
}

export function verifyCheck(run: RotationRun): Refusal | null {
  const c = closed(run);
  if (c) return c;
  if (run.step === 'generate' || run.step === 'deploy')
    return refusal(
      run,
      'verify-needs-deploy',
      'verify needs the deployment of the new key confirmed first.',
    );
  if (run.step !== 'verify')
    return refusal(run, 'wrong-step', 'the verification was already confirmed; finish next.');
  return null;
}

/** The one rule the issue exists for: no revocation without a post-deploy verification. */
export function verifiedAfterDeploy(run: RotationRun): boolean {
  const v = run.verify;
  return Boolean(
    run.deploy &&
    v?.confirmedAt &&
    v.check.outcome === 'ok' &&
    Date.parse(v.check.at) >= Date.parse(run.deploy.confirmedAt),
  );
}

export function finishCheck(run: RotationRun, oldLabel: string, typed: string): Refusal | null {
  const c = closed(run);
  if (c) return c;
  if (run.step !== 'revoke' || !verifiedAfterDeploy(run))
    return refusal(
      run,
      'revoke-needs-confirmed-verify',
      'revoking the old key needs a confirmed, successful verification of the new key made after the deployment was confirmed.',
    );
  if (typed !== oldLabel)
    return refusal(
      run,
      'revoke-needs-typed-label',
      `type the old key's label exactly to confirm (expected "${oldLabel}"). Nothing was revoked.`,
    );
  return null;
}

export interface AbortContext {
  /** The new key's record exists (generate stored it). */
  newStored: boolean;
  /** The new key is linked to a server key (API mode). */
  newLinked: boolean;
}

export function abortCheck(
  run: RotationRun,
  choice: AbortChoice,
  ctx: AbortContext,
): Refusal | null {
  if (run.step === 'done' || run.step === 'aborted') return closed(run);
  if (run.revoke)
    return refusal(
      run,
      'abort-before-revoke',
      `revocation of the old key began at ${run.revoke.begunAt}, so the rotation can no longer be aborted; finish it.`,
    );
  if (run.abort && run.abort.choice !== choice)
    return refusal(
      run,
      'abort-choice',
      `the abort already began with "${run.abort.choice}"; complete it with the same choice.`,
    );
  if (choice === 'revoke-new' && (run.mode !== 'api' || (ctx.newStored && !ctx.newLinked)))
    return refusal(
      run,
      'abort-choice',
      'the new key cannot be revoked through the API here; choose to revoke it in the dashboard, or keep it.',
    );
  // A server key made before the record was written can only be found, and revoked, by the app.
  if (choice === 'dashboard' && run.mode === 'api' && !ctx.newStored)
    return refusal(
      run,
      'abort-choice',
      'the new key is not stored yet; abort by revoking it (revoke-new), which also removes any key the interrupted generate made.',
    );
  if (choice === 'keep-new' && !ctx.newStored)
    return refusal(
      run,
      'abort-choice',
      'there is no stored new key to keep; abort by revoking or discarding it instead.',
    );
  return null;
}

export function abortChoices(run: RotationRun, ctx: AbortContext): AbortChoice[] {
  const all: AbortChoice[] = ['revoke-new', 'keep-new', 'dashboard'];
  return all.filter((c) => abortCheck(run, c, ctx) === null);
}

export function busyRefusal(run: RotationRun, pid: number): Refusal {
  return refusal(
    run,
    'busy',
    `another process (pid ${pid}) is generating the new key right now; wait for it to finish, then look again.`,
  );
}
