// The CLI's words for the next step after a core error. The core says what happened without
// naming any front end, and tags the error with a code and a rule; this names the command or
// flag that moves on, appended to the error's one line. The window phrases its own
// (renderer/src/lib/errors.ts).
import type { ErrorCode, ErrorInfo } from '../../shared/errors.ts';
import type { ErrorRule } from '../../shared/error-rules.ts';
import type { RotationRule } from '../../shared/rotation.ts';

// A Map, not an object: a rule is any string across a boundary, and must never hit a prototype key.
const BY_RULE: ReadonlyMap<string, string> = new Map<RotationRule | ErrorRule, string>([
  ['no-run', 'Run "apexkeys rotate start LABEL".'],
  ['run-closed', 'Run "apexkeys rotate start LABEL".'],
  ['deploy-needs-stored-verified-key', 'Run "apexkeys rotate start LABEL".'],
  ['verify-needs-deploy', 'Confirm it with "apexkeys rotate deployed LABEL".'],
  ['key-in-rotation', 'Use "apexkeys rotate finish" or "apexkeys rotate abort".'],
  ['held-needs-share', 'Add --to RECIPIENT (repeatable) and --file PATH.'],
  ['no-accounts', 'Add one with "apexkeys account add".'],
  ['no-such-label', '"apexkeys key list" shows them.'],
  ['generate-in-dashboard', '"apexkeys key import" stores it.'],
  ['share-not-for-this-installation', '"apexkeys identity" prints this installation\'s recipient.'],
  ['handover-needs-owner', 'Add --owner NAME.'],
  ['receive-label-taken', 'Add --label NEW-LABEL.'],
  ['receive-no-account', 'Add it with "apexkeys account add", or choose one with --account NAME.'],
]);

const BY_CODE: Readonly<Partial<Record<ErrorCode, string>>> = {
  AMBIGUOUS_LABEL: 'Use --account NAME.',
};

/** The hint for this error, or null when its message is enough. */
export function cliNextStep(error: Pick<ErrorInfo, 'code' | 'rule'>): string | null {
  const byRule = error.rule === undefined ? undefined : BY_RULE.get(error.rule);
  return byRule ?? BY_CODE[error.code] ?? null;
}

/** The error's one line: its message, then the CLI's next step. */
export function errorLine(error: Pick<ErrorInfo, 'code' | 'rule' | 'message'>): string {
  const message = error.message.replace(/\s+/g, ' ').trim();
  const hint = cliNextStep(error);
  return hint ? `${message} ${hint}` : message;
}
