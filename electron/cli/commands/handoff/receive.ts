// apexkeys key receive --file PATH: import a key a teammate shared with this installation.
import type { Command } from 'commander';
import { AppError, isAppError } from '../../../../shared/errors.ts';
import { receiveKey } from '../../../core/handoff/receive.ts';
import { keyJson } from '../../format.ts';
import { info, printJson } from '../../io.ts';
import type { CliSession } from '../../session.ts';

export interface ReceiveOpts {
  file: string;
  account?: string;
  label?: string;
  verify: boolean;
  json?: boolean;
}

export async function keyReceive(session: CliSession, o: ReceiveOpts, cmd: Command): Promise<void> {
  const core = await session.openCore(cmd);
  const r = await receiveKey(core, {
    file: o.file,
    verify: o.verify,
    ...(o.account !== undefined ? { account: o.account } : {}),
    ...(o.label !== undefined ? { label: o.label } : {}),
  }).catch((e: unknown) => {
    // Offline is a normal state for this app: say how to store the key anyway.
    if (isAppError(e) && (e.code === 'NETWORK' || e.code === 'TIMEOUT'))
      throw new AppError(
        e.code,
        `${e.message} To store the key without checking it, add --no-verify.`,
      );
    throw e;
  });
  if (o.json) printJson(keyJson(r.key));
  else
    info(
      `Received "${r.key.label}" (${r.key.hint}, fingerprint ${r.key.fingerprint}) into account "${r.key.account}"; it is in the keychain.`,
    );
}
