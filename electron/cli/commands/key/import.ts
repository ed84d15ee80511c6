// apexkeys key import: store a key the dashboard showed; the secret arrives on stdin.
import type { Command } from 'commander';
import { AppError, isAppError } from '../../../../shared/errors.ts';
import { importKey } from '../../../core/keys.ts';
import { keyJson } from '../../format.ts';
import { info, printJson, readSecret } from '../../io.ts';
import type { CliSession } from '../../session.ts';
import { metaOf, type MetaOpts } from './meta-options.ts';

export async function keyImport(
  session: CliSession,
  o: MetaOpts & { verify: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const secret = await readSecret('the API key');
  const view = await importKey(core, { ...metaOf(o), secret, verify: o.verify }).catch(
    (e: unknown) => {
      // Offline is a normal state for this app: say how to store the key anyway.
      if (isAppError(e) && (e.code === 'NETWORK' || e.code === 'TIMEOUT'))
        throw new AppError(
          e.code,
          `${e.message} To store the key without checking it, add --no-verify.`,
        );
      throw e;
    },
  );
  if (o.json) printJson(keyJson(view));
  else
    info(`Stored "${view.label}" (${view.hint}, fingerprint ${view.fingerprint}) in the keychain.`);
}
