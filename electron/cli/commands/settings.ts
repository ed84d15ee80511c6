import { type Command, InvalidArgumentError } from 'commander';
import { getSettings, updateSettings } from '../../core/settings.ts';
import { openCore } from '../context.ts';
import { printJson } from '../io.ts';
import { parseShare, parseWholeNumber } from '../parse.ts';

function parseRotation(
  v: string,
  previous: Record<string, number | null> = {},
): Record<string, number | null> {
  const m = /^([^=]+)=(\d+|none)$/.exec(v);
  if (!m) throw new InvalidArgumentError('ENV=DAYS or ENV=none, e.g. production=90');
  const days = m[2] === 'none' ? null : parseWholeNumber(1, 3650)(m[2] as string);
  return { ...previous, [m[1] as string]: days };
}

export function registerSettings(program: Command): void {
  const settings = program
    .command('settings')
    .description('show or change the app settings (shared with the desktop app)');

  settings
    .command('show', { isDefault: true })
    .description('print the settings')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const s = await getSettings(await openCore(cmd.optsWithGlobals()));
      if (o.json) return printJson(s);
      const periods =
        Object.entries(s.rotationDays)
          .map(([env, d]) => `${env}=${d}`)
          .join(', ') || 'none';
      process.stdout.write(
        `rate share (verify --all): ${s.rateShare}\nclipboard clear delay: ${s.clipboardClearSec} s\nrotation periods (days): ${periods}\nrotation recent-use warning: ${s.recentUseWindowMin} min\n`,
      );
    });

  settings
    .command('set')
    .description('change settings')
    .option(
      '--rate-share <fraction>',
      "share of each account's rate limit verify --all may use",
      parseShare,
    )
    .option(
      '--clipboard-clear-sec <n>',
      'seconds before a copied key is cleared',
      parseWholeNumber(1, 3600),
    )
    .option(
      '--recent-use-min <n>',
      "minutes a rotation warns after the old key's last use",
      parseWholeNumber(1, 1440),
    )
    .option(
      '--rotation-days <env=days>',
      'rotation period per environment (repeatable; ENV=none removes it)',
      parseRotation,
    )
    .action(
      async (
        o: {
          rateShare?: number;
          clipboardClearSec?: number;
          recentUseMin?: number;
          rotationDays?: Record<string, number | null>;
        },
        cmd: Command,
      ) => {
        if (
          o.rateShare === undefined &&
          o.clipboardClearSec === undefined &&
          o.recentUseMin === undefined &&
          o.rotationDays === undefined
        )
          cmd.error('error: nothing to change; see --help', { exitCode: 2 });
        const { recentUseMin, ...rest } = o;
        const s = await updateSettings(await openCore(cmd.optsWithGlobals()), {
          ...rest,
          ...(recentUseMin !== undefined ? { recentUseWindowMin: recentUseMin } : {}),
        });
        printJson(s);
      },
    );
}
