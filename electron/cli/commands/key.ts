import { type Command, Option } from 'commander';
import { AppError, isAppError } from '../../../shared/errors.ts';
import { DEFAULT_ENV_VAR } from '../../core/env-file.ts';
import { revealKey, writeKeyToEnv } from '../../core/key-handout.ts';
import { revokeKey, setKeyEnabled } from '../../core/key-lifecycle.ts';
import type { KeyRef } from '../../core/key-records.ts';
import { verifyAll, verifyKey } from '../../core/key-verify.ts';
import { revealPending } from '../../core/rotation/index.ts';
import {
  generateKey,
  importKey,
  listKeys,
  updateKeyMeta,
  type MetaPatch,
} from '../../core/keys.ts';
import { openCore } from '../context.ts';
import { keyJson, shortDate, verifyJson, verifyLine } from '../format.ts';
import { info, printJson, printTable, readSecret, warn } from '../io.ts';
import { parseShare, parseWholeNumber } from '../parse.ts';

const accountOption = () =>
  new Option('--account <name>', 'the account, where a label exists in several');

function ref(label: string, account?: string): KeyRef {
  return account === undefined ? { label } : { label, account };
}

interface MetaOpts {
  account: string;
  label: string;
  env: string;
  service?: string;
  owner?: string;
  notes?: string;
  json?: boolean;
}

function metaOf(o: MetaOpts) {
  return {
    account: o.account,
    label: o.label,
    environment: o.env,
    ...(o.service !== undefined ? { service: o.service } : {}),
    ...(o.owner !== undefined ? { owner: o.owner } : {}),
    ...(o.notes !== undefined ? { notes: o.notes } : {}),
  };
}

function withMeta(cmd: Command): Command {
  return cmd
    .requiredOption('--account <name>', 'the account the key belongs to')
    .requiredOption('--label <label>', 'label, e.g. production-api')
    .requiredOption('--env <environment>', 'production, staging, development or a custom word')
    .option('--service <name>', 'the service that uses the key')
    .option('--owner <name>', 'who owns the key')
    .option('--notes <text>', 'free notes');
}

export function registerKey(program: Command): void {
  const key = program
    .command('key')
    .description('API keys: secrets in the OS keychain, metadata in the local store');

  withMeta(
    key
      .command('import')
      .description('store a key the dashboard showed; the secret is read from stdin'),
  )
    .option('--no-verify', 'store without checking the key against the server (offline)')
    .option('--json', 'print the record as JSON')
    .action(async (o: MetaOpts & { verify: boolean }, cmd: Command) => {
      const core = await openCore(cmd.optsWithGlobals());
      const secret = await readSecret('the API key');
      const view = await importKey(core, { ...metaOf(o), secret, verify: o.verify }).catch(
        (e: unknown) => {
          // Offline is a normal state for this app: say how to store the key anyway.
          if (isAppError(e) && (e.code === 'NETWORK' || e.code === 'TIMEOUT'))
            throw new AppError(
              e.code,
              `${e.message} To store the key without checking it, add --no-verify.`,
            );
          throw e;
        },
      );
      if (o.json) printJson(keyJson(view));
      else
        info(
          `Stored "${view.label}" (${view.hint}, fingerprint ${view.fingerprint}) in the keychain.`,
        );
    });

  withMeta(
    key.command('generate').description('create a new key on the server (API mode) and store it'),
  )
    .option('--json', 'print the record as JSON')
    .action(async (o: MetaOpts, cmd: Command) => {
      const core = await openCore(cmd.optsWithGlobals());
      const view = await generateKey(core, metaOf(o));
      if (o.json) printJson(keyJson(view));
      else
        info(
          `Generated "${view.label}" (${view.hint}, fingerprint ${view.fingerprint}); the secret is in the keychain. "apexkeys key get ${view.label}" prints it.`,
        );
    });

  key
    .command('list')
    .description('list live keys')
    .addOption(accountOption())
    .option('--all', 'include revoked keys')
    .option('--json', 'print JSON')
    .action(async (o: { account?: string; all?: boolean; json?: boolean }, cmd: Command) => {
      const core = await openCore(cmd.optsWithGlobals());
      const keys = await listKeys(core, {
        ...(o.account ? { account: o.account } : {}),
        includeRevoked: o.all === true,
      });
      if (o.json) return printJson(keys.map(keyJson));
      printTable(
        [
          'LABEL',
          'ENV',
          'STATUS',
          'ACCOUNT',
          'CREATED',
          'LAST USED',
          'ROTATION DUE',
          'FINGERPRINT',
        ],
        keys.map((k) => [
          k.label,
          k.environment,
          k.status,
          k.account,
          shortDate(k.createdAt),
          shortDate(k.lastUsedAt),
          shortDate(k.rotationDueAt),
          k.fingerprint,
        ]),
      );
    });

  key
    .command('update')
    .description(
      "change a key's local metadata (environment, service, owner, notes, rotation period)",
    )
    .argument('<label>')
    .addOption(accountOption())
    .option('--env <environment>', 'new environment')
    .option('--service <name>', 'the service that uses the key')
    .option('--owner <name>', 'who owns the key')
    .option('--notes <text>', 'free notes')
    .option(
      '--rotation-days <days|default>',
      'rotation period in days, or "default" for the environment\'s',
      (v) => (v === 'default' ? ('default' as const) : parseWholeNumber(1, 3650)(v)),
    )
    .option('--json', 'print the record as JSON')
    .action(
      async (
        label: string,
        o: {
          account?: string;
          env?: string;
          service?: string;
          owner?: string;
          notes?: string;
          rotationDays?: number | 'default';
          json?: boolean;
        },
        cmd: Command,
      ) => {
        const patch: MetaPatch = {
          ...(o.env !== undefined ? { environment: o.env } : {}),
          ...(o.service !== undefined ? { service: o.service } : {}),
          ...(o.owner !== undefined ? { owner: o.owner } : {}),
          ...(o.notes !== undefined ? { notes: o.notes } : {}),
          // commander turns a parser's null into '', hence the 'default' marker.
          ...(o.rotationDays !== undefined
            ? { rotationPeriodDays: o.rotationDays === 'default' ? null : o.rotationDays }
            : {}),
        };
        if (Object.keys(patch).length === 0)
          cmd.error('error: nothing to change; see --help', { exitCode: 2 });
        const view = await updateKeyMeta(
          await openCore(cmd.optsWithGlobals()),
          ref(label, o.account),
          patch,
        );
        if (o.json) printJson(keyJson(view));
        else info(`Updated "${view.label}".`);
      },
    );

  key
    .command('verify')
    .description('check a key (or every live key with --all) against the credits endpoint')
    .argument('[label]', 'the key to verify')
    .addOption(accountOption())
    .option('--all', "verify every live key, paced to a share of each account's rate limit")
    .option(
      '--rate-share <fraction>',
      'share of the rate limit --all may use (default: setting, 0.5)',
      parseShare,
    )
    .option('--concurrency <n>', 'parallel checks for --all', parseWholeNumber(1, 32))
    .option('--json', 'print JSON')
    .action(
      async (
        label: string | undefined,
        o: {
          account?: string;
          all?: boolean;
          rateShare?: number;
          concurrency?: number;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        if (Boolean(o.all) === (label !== undefined))
          cmd.error('error: give a LABEL or --all', { exitCode: 2 });
        const core = await openCore(cmd.optsWithGlobals());
        if (!o.all) {
          const r = await verifyKey(core, ref(label as string, o.account));
          if (o.json) printJson(verifyJson(r, false));
          else process.stdout.write(`${verifyLine(r)}\n`);
          if (r.status !== 'ok') {
            // Exit 1 always comes with its one-line reason on stderr.
            process.stderr.write(`apexkeys: ${verifyLine(r)}\n`);
            process.exitCode = 1;
          }
          return;
        }
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
          process.stderr.write(
            `apexkeys: ${failed} of ${results.length} keys failed verification.\n`,
          );
          process.exitCode = 1;
        }
      },
    );

  key
    .command('get')
    .description('print the secret and a newline (recorded in the audit trail)')
    .argument('<label>')
    .addOption(accountOption())
    .option('--pending', "the new key of LABEL's open rotation")
    .action(async (label: string, o: { account?: string; pending?: boolean }, cmd: Command) => {
      const core = await openCore(cmd.optsWithGlobals());
      const secret = o.pending
        ? await revealPending(core, ref(label, o.account), 'cli-get')
        : await revealKey(core, ref(label, o.account), 'cli-get');
      process.stdout.write(`${secret}\n`);
    });

  key
    .command('env')
    .description(
      "write the key into a .env file (only its variable's line changes; a backup is kept)",
    )
    .argument('<label>')
    .requiredOption('--file <path>', 'the .env file')
    .option('--var <name>', 'variable name', DEFAULT_ENV_VAR)
    .addOption(accountOption())
    .action(
      async (label: string, o: { file: string; var: string; account?: string }, cmd: Command) => {
        const core = await openCore(cmd.optsWithGlobals());
        const r = await writeKeyToEnv(core, ref(label, o.account), o.file, o.var);
        info(
          `${r.created ? 'Created' : 'Updated'} ${r.path} (${o.var})${r.backup ? `; previous file kept as ${r.backup}` : ''}.`,
        );
        if (r.gitTracked)
          warn(
            `${r.path} is tracked by git: the key will be committed unless you remove the file from git and ignore it.`,
          );
        if (r.readableByOthers !== null)
          warn(
            `${r.path} is readable by other users (mode ${r.readableByOthers.toString(8)}); run chmod 600 on it unless a service needs that.`,
          );
      },
    );

  for (const enabled of [false, true]) {
    key
      .command(enabled ? 'enable' : 'disable')
      .description(
        enabled
          ? 'enable a disabled key (API mode)'
          : 'disable a key: it gets 401 until enabled again (API mode)',
      )
      .argument('<label>')
      .addOption(accountOption())
      .action(async (label: string, o: { account?: string }, cmd: Command) => {
        const core = await openCore(cmd.optsWithGlobals());
        const view = await setKeyEnabled(core, ref(label, o.account), enabled);
        info(`"${view.label}" is now ${view.status}.`);
      });
  }

  key
    .command('revoke')
    .description(
      'revoke a key (immediate and irreversible), prove it answers 401, delete its secret',
    )
    .argument('<label>')
    .requiredOption('--confirm <label>', 'the label again, typed exactly')
    .addOption(accountOption())
    .action(async (label: string, o: { confirm: string; account?: string }, cmd: Command) => {
      const core = await openCore(cmd.optsWithGlobals());
      const r = await revokeKey(core, ref(label, o.account), o.confirm);
      if (r.secretRemoved)
        info(
          `Revoked "${r.key.label}": it answered 401 at ${r.proof.checkedAt}; its secret was removed from the keychain.`,
        );
      else {
        info(`Revoked "${r.key.label}": it answered 401 at ${r.proof.checkedAt}.`);
        warn(
          'the keychain refused to delete its (now useless) secret; unlock the keychain and remove it, or leave it.',
        );
      }
    });
}
