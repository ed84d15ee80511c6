// apexkeys key generate: create a new key on the server (API mode) and store it.
import type { Command } from 'commander';
import { generateKey } from '../../../core/keys.ts';
import { keyJson } from '../../format.ts';
import { info, printJson } from '../../io.ts';
import type { CliSession } from '../../session.ts';
import { metaOf, type MetaOpts } from './meta-options.ts';

export async function keyGenerate(session: CliSession, o: MetaOpts, cmd: Command): Promise<void> {
  const core = await session.openCore(cmd);
  const view = await generateKey(core, metaOf(o));
  if (o.json) printJson(keyJson(view));
  else
    info(
      `Generated "${view.label}" (${view.hint}, fingerprint ${view.fingerprint}); the secret is in the keychain. "apexkeys key get ${view.label}" prints it.`,
    );
}
