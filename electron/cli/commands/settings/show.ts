// apexkeys settings [show]: the settings the window shares, for humans or as JSON.
import type { Command } from 'commander';
import { getSettings } from '../../../core/settings.ts';
import { printJson } from '../../io.ts';
import type { CliSession } from '../../session.ts';

export async function settingsShow(
  session: CliSession,
  o: { json?: boolean },
  cmd: Command,
): Promise<void> {
  const s = await getSettings(await session.openCore(cmd));
  if (o.json) return printJson(s);
  const periods =
    Object.entries(s.rotationDays)
      .map(([env, d]) => `${env}=${d}`)
      .join(', ') || 'none';
  process.stdout.write(
    `rate share (verify --all): ${s.rateShare}\nclipboard clear delay: ${s.clipboardClearSec} s\nrotation periods (days): ${periods}\nrotation recent-use warning: ${s.recentUseWindowMin} min\nreminders: ${s.reminders ? 'on' : 'off'}, for keys due within ${s.reminderDays} days\ntheme: ${s.theme}\nhide the built-in sandbox account: ${s.hideSandbox ? 'on' : 'off'}\n`,
  );
}
