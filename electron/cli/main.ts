// The apexkeys entry (bin/apexkeys.mjs imports the built copy): run one invocation, then exit
// with its code once stdout and stderr have handed every byte to the OS. process.exit() with
// output still queued (a pipe whose reader is slower than us, past its 64 KiB buffer) loses the
// rest. Exiting explicitly rather than letting the loop run dry matters: a keychain call that
// timed out keeps running in a native thread, and Node would wait for it (see core/vault.ts).
import { execute } from './execute.ts';
import { flushed } from './flush.ts';

const { code, keepAlive } = await execute(process.argv, process.env);
process.exitCode = code;
// The sandbox keeps running until interrupted; every other command ends here.
if (!keepAlive) {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
