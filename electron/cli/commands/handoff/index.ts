// The team hand-off commands (issue 14): this installation's age identity, sharing a key with a
// teammate and receiving one, backup and restore, and the inventory without secrets. Declared
// here, options included, so --help needs no action code; each action is imported when it runs.
import { Option, type Command } from 'commander';
import { accountOption } from '../../key-ref.ts';
import { lazyAction } from '../../lazy-action.ts';
import type { CliSession } from '../../session.ts';

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** `key share` and `key receive`, under the key group. */
export function registerKeyHandoff(key: Command, session: CliSession): void {
  key
    .command('share')
    .description("write the key, encrypted to teammates' age recipients, into one file")
    .argument('<label>')
    .requiredOption('--to <recipient>', 'an age recipient (age1…); repeatable', collect)
    .requiredOption('--file <path>', 'the file to write')
    .option('--handover', 'then remove your copy of the secret: the key is held by its owner')
    .option('--owner <name>', "with --handover: who holds it now (default: the key's owner)")
    .addOption(accountOption())
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./share.ts')).keyShare));
  key
    .command('receive')
    .description('import a key a teammate shared with this installation')
    .requiredOption('--file <path>', 'the file you were given')
    .option('--account <name>', 'the account to import into (default: the one with its base URL)')
    .option('--label <label>', 'store it under another label')
    .option('--no-verify', 'store without checking the key against the server (offline)')
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./receive.ts')).keyReceive));
}

export function registerHandoff(program: Command, session: CliSession): void {
  const identity = program
    .command('identity')
    .description("this installation's age recipient: give it to whoever shares keys with you")
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./identity.ts')).showIdentity));
  identity
    .command('export')
    .description('write the identity (a secret) to a file for other age tools, mode 0600')
    .requiredOption('--file <path>', 'the file to write')
    .action(lazyAction(session, async () => (await import('./identity.ts')).exportIdentity));
  program
    .command('backup')
    .description(
      'write every account, key, rotation, setting and secret to one age file (passphrase on stdin)',
    )
    .requiredOption('--file <path>', 'the backup file to write (a new file: never replaced)')
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./backup.ts')).backupCommand));
  program
    .command('restore')
    .description('merge a backup into this installation (passphrase on stdin)')
    .requiredOption('--file <path>', 'the backup file')
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./restore.ts')).restoreCommand));
  program
    .command('inventory')
    .description('every key without its secret, for spreadsheets and auditors')
    .addOption(
      new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'),
    )
    .option('--file <path>', 'write to this new file (never replaced) instead of the terminal')
    .action(lazyAction(session, async () => (await import('./inventory.ts')).inventoryCommand));
}
