// apexkeys key list: the live keys (with --all, the revoked ones too) as a table or JSON.
import type { Command } from 'commander';
import { listKeys } from '../../../core/keys.ts';
import { keyJson, shortDate } from '../../format.ts';
import { printJson, printTable } from '../../io.ts';
import type { CliSession } from '../../session.ts';

export async function keyList(
  session: CliSession,
  o: { account?: string; all?: boolean; json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const keys = await listKeys(core, {
    ...(o.account ? { account: o.account } : {}),
    includeRevoked: o.all === true,
  });
  if (o.json) return printJson(keys.map(keyJson));
  printTable(
    ['LABEL', 'ENV', 'STATUS', 'ACCOUNT', 'CREATED', 'LAST USED', 'ROTATION DUE', 'FINGERPRINT'],
    keys.map((k) => [
      k.label,
      k.environment,
      k.status,
      k.account,
      shortDate(k.createdAt),
      shortDate(k.lastUsedAt),
      shortDate(k.rotationDueAt),
      k.fingerprint,
    ]),
  );
}
