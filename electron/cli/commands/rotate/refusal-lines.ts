// A refusal that lists files (finish while a location still holds the old key, an abort that
// cannot restore one): the CLI prints its one error line, then one line per file, and exits 1.
// Other errors go on to the CLI's one-line printer unchanged.
import { isAppError } from '../../../../shared/errors.ts';
import { info, printError } from '../../io.ts';
import { errorLine } from '../../next-step.ts';
import type { CliSession } from '../../session.ts';

const LISTING_RULES = new Set(['old-key-still-deployed', 'locations-not-restored']);

/** `run`'s result, or null when it was refused with a file list (already printed). */
export async function withFileLines<T>(
  session: CliSession,
  run: () => Promise<T>,
): Promise<T | null> {
  try {
    return await run();
  } catch (e) {
    if (!isAppError(e, 'REFUSED') || !LISTING_RULES.has(e.rule ?? '')) throw e;
    const [head = '', ...files] = e.message.split('\n');
    printError(errorLine({ code: e.code, rule: e.rule, message: head }));
    for (const f of files) info(f);
    session.exitCode = 1;
    return null;
  }
}
