// apexkeys settings: show (the default) or set the settings shared with the desktop app. Each
// action lives in its own module, imported only when that command runs (see lazy-action.ts).
import { type Command, InvalidArgumentError } from 'commander';
import { lazyAction } from '../../lazy-action.ts';
import { parseShare, parseWholeNumber } from '../../parse.ts';
import type { CliSession } from '../../session.ts';
import { SETTINGS_RANGES, type RangedSetting } from '../../../../shared/settings-rules.ts';

// The core's ranges, so a bad value is a usage error here before any store is opened.
const whole = (setting: RangedSetting) =>
  parseWholeNumber(SETTINGS_RANGES[setting].min, SETTINGS_RANGES[setting].max);

/** --rotation-days ENV=DAYS|ENV=none, repeatable: each adds to what the earlier ones gave. */
function parseRotation(
  v: string,
  previous: Record<string, number | null> = {},
): Record<string, number | null> {
  const m = /^([^=]+)=(\d+|none|never)$/.exec(v);
  if (!m) throw new InvalidArgumentError('ENV=DAYS or ENV=never, e.g. production=90');
  const days = m[2] === 'none' || m[2] === 'never' ? null : whole('rotationDays')(m[2] as string);
  return { ...previous, [m[1] as string]: days };
}

function parseOnOff(v: string): boolean {
  if (v === 'on' || v === 'true') return true;
  if (v === 'off' || v === 'false') return false;
  throw new InvalidArgumentError('on or off');
}

const THEMES = ['system', 'light', 'dark'] as const;
function parseTheme(v: string): (typeof THEMES)[number] {
  const t = THEMES.find((x) => x === v);
  if (!t) throw new InvalidArgumentError('system, light or dark');
  return t;
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
      whole('clipboardClearSec'),
    )
    .option(
      '--recent-use-min <n>',
      "minutes a rotation warns after the old key's last use",
      whole('recentUseWindowMin'),
    )
    .option(
      '--reminder-days <n>',
      'days ahead a key due for rotation counts as due',
      whole('reminderDays'),
    )
    .option('--reminders <on|off>', 'show reminders about keys due for rotation', parseOnOff)
    .option('--theme <theme>', "the window's theme: system, light or dark", parseTheme)
    .option('--hide-sandbox <on|off>', 'hide the built-in sandbox account', parseOnOff)
    .option(
      '--rotation-days <env=days>',
      'rotation period per environment (repeatable; ENV=never removes it, refused for production)',
      parseRotation,
    )
    .action(lazyAction(session, async () => (await import('./set.ts')).settingsSet));
}
