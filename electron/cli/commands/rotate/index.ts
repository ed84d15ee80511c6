// apexkeys rotate: the four-step rotation over the core's state machine. A refusal is an
// AppError (REFUSED) whose one line names the step; a step that ran but could not be confirmed
// (a failed check, a recently used old key, a revocation still awaited) exits 1 with its reason.
import type { Command } from 'commander';
import type { CliSession } from '../../session.ts';
import { registerRotateAbort } from './abort.ts';
import { registerRotateDeployed } from './deployed.ts';
import { registerRotateFinish } from './finish.ts';
import { registerRotateStart } from './start.ts';
import { registerRotateStatus } from './status.ts';
import { registerRotateVerify } from './verify.ts';

export function registerRotate(program: Command, session: CliSession): void {
  const rotate = program
    .command('rotate')
    .description('rotate a key in four confirmed steps: generate, deploy, verify, revoke');
  registerRotateStart(rotate, session);
  registerRotateStatus(rotate, session);
  registerRotateDeployed(rotate, session);
  registerRotateVerify(rotate, session);
  registerRotateFinish(rotate, session);
  registerRotateAbort(rotate, session);
}
