// apexkeys settings set: change one or more settings; prints the result as JSON.
import { type Command, InvalidArgumentError } from 'commander';
import { updateSettings } from '../../../core/settings.ts';
import { printJson } from '../../io.ts';
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

interface SetOpts {
  rateShare?: number;
  clipboardClearSec?: number;
  recentUseMin?: number;
  rotationDays?: Record<string, number | null>;
}

export function registerSettingsSet(settings: Command, session: CliSession): void {
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
    .action(async (o: SetOpts, cmd: Command) => {
      if (
        o.rateShare === undefined &&
        o.clipboardClearSec === undefined &&
        o.recentUseMin === undefined &&
        o.rotationDays === undefined
      )
        cmd.error('error: nothing to change; see --help', { exitCode: 2 });
      const { recentUseMin, ...rest } = o;
      const s = await updateSettings(await session.openCore(cmd), {
        ...rest,
        ...(recentUseMin !== undefined ? { recentUseWindowMin: recentUseMin } : {}),
      });
      printJson(s);
    });
}
