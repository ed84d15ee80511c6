// apexkeys key: the key commands, declared in the order `key --help` lists them. Each action
// lives in its own module, imported only when that command runs (see lazy-action.ts).
import type { Command } from 'commander';
import { DEFAULT_ENV_VAR } from '../../../core/env-file.ts';
import { accountOption } from '../../key-ref.ts';
import { lazyAction } from '../../lazy-action.ts';
import { parseShare, parseWholeNumber } from '../../parse.ts';
import type { CliSession } from '../../session.ts';
import { registerKeyHandoff } from '../handoff/index.ts';
import { withMeta } from './meta-options.ts';

export function registerKey(program: Command, session: CliSession): void {
  const key = program
    .command('key')
    .description('API keys: secrets in the OS keychain, metadata in the local store');
  withMeta(
    key
      .command('import')
      .description('store a key the dashboard showed; the secret is read from stdin'),
  )
    .option('--no-verify', 'store without checking the key against the server (offline)')
    .option('--json', 'print the record as JSON')
    .action(lazyAction(session, async () => (await import('./import.ts')).keyImport));
  withMeta(
    key.command('generate').description('create a new key on the server (API mode) and store it'),
  )
    .option('--json', 'print the record as JSON')
    .action(lazyAction(session, async () => (await import('./generate.ts')).keyGenerate));
  key
    .command('list')
    .description('list live keys')
    .addOption(accountOption())
    .option('--all', 'include revoked keys')
    .option('--due', 'only keys due for rotation: overdue, or due within the reminder window')
    .option(
      '--within <days>',
      'with --due: days ahead (default: setting, 14)',
      parseWholeNumber(0, 3650),
    )
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./list.ts')).keyList));
  key
    .command('update')
    .description(
      "change a key's local metadata (environment, service, owner, notes, rotation period)",
    )
    .argument('<label>')
    .addOption(accountOption())
    .option('--env <environment>', 'new environment')
    .option('--service <name>', 'the service that uses the key')
    .option('--owner <name>', 'who owns the key')
    .option('--notes <text>', 'free notes')
    .option(
      '--rotation-days <days|default>',
      'rotation period in days, or "default" for the environment\'s',
      (v) => (v === 'default' ? ('default' as const) : parseWholeNumber(1, 3650)(v)),
    )
    .option('--json', 'print the record as JSON')
    .action(lazyAction(session, async () => (await import('./update.ts')).keyUpdate));
  key
    .command('verify')
    .description('check a key (or every live key with --all) against the credits endpoint')
    .argument('[label]', 'the key to verify')
    .addOption(accountOption())
    .option('--all', "verify every live key, paced to a share of each account's rate limit")
    .option(
      '--rate-share <fraction>',
      'share of the rate limit --all may use (default: setting, 0.5)',
      parseShare,
    )
    .option('--concurrency <n>', 'parallel checks for --all', parseWholeNumber(1, 32))
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./verify.ts')).keyVerify));
  key
    .command('get')
    .description('print the secret and a newline (recorded in the audit trail)')
    .argument('<label>')
    .addOption(accountOption())
    .option('--pending', "the new key of LABEL's open rotation")
    .action(lazyAction(session, async () => (await import('./get.ts')).keyGet));
  key
    .command('env')
    .description(
      "write the key into a .env file (only its variable's line changes; a backup is kept)",
    )
    .argument('<label>')
    .requiredOption('--file <path>', 'the .env file')
    .option('--var <name>', 'variable name', DEFAULT_ENV_VAR)
    .option('--private', 'write the file with mode 0600, so only you can read it')
    .addOption(accountOption())
    .action(lazyAction(session, async () => (await import('./env.ts')).keyEnv));
  key
    .command('locations')
    .description('the files the key is known to be in; --check reads each one now')
    .argument('<label>')
    .addOption(accountOption())
    .option('--check', 'read each file and say whether it holds this key')
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./locations.ts')).keyLocationsCmd));
  key
    .command('forget-location')
    .description('stop tracking a file as a location of the key (the file is not changed)')
    .argument('<label>')
    .requiredOption('--file <path>', 'the file to forget')
    .addOption(accountOption())
    .action(
      lazyAction(session, async () => (await import('./forget-location.ts')).keyForgetLocation),
    );
  key
    .command('scan')
    .description('look for copies of the key in folders (read-only) and record them as locations')
    .argument('<label>')
    .requiredOption('--dir <folder...>', 'a folder to look in (repeatable)')
    .addOption(accountOption())
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./scan.ts')).keyScan));
  for (const enabled of [false, true])
    key
      .command(enabled ? 'enable' : 'disable')
      .description(
        enabled
          ? 'enable a disabled key (API mode)'
          : 'disable a key: it gets 401 until enabled again (API mode)',
      )
      .argument('<label>')
      .addOption(accountOption())
      .action(
        lazyAction(session, async () => (await import('./enable-disable.ts')).keyEnabled(enabled)),
      );
  key
    .command('revoke')
    .description(
      'revoke a key (immediate and irreversible), prove it answers 401, delete its secret',
    )
    .argument('<label>')
    .requiredOption('--confirm <label>', 'the label again, typed exactly')
    .addOption(accountOption())
    .action(lazyAction(session, async () => (await import('./revoke.ts')).keyRevoke));
  registerKeyHandoff(key, session);
}
