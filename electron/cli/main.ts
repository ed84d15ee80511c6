// apexkeys: the CLI over the same core as the desktop app.
// Exit codes: 0 success; 1 the operation failed (one line on stderr); 2 bad usage.
import { Command, CommanderError } from 'commander';
import { AppError } from '../../shared/errors.ts';
import { flushNotices } from './context.ts';
import { registerAccount } from './commands/account.ts';
import { registerAudit } from './commands/audit.ts';
import { registerKey } from './commands/key.ts';
import { registerRotate } from './commands/rotate.ts';
import { registerRun } from './commands/run.ts';
import { registerSandbox, sandboxState } from './commands/sandbox.ts';
import { registerSettings } from './commands/settings.ts';

export function buildProgram(): Command {
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
  registerAccount(program);
  registerKey(program);
  registerRun(program);
  registerRotate(program);
  registerAudit(program);
  registerSettings(program);
  registerSandbox(program);
  // Subcommands inherit the override, so a usage error anywhere reaches the handler below.
  const applyOverride = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.commands.forEach(applyOverride);
  };
  applyOverride(program);
  return program;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } finally {
    flushNotices();
  }
}

async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander already printed the message; help and version are not errors.
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof AppError) {
      process.stderr.write(`apexkeys: ${oneLine(e.message)}\n`);
      return e.code === 'BAD_INPUT' ? 2 : 1;
    }
    // An unexpected error's text might hold anything: say only that it happened.
    process.stderr.write(
      'apexkeys: unexpected internal error; nothing further was changed. Please report it.\n',
    );
    if (process.env.APEXKEYS_DEBUG === '1')
      process.stderr.write(`${String((e as Error)?.stack ?? e)}\n`);
    return 1;
  }
}

const code = await main(process.argv);
// The sandbox keeps running until interrupted; every other command ends here.
if (!sandboxState.serving) process.exit(code);
