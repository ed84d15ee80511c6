// apexkeys rotate: the four-step rotation over the core's state machine. A refusal is an
// AppError (REFUSED) whose one line names the step; a step that ran but could not be confirmed
// (a failed check, a recently used old key, a revocation still awaited) exits 1 with its reason.
import { type Command, Option } from 'commander';
import { AppError } from '../../../shared/errors.ts';
import { describeStep } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import type { KeyRef } from '../../core/key-records.ts';
import {
  abortRotation,
  confirmDeployed,
  finishRotation,
  getRotation,
  pastedKeyNeeded,
  startRotation,
  verifyNewKey,
} from '../../core/rotation/index.ts';
import { openCore } from '../context.ts';
import { info, printJson, readSecret, warn } from '../io.ts';
import { nextCommand, rotationLines } from '../rotate-format.ts';

const accountOption = () =>
  new Option('--account <name>', 'the account, where a label exists in several');

const refOf = (label: string, account?: string): KeyRef =>
  account === undefined ? { label } : { label, account };

/** Exit 1 with one line when the run did not reach `expected`. */
function settleAt(v: RotationView, expected: RotationView['step'], label: string): void {
  if (v.step === expected) {
    const next = nextCommand(v, label);
    if (next) info(`Now at ${describeStep(v.step)}. Next: ${next}`);
    return;
  }
  const why = v.notice ?? 'the step could not be confirmed';
  process.stderr.write(`apexkeys: Not confirmed, still at ${describeStep(v.step)}: ${why}\n`);
  process.exitCode = 1;
}

export function registerRotate(program: Command): void {
  const rotate = program
    .command('rotate')
    .description('rotate a key in four confirmed steps: generate, deploy, verify, revoke');

  rotate
    .command('start')
    .description(
      'start (or resume) a rotation; API mode generates, dashboard mode reads the new key on stdin',
    )
    .argument('<label>', 'the key to rotate')
    .addOption(accountOption())
    .action(async (label: string, o: { account?: string }, cmd: Command) => {
      const core = await openCore(cmd.optsWithGlobals());
      const ref = refOf(label, o.account);
      const pasted = (await pastedKeyNeeded(core, ref))
        ? await readSecret('the new key the dashboard showed')
        : '';
      const v = await startRotation(core, ref, pasted ? { newSecret: pasted } : {});
      if (v.newKey)
        info(
          `Rotation ${v.runId}: the new key "${v.newKey.label}" (${v.newKey.hint}, fingerprint ${v.newKey.fingerprint}) is in the keychain, status ${v.newKey.status}.`,
        );
      settleAt(v, 'deploy', label);
    });

  rotate
    .command('status')
    .description('the step, both keys (no secrets) and the evidence so far')
    .argument('<label>')
    .addOption(accountOption())
    .option('--json', 'print JSON')
    .action(async (label: string, o: { account?: string; json?: boolean }, cmd: Command) => {
      const core = await openCore(cmd.optsWithGlobals());
      const v = await getRotation(core, refOf(label, o.account));
      if (!v)
        throw new AppError(
          'REFUSED',
          `"${label}" has never been rotated; start with "apexkeys rotate start ${label}".`,
        );
      if (o.json) return printJson(v);
      process.stdout.write(`${rotationLines(v).join('\n')}\n`);
      const next = nextCommand(v, label);
      if (next) process.stdout.write(`  next: ${next}\n`);
    });

  rotate
    .command('deployed')
    .description("confirm the new key is deployed; --env-file replaces the old key's value first")
    .argument('<label>')
    .addOption(accountOption())
    .option('--env-file <path...>', '.env files where the old key is replaced by the new one')
    .action(async (label: string, o: { account?: string; envFile?: string[] }, cmd: Command) => {
      const core = await openCore(cmd.optsWithGlobals());
      const v = await confirmDeployed(core, refOf(label, o.account), {
        envFiles: o.envFile ?? [],
      });
      for (const f of v.evidence.deploy?.envFiles ?? []) {
        if (f.changed)
          info(`Updated ${f.path} (${f.variables.join(', ')}); previous file kept as ${f.backup}.`);
        else info(`${f.path} does not hold the old key; left untouched.`);
        if (f.gitTracked)
          warn(`${f.path} is tracked by git: the key will be committed unless you untrack it.`);
      }
      settleAt(v, 'verify', label);
    });

  rotate
    .command('verify')
    .description('verify the new key (200) and confirm the step; API mode shows both last uses')
    .argument('<label>')
    .addOption(accountOption())
    .option('--json', 'print JSON')
    .option('--accept-recent-use', 'the second confirmation when the old key was used recently')
    .action(
      async (
        label: string,
        o: { account?: string; json?: boolean; acceptRecentUse?: boolean },
        cmd: Command,
      ) => {
        const core = await openCore(cmd.optsWithGlobals());
        const v = await verifyNewKey(core, refOf(label, o.account), {
          acceptRecentUse: o.acceptRecentUse === true,
        });
        if (o.json) printJson(v);
        else process.stdout.write(`${rotationLines(v).join('\n')}\n`);
        if (v.evidence.verify?.recentUse && v.step === 'verify')
          v.notice = `${v.notice} Run again with --accept-recent-use to confirm anyway.`;
        settleAt(v, 'revoke', label);
      },
    );

  rotate
    .command('finish')
    .description('revoke the old key (immediate and irreversible) and prove it answers 401')
    .argument('<label>')
    .requiredOption('--confirm <label>', "the old key's label, typed exactly")
    .addOption(accountOption())
    .action(async (label: string, o: { confirm: string; account?: string }, cmd: Command) => {
      const core = await openCore(cmd.optsWithGlobals());
      const v = await finishRotation(core, refOf(label, o.account), { confirmLabel: o.confirm });
      if (v.step === 'done')
        info(
          `Revoked the old key: it answered 401 at ${v.evidence.revoke?.proof?.checkedAt}. "${v.newKey?.label}" now names the new key (${v.newKey?.hint}).`,
        );
      settleAt(v, 'done', label);
    });

  rotate
    .command('abort')
    .description('abort before revocation began: revoke the new key (default) or keep it')
    .argument('<label>')
    .addOption(accountOption())
    .addOption(new Option('--revoke-new', 'revoke the new key').conflicts('keepNew'))
    .addOption(new Option('--keep-new', 'keep the new key as a key of its own'))
    .action(
      async (
        label: string,
        o: { account?: string; revokeNew?: boolean; keepNew?: boolean },
        cmd: Command,
      ) => {
        const core = await openCore(cmd.optsWithGlobals());
        const ref = refOf(label, o.account);
        const now = await getRotation(core, ref);
        // A deployed new key may already carry traffic: revoking it is a choice to make, not a default.
        if (now?.open && !o.revokeNew && !o.keepNew && now.evidence.deploy)
          throw new AppError(
            'REFUSED',
            `Refused at ${describeStep(now.step)} of rotation ${now.runId}: the new key was deployed and may carry traffic; choose --revoke-new or --keep-new.`,
          );
        const viaApi = now?.mode === 'api' && (now.newKey === null || now.newKey.remoteId !== null);
        const choice = o.keepNew ? 'keep-new' : viaApi ? 'revoke-new' : 'dashboard';
        const v = await abortRotation(core, ref, { choice });
        const kept = v.evidence.abort?.keptLabel;
        if (choice === 'revoke-new') info('Aborted; the new key was revoked.');
        else if (kept) info(`Aborted; the new key is kept as "${kept}".`);
        else info('Aborted.');
        if (v.notice) warn(v.notice);
        settleAt(v, 'aborted', label);
      },
    );
}
