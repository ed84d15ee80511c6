// The apexkeys entry (bin/apexkeys.mjs imports it): run one invocation and exit with its code.
import { execute } from './execute.ts';

const { code, keepAlive } = await execute(process.argv, process.env);
// The sandbox keeps running until interrupted; every other command ends here.
if (!keepAlive) process.exit(code);
