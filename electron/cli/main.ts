// The apexkeys entry (bin/apexkeys.mjs imports the built copy): run one invocation and set its
// exit code, then let the process end by itself. Exiting at once would drop output still queued
// for a pipe whose reader is slower than us (past its 64 KiB buffer); ending naturally delivers
// every byte first. The sandbox keeps its server open until interrupted.
import { execute } from './execute.ts';

const { code } = await execute(process.argv, process.env);
process.exitCode = code;
