// apexkeys rotate abort: end the run before revocation began, revoking the new key (the default
// where the API can) or keeping it; once the new key was deployed, the choice must be explicit.
import type { Command } from 'commander';
import { AppError } from '../../../../shared/errors.ts';
import { describeStep, type RestoreEvidence } from '../../../../shared/rotation.ts';
import { keyLocations } from '../../../core/locations/check.ts';
import { abortRotation, getRotation } from '../../../core/rotation/index.ts';
import { info, warn } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import { noticeText } from '../../rotate-format.ts';
import type { CliSession } from '../../session.ts';
import { withFileLines } from './refusal-lines.ts';
import { settleAt } from './settle.ts';

export interface AbortOpts {
  account?: string;
  revokeNew?: boolean;
  keepNew?: boolean;
  revokeUnrestored?: boolean;
}

const restoreLine = (f: RestoreEvidence): string =>
  ({
    restored: `${f.path}: the old key was written back.`,
    'holds-old-key': `${f.path}: already holds the old key.`,
    'not-restored': `${f.path}: NOT restored (${f.reason ?? 'error'}); it holds the revoked new key.`,
    'left-as-is': `${f.path}: left as is (${f.reason ?? 'no new key in it'}).`,
  })[f.outcome];

export async function rotateAbort(
  session: CliSession,
  label: string,
  o: AbortOpts,
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const ref = refOf(label, o.account);
  const now = await getRotation(core, ref);
  // A deployed new key may already carry traffic: revoking it is a choice to make, not a default.
  if (now?.open && !o.revokeNew && !o.keepNew && now.evidence.deploy)
    throw new AppError(
      'REFUSED',
      `Refused at ${describeStep(now.step)} of rotation ${now.runId}: the new key was deployed and may carry traffic; choose --revoke-new or --keep-new.`,
    );
  const viaApi = now?.mode === 'api' && (now.newKey === null || now.newKey.remoteId !== null);
  const choice = o.keepNew ? 'keep-new' : viaApi ? 'revoke-new' : 'dashboard';
  const v = await withFileLines(session, () =>
    abortRotation(core, ref, { choice, revokeUnrestored: Boolean(o.revokeUnrestored) }),
  );
  if (!v) return;
  for (const f of v.evidence.abort?.restored ?? []) info(restoreLine(f));
  const kept = v.evidence.abort?.keptLabel;
  if (choice === 'revoke-new') info('Aborted; the new key was revoked.');
  else if (kept) {
    info(`Aborted; the new key is kept as "${kept}".`);
    // Kept means the files stay as they are: say which still hold it.
    const places = v.newKey
      ? await keyLocations(core, { id: v.newKey.id }, { check: true }).catch(() => [])
      : [];
    for (const l of places)
      if ('state' in l && l.state === 'holds') info(`${l.path} (${l.variable}) holds "${kept}".`);
  } else info('Aborted.');
  const note = noticeText(v);
  if (note) warn(note);
  settleAt(session, v, 'aborted', label);
}
