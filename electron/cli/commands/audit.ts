// apexkeys audit: the audit trail, all of it or one label's history (revoked keys included).
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors.ts';
import { findAccount } from '../../core/accounts.ts';
import { shortDate } from '../format.ts';
import { printJson, printTable } from '../io.ts';
import { accountOption } from '../key-ref.ts';
import type { CliSession } from '../session.ts';

export function registerAudit(program: Command, session: CliSession): void {
  program
    .command('audit')
    .description('show the audit trail (never holds a secret)')
    .option(
      '--key <label>',
      'only events of this key (including its revoked predecessors with that label)',
    )
    .addOption(accountOption())
    .option('--json', 'print JSON')
    .action(async (o: { key?: string; account?: string; json?: boolean }, cmd: Command) => {
      const core = await session.openCore(cmd);
      let keyIds: string[] | undefined;
      if (o.key !== undefined) {
        const data = await core.store.read();
        const accountId = o.account === undefined ? undefined : findAccount(data, o.account).id;
        // A label's history includes the revoked keys that carried it before.
        keyIds = data.keys
          .filter(
            (k) => k.label === o.key && (accountId === undefined || k.accountId === accountId),
          )
          .map((k) => k.id);
        if (keyIds.length === 0)
          throw new AppError('UNKNOWN_KEY', `No key is labelled "${o.key.slice(0, 64)}".`);
      }
      const events = await core.audit.list(keyIds ? { keyIds } : {});
      if (o.json) return printJson(events);
      printTable(
        ['TIME', 'ACTION', 'OUTCOME', 'LABEL', 'FINGERPRINT', 'DETAIL'],
        events.map((e) => [
          shortDate(e.at),
          e.action,
          e.outcome,
          e.label ?? '-',
          e.fingerprint ?? '-',
          e.detail
            ? Object.entries(e.detail)
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')
            : '',
        ]),
      );
    });
}
