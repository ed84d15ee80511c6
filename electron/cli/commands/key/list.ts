// apexkeys key list: the live keys (with --all, the revoked ones too) as a table or JSON; with
// --due, only the keys due for rotation (for cron jobs: exit 0 whether or not any are due).
import type { Command } from 'commander';
import { listKeys } from '../../../core/keys.ts';
import { getSettings } from '../../../core/settings.ts';
import { dueState, isDue } from '../../../../shared/due.ts';
import type { KeyView } from '../../../../shared/views.ts';
import { keyJson, lastUsedText, shortDate, statusText } from '../../format.ts';
import { oneLineSafe, printJson, printLine, printTable } from '../../io.ts';
import type { CliCore, CliSession } from '../../session.ts';

export interface KeyListOpts {
  account?: string;
  all?: boolean;
  json?: boolean;
  due?: boolean;
  /** Days ahead a key counts as due; the reminder window setting when not given. */
  within?: number;
}

export async function keyList(session: CliSession, o: KeyListOpts, cmd: Command): Promise<void> {
  if (o.within !== undefined && !o.due)
    cmd.error('error: --within goes with --due, e.g. key list --due --within 7', { exitCode: 2 });
  if (o.due && o.all)
    cmd.error('error: --due lists live keys only (a revoked key is never due); drop --all', {
      exitCode: 2,
    });
  const core = await session.openCore(cmd);
  const keys = await listKeys(core, {
    ...(o.account ? { account: o.account } : {}),
    includeRevoked: o.all === true,
  });
  if (o.due) return printDue(core, keys, o);
  if (o.json) return printJson(keys.map(keyJson));
  printTable(
    ['LABEL', 'ENV', 'STATUS', 'ACCOUNT', 'CREATED', 'LAST USED', 'ROTATION DUE', 'FINGERPRINT'],
    keys.map((k) => [
      k.label,
      k.environment,
      statusText(k),
      k.account,
      shortDate(k.createdAt),
      lastUsedText(k),
      shortDate(k.rotationDueAt),
      k.fingerprint,
    ]),
  );
}

/** The same rule as the window's title count and filter (shared/due.ts), most urgent first. */
async function printDue(core: CliCore, keys: KeyView[], o: KeyListOpts): Promise<void> {
  const within = o.within ?? (await getSettings(core)).reminderDays;
  const now = core.clock.now().getTime();
  const due = keys
    .filter((k) => isDue(k, now, within))
    .sort((a, b) => (a.rotationDueAt ?? '').localeCompare(b.rotationDueAt ?? ''));
  const overdue = (k: KeyView) => dueState(k.rotationDueAt, now, within) === 'overdue';
  if (o.json) return printJson(due.map((k) => ({ ...keyJson(k), overdue: overdue(k) })));
  if (due.length === 0) {
    printLine(`No keys are due for rotation within ${days(within)}.`);
    return;
  }
  // One line per key whatever its label holds: a script reads it line by line.
  for (const k of due)
    printLine(
      oneLineSafe(
        `${k.label} (${k.account}, ${k.environment}): ${overdue(k) ? 'overdue since' : 'due'} ${shortDate(k.rotationDueAt)}`,
      ),
    );
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);
