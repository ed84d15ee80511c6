// apexkeys key verify: one key, or every live key (--all) paced to a share of each account's
// rate limit with progress on stderr. Exit 1 whenever a key did not verify ok.
import type { Command } from 'commander';
import { verifyAll, verifyKey } from '../../../core/key-verify.ts';
import { verifyJson, verifyLine } from '../../format.ts';
import { info, printJson } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliCore, CliSession } from '../../session.ts';

export interface VerifyOpts {
  account?: string;
  all?: boolean;
  rateShare?: number;
  concurrency?: number;
  json?: boolean;
}

async function verifyOne(session: CliSession, core: CliCore, label: string, o: VerifyOpts) {
  const r = await verifyKey(core, refOf(label, o.account));
  if (o.json) printJson(verifyJson(r, false));
  else process.stdout.write(`${verifyLine(r)}\n`);
  if (r.status !== 'ok') {
    // Exit 1 always comes with its one-line reason on stderr.
    process.stderr.write(`apexkeys: ${verifyLine(r)}\n`);
    session.exitCode = 1;
  }
}

async function verifyEvery(session: CliSession, core: CliCore, o: VerifyOpts) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const results = await verifyAll(core, {
    ...(o.account ? { account: o.account } : {}),
    ...(o.rateShare !== undefined ? { rateShare: o.rateShare } : {}),
    ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}),
    signal: controller.signal,
    onProgress: ({ done, total, last }) => info(`[${done}/${total}] ${verifyLine(last)}`),
    onSkip: ({ label: skipped, reason }) => info(`skipped ${skipped}: ${reason}`),
  });
  if (o.json) printJson(results.map((r) => verifyJson(r, true)));
  else {
    const ok = results.filter((r) => r.status === 'ok').length;
    process.stdout.write(`${ok} of ${results.length} keys verified ok\n`);
  }
  const failed = results.filter((r) => r.status !== 'ok').length;
  if (failed > 0) {
    process.stderr.write(`apexkeys: ${failed} of ${results.length} keys failed verification.\n`);
    session.exitCode = 1;
  }
}

export async function keyVerify(
  session: CliSession,
  label: string | undefined,
  o: VerifyOpts,
  cmd: Command,
): Promise<void> {
  if (Boolean(o.all) === (label !== undefined))
    cmd.error('error: give a LABEL or --all', { exitCode: 2 });
  const core = await session.openCore(cmd);
  if (label !== undefined) await verifyOne(session, core, label, o);
  else await verifyEvery(session, core, o);
}
