// The apexkeys command tree: the global options and every command, over one invocation's session.
// Every command is declared here or in its group's index.ts, options included, so --help needs no
// action code; each action's module is imported only when its command runs (lazy-action.ts).
import { Command } from 'commander';
import { DEFAULT_ENV_VAR } from '../core/env-file.ts';
import { registerAccount } from './commands/account/index.ts';
import { registerHandoff } from './commands/handoff/index.ts';
import { registerKey } from './commands/key/index.ts';
import { registerRotate } from './commands/rotate/index.ts';
import { registerSettings } from './commands/settings/index.ts';
import { commanderOutput } from './io.ts';
import { accountOption } from './key-ref.ts';
import { lazyAction } from './lazy-action.ts';
import { parseWholeNumber } from './parse.ts';
import type { CliSession } from './session.ts';
import { cliVersion } from './version.ts';

function registerRun(program: Command, session: CliSession): void {
  program
    .command('run')
    .description("run a command with the key in its environment; exits with the command's code")
    .requiredOption('--key <label>', 'the key to hand to the command')
    .option('--var <name>', 'variable name', DEFAULT_ENV_VAR)
    .addOption(accountOption())
    .option('--pending', "hand over the new key of the label's open rotation (deploy helper)")
    .argument('<command>', 'the command (after --)')
    .argument('[args...]', 'its arguments')
    .action(lazyAction(session, async () => (await import('./commands/run.ts')).runCommand));
}

function registerAudit(program: Command, session: CliSession): void {
  program
    .command('audit')
    .description('show the audit trail (never holds a secret)')
    .option(
      '--key <label>',
      'only events of this key (including its revoked predecessors with that label)',
    )
    .addOption(accountOption())
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./commands/audit.ts')).showAudit));
}

function registerSync(program: Command, session: CliSession): void {
  program
    .command('sync')
    .description(
      "list the server's keys and merge them: new, disabled, revoked, renamed (API mode)",
    )
    .option('--account <name>', 'only this account (default: every API-mode account)')
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./commands/sync.ts')).syncCommand));
}

function registerSandbox(program: Command, session: CliSession): void {
  program
    .command('sandbox')
    .description(
      'start an ApexVerify-compatible server on 127.0.0.1 for trying the app and for tests',
    )
    .option('--port <n>', 'port (0 = any free port)', parseWholeNumber(0, 65535), 0)
    .option('--state <file>', 'keep the sandbox state in this file across restarts')
    .option('--rpm <n>', 'rate limit per minute', parseWholeNumber(1, 1_000_000), 180)
    .option('--no-key-api', 'serve only the documented endpoints (dashboard mode)')
    .action(lazyAction(session, async () => (await import('./commands/sandbox.ts')).serveSandbox));
}

export function buildProgram(session: CliSession): Command {
  const program = new Command('apexkeys')
    .description(
      'Keep ApexVerify API keys in the OS keychain: verify, generate, write to .env, revoke.',
    )
    .version(cliVersion(), '-V, --version', 'print the version')
    .option(
      '--data-dir <dir>',
      "data folder (default: the app's user-data folder; env APEXKEYS_DATA_DIR)",
    )
    .option('--keychain-service <name>', 'keychain service name (env APEXKEYS_KEYCHAIN_SERVICE)')
    .showHelpAfterError('(add --help for usage)')
    // commander's messages echo arguments ("unknown option '…'"): printed terminal-safe.
    .configureOutput(commanderOutput)
    .exitOverride();
  registerAccount(program, session);
  registerKey(program, session);
  registerRun(program, session);
  registerRotate(program, session);
  registerAudit(program, session);
  registerSync(program, session);
  registerSettings(program, session);
  registerHandoff(program, session);
  registerSandbox(program, session);
  // Subcommands inherit the override, so a usage error anywhere reaches execute()'s handler.
  const applyOverride = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.commands.forEach(applyOverride);
  };
  applyOverride(program);
  return program;
}
