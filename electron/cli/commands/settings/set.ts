// apexkeys settings set: change one or more settings; prints the result as JSON.
import type { Command } from 'commander';
import { updateSettings } from '../../../core/settings.ts';
import { printJson } from '../../io.ts';
import type { CliSession } from '../../session.ts';

export interface SetOpts {
  rateShare?: number;
  clipboardClearSec?: number;
  recentUseMin?: number;
  reminderDays?: number;
  reminders?: boolean;
  theme?: 'system' | 'light' | 'dark';
  hideSandbox?: boolean;
  rotationDays?: Record<string, number | null>;
}

export async function settingsSet(session: CliSession, o: SetOpts, cmd: Command): Promise<void> {
  if (Object.values(o).every((v) => v === undefined))
    cmd.error('error: nothing to change; see --help', { exitCode: 2 });
  const { recentUseMin, ...rest } = o;
  const s = await updateSettings(await session.openCore(cmd), {
    ...rest,
    ...(recentUseMin !== undefined ? { recentUseWindowMin: recentUseMin } : {}),
  });
  printJson(s);
}
