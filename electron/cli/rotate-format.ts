// How `apexkeys rotate` shows a run to a human; --json prints the RotationView itself.
import { describeStep } from '../../shared/rotation.ts';
import type { RotationView } from '../../shared/rotation-view.ts';
import { lastUsedText } from './format.ts';

type KeyPart = RotationView['oldKey'];

function keyLine(role: string, k: KeyPart): string {
  if (!k) return `  ${role}: -`;
  return `  ${role}: "${k.label}" ${k.status} ${k.hint} fingerprint ${k.fingerprint}, last used ${lastUsedText(k)}`;
}

/** After a listed last use that was only the app's own check of that key. */
const byApp = (yes: boolean | undefined): string => (yes ? " (only this app's check)" : '');

const credits = (c: { email: number; phone: number } | null): string =>
  c ? `, credits ${c.email} email / ${c.phone} phone` : '';

export function rotationLines(v: RotationView): string[] {
  const e = v.evidence;
  const g = e.generate;
  const lines = [
    `Rotation ${v.runId} (account ${v.account}, ${v.mode} mode): ${describeStep(v.step)}`,
    keyLine('old key', v.oldKey),
    keyLine('new key', v.newKey),
    `  1 generate: ${
      g.confirmedAt
        ? `confirmed ${g.confirmedAt}; check ${g.check?.outcome} at ${g.check?.at}${credits(g.check?.credits ?? null)}`
        : 'not confirmed'
    }`,
    `  2 deploy:   ${
      e.deploy
        ? `confirmed ${e.deploy.confirmedAt}${e.deploy.envFiles.length ? `; files: ${e.deploy.envFiles.map((f) => `${f.path}${f.changed ? ' (changed)' : ' (unchanged)'}${f.gitTracked ? ' [git]' : ''}`).join(', ')}` : ''}`
        : 'not confirmed'
    }`,
    `  3 verify:   ${
      e.verify
        ? `check ${e.verify.check.outcome} at ${e.verify.check.at}${
            e.verify.lastUsed
              ? `; last used (server): old ${e.verify.lastUsed.old ?? 'never'}${byApp(e.verify.lastUsed.oldByApp)}, new ${e.verify.lastUsed.new ?? 'never'}${byApp(e.verify.lastUsed.newByApp)}`
              : ''
          }${e.verify.confirmedAt ? `; confirmed ${e.verify.confirmedAt}` : '; not confirmed'}${e.verify.acceptedRecentUse ? ' (old key recently used: accepted)' : ''}`
        : 'not verified'
    }`,
    `  4 revoke:   ${
      e.revoke
        ? `begun ${e.revoke.begunAt}${e.revoke.proof ? `; old key ${e.revoke.proof.status === 404 ? 'no longer listed' : 'answered 401'} at ${e.revoke.proof.checkedAt}` : '; no proof yet'}`
        : 'not begun'
    }`,
  ];
  for (const s of v.held?.shares ?? [])
    lines.push(
      `  share file: ${s.file}${s.writtenAt ? ` written ${s.writtenAt}` : ' (not written)'}`,
    );
  if (e.abort)
    lines.push(
      `  aborted:    ${e.abort.choice}${e.abort.completedAt ? ` at ${e.abort.completedAt}` : ' (not complete)'}${e.abort.keptLabel ? `; new key kept as "${e.abort.keptLabel}"` : ''}`,
    );
  const note = noticeText(v);
  if (note) lines.push(`  note: ${note}`);
  return lines;
}

/**
 * The run's notice, with the command for what it asks of the user: the core's notice names no
 * front end ("record the revocation in this app").
 */
export function noticeText(v: RotationView): string | null {
  if (!v.notice) return null;
  const kept = v.evidence.abort?.keptLabel;
  if (v.step === 'aborted' && v.evidence.abort?.choice === 'dashboard' && kept)
    return `${v.notice} "apexkeys key revoke ${kept} --confirm ${kept}" records it.`;
  return v.notice;
}

/** The one command that moves the run on from where it is. */
export function nextCommand(v: RotationView, label: string): string | null {
  switch (v.step) {
    case 'generate':
      return `apexkeys rotate start ${label}`;
    case 'deploy':
      return v.held
        ? `apexkeys rotate deployed ${label} --to RECIPIENT --file PATH (a share file for ${v.held.holder})`
        : `apexkeys rotate deployed ${label} [--env-file PATH ...] (the new key: apexkeys key get ${label} --pending)`;
    case 'verify':
      return `apexkeys rotate verify ${label}`;
    case 'revoke':
      return `apexkeys rotate finish ${label} --confirm ${label}`;
    default:
      return null;
  }
}
