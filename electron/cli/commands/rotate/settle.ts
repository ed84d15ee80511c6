// How every rotate step ends: at the step it aimed for, the next command on stderr; otherwise
// exit 1 with one line saying where the run stayed and why.
import { describeStep } from '../../../../shared/rotation.ts';
import type { RotationView } from '../../../../shared/rotation-view.ts';
import { info } from '../../io.ts';
import { nextCommand } from '../../rotate-format.ts';
import type { CliSession } from '../../session.ts';

export function settleAt(
  session: CliSession,
  v: RotationView,
  expected: RotationView['step'],
  label: string,
): void {
  if (v.step === expected) {
    const next = nextCommand(v, label);
    if (next) info(`Now at ${describeStep(v.step)}. Next: ${next}`);
    return;
  }
  const why = v.notice ?? 'the step could not be confirmed';
  process.stderr.write(`apexkeys: Not confirmed, still at ${describeStep(v.step)}: ${why}\n`);
  session.exitCode = 1;
}
