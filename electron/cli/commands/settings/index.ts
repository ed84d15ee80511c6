// apexkeys settings: show (the default) or set the settings shared with the desktop app. Each
// action lives in its own module, imported only when that command runs (see lazy-action.ts).
import { type Command, InvalidArgumentError } from 'commander';
import { lazyAction } from '../../lazy-action.ts';
import { parseShare, parseWholeNumber } from '../../parse.ts';
import type { CliSession } from '../../session.ts';

/** --rotation-days ENV=DAYS|ENV=none, repeatable: each adds to what the earlier ones gave. */
function parseRotation(
  v: string,
  previous: Record<string, number | null> = {},
): Record<string, number | null> {
  const m = /^([^=]+)=(\d+|none)$/.exec(v);
  if (!m) throw new InvalidArgumentError('ENV=DAYS or ENV=none, e.g. production=90');
  const days = m[2] === 'none' ? null : parseWholeNumber(1, 3650)(m[2] as string);
  return { ...previous, [m[1] as string]: days };
}

export function registerSettings(program: Command, session: CliSession): void {
  const settings = program
    .command('settings')
    .description('show or change the app settings (shared with the desktop app)');
  settings
    .command('show', { isDefault: true })
    .description('print the settings')
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./show.ts')).settingsShow));
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
    .action(lazyAction(session, async () => (await import('./set.ts')).settingsSet));
}
