// The apexkeys command tree: the global options and every command, over one invocation's session.
import { Command } from 'commander';
import { registerAccount } from './commands/account/index.ts';
import { registerAudit } from './commands/audit.ts';
import { registerKey } from './commands/key/index.ts';
import { registerRotate } from './commands/rotate/index.ts';
import { registerRun } from './commands/run.ts';
import { registerSandbox } from './commands/sandbox.ts';
import { registerSettings } from './commands/settings/index.ts';
import type { CliSession } from './session.ts';

export function buildProgram(session: CliSession): Command {
  const program = new Command('apexkeys')
    .description(
      'Keep ApexVerify API keys in the OS keychain: verify, generate, write to .env, revoke.',
    )
    .option(
      '--data-dir <dir>',
      "data folder (default: the app's user-data folder; env APEXKEYS_DATA_DIR)",
    )
    .option('--keychain-service <name>', 'keychain service name (env APEXKEYS_KEYCHAIN_SERVICE)')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerAccount(program, session);
  registerKey(program, session);
  registerRun(program, session);
  registerRotate(program, session);
  registerAudit(program, session);
  registerSettings(program, session);
  registerSandbox(program, session);
  // Subcommands inherit the override, so a usage error anywhere reaches execute()'s handler.
  const applyOverride = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.commands.forEach(applyOverride);
  };
  applyOverride(program);
  return program;
}
