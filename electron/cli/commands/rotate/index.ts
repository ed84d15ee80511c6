// apexkeys rotate: the four-step rotation over the core's state machine. A refusal is an
// AppError (REFUSED) whose one line names the step; a step that ran but could not be confirmed
// (a failed check, a recently used old key, a revocation still awaited) exits 1 with its reason.
// Each action lives in its own module, imported only when that command runs (lazy-action.ts).
import { type Command, Option } from 'commander';
import { accountOption } from '../../key-ref.ts';
import { lazyAction } from '../../lazy-action.ts';
import type { CliSession } from '../../session.ts';

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function registerRotate(program: Command, session: CliSession): void {
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
    .action(lazyAction(session, async () => (await import('./start.ts')).rotateStart));
  rotate
    .command('status')
    .description('the step, both keys (no secrets) and the evidence so far')
    .argument('<label>')
    .addOption(accountOption())
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./status.ts')).rotateStatus));
  rotate
    .command('deployed')
    .description("confirm the new key is deployed; --env-file replaces the old key's value first")
    .argument('<label>')
    .addOption(accountOption())
    .option('--env-file <path...>', '.env files where the old key is replaced by the new one')
    .option('--all-locations', 'also replace it in every known location of the old key')
    .option(
      '--to <recipient>',
      "a key held by a teammate: the holder's age recipient (age1…); repeatable",
      collect,
    )
    .option('--file <path>', 'with --to: the new share file the new key is written into')
    .action(lazyAction(session, async () => (await import('./deployed.ts')).rotateDeployed));
  rotate
    .command('verify')
    .description('verify the new key (200) and confirm the step; API mode shows both last uses')
    .argument('<label>')
    .addOption(accountOption())
    .option('--json', 'print JSON')
    .option('--accept-recent-use', 'the second confirmation when the old key was used recently')
    .action(lazyAction(session, async () => (await import('./verify.ts')).rotateVerify));
  rotate
    .command('finish')
    .description('revoke the old key (immediate and irreversible) and prove it answers 401')
    .argument('<label>')
    .requiredOption('--confirm <label>', "the old key's label, typed exactly")
    .option('--ignore-locations', 'revoke although a known location still holds the old key')
    .addOption(accountOption())
    .action(lazyAction(session, async () => (await import('./finish.ts')).rotateFinish));
  rotate
    .command('abort')
    .description('abort before revocation began: revoke the new key (default) or keep it')
    .argument('<label>')
    .addOption(accountOption())
    .addOption(new Option('--revoke-new', 'revoke the new key').conflicts('keepNew'))
    .addOption(new Option('--keep-new', 'keep the new key as a key of its own'))
    .option(
      '--revoke-unrestored',
      'with --revoke-new: revoke even if a changed file cannot get the old key back',
    )
    .action(lazyAction(session, async () => (await import('./abort.ts')).rotateAbort));
}
