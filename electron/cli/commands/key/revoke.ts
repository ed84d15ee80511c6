// apexkeys key revoke: revoke (irreversible), prove the 401, then delete the secret.
import type { Command } from 'commander';
import { revokeKey } from '../../../core/key-lifecycle.ts';
import { info, warn } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export async function keyRevoke(
  session: CliSession,
  label: string,
  o: { confirm: string; account?: string },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const r = await revokeKey(core, refOf(label, o.account), o.confirm);
  if (r.proof.status === 404)
    info(
      `Revoked "${r.key.label}" (held by ${r.key.heldBy ?? 'its owner'}): the server deleted it and no longer lists it (checked at ${r.proof.checkedAt}); its copies now answer 401.`,
    );
  else if (r.secretRemoved)
    info(
      `Revoked "${r.key.label}": it answered 401 at ${r.proof.checkedAt}; its secret was removed from the keychain.`,
    );
  else {
    info(`Revoked "${r.key.label}": it answered 401 at ${r.proof.checkedAt}.`);
    warn(
      'the keychain refused to delete its (now useless) secret; unlock the keychain and remove it, or leave it.',
    );
  }
}
