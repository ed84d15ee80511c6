// apexkeys account remove: forget an account (confirmed by its name typed again): its key and its
// keys' secrets leave the keychain, its records and rotation runs the store; the audit stays.
import type { Command } from 'commander';
import { removeAccount } from '../../../core/account-admin.ts';
import { info, printJson, warn } from '../../io.ts';
import type { CliSession } from '../../session.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function accountRemove(
  session: CliSession,
  name: string,
  opts: { confirm: string; json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const r = await removeAccount(core, { name }, opts.confirm);
  if (opts.json) {
    printJson(r);
    return;
  }
  info(
    `Removed account "${r.name}" and ${plural(r.keysRemoved, 'key', 'keys')}; ${plural(r.secretsRemoved, 'secret was', 'secrets were')} deleted from the keychain. The keys still exist on the server.`,
  );
  // The store's notice names the entries left; this says what to do about them.
  if (r.secretsLeft > 0)
    warn(
      `${plural(r.secretsLeft, 'keychain entry was', 'keychain entries were')} not deleted; unlock the keychain and delete them with your keychain tool (e.g. secret-tool clear).`,
    );
}
