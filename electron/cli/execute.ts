// One apexkeys invocation, from argv to an exit code. Exit codes: 0 success; 1 the operation
// failed (one line on stderr, with the CLI's next step); 2 bad usage or malformed input.
import { CommanderError } from 'commander';
import { AppError } from '../../shared/errors.ts';
import { printError } from './io.ts';
import { errorLine } from './next-step.ts';
import { buildProgram } from './program.ts';
import { createSession, type CliSession } from './session.ts';

export interface Outcome {
  code: number;
}

export async function execute(argv: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  const session = createSession(env);
  try {
    const code = await run(argv, session);
    return { code };
  } finally {
    session.flushNotices();
  }
}

async function run(argv: string[], session: CliSession): Promise<number> {
  try {
    await buildProgram(session).parseAsync(argv);
    return session.exitCode;
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
      printError(errorLine(e));
      return e.code === 'BAD_INPUT' ? 2 : 1;
    }
    // An unexpected error's text might hold anything: say only that it happened.
    process.stderr.write(
      'apexkeys: unexpected internal error; nothing further was changed. Please report it.\n',
    );
    if (session.debug()) process.stderr.write(`${String((e as Error)?.stack ?? e)}\n`);
    return 1;
  }
}
