// App settings shared by the window and the CLI: rotation periods, clipboard delay, rate share.
import { AppError } from '../../shared/errors.ts';
import { environmentProblem } from '../../shared/input-rules.ts';
import { settingsSchema, type Settings } from '../../shared/schemas.ts';
import type { CoreDeps } from './deps.ts';

export interface SettingsPatch {
  rateShare?: number;
  clipboardClearSec?: number;
  /** Minutes a rotation warns after the old key's last use. */
  recentUseWindowMin?: number;
  /** Per environment: days, or null to remove the environment's period. */
  rotationDays?: Record<string, number | null>;
}

export async function getSettings(deps: Pick<CoreDeps, 'store'>): Promise<Settings> {
  return (await deps.store.read()).settings;
}

export async function updateSettings(
  deps: Pick<CoreDeps, 'store'>,
  patch: SettingsPatch,
): Promise<Settings> {
  for (const env of Object.keys(patch.rotationDays ?? {})) {
    const p = environmentProblem(env);
    if (p) throw new AppError('BAD_INPUT', p);
  }
  return deps.store.update((data) => {
    const next: Settings = structuredClone(data.settings);
    if (patch.rateShare !== undefined) next.rateShare = patch.rateShare;
    if (patch.clipboardClearSec !== undefined) next.clipboardClearSec = patch.clipboardClearSec;
    if (patch.recentUseWindowMin !== undefined) next.recentUseWindowMin = patch.recentUseWindowMin;
    // A Map, not assignment into the object: user-given names never reach a prototype.
    const periods = new Map(Object.entries(next.rotationDays));
    for (const [env, days] of Object.entries(patch.rotationDays ?? {})) {
      if (days === null) periods.delete(env);
      else periods.set(env, days);
    }
    next.rotationDays = Object.fromEntries(periods);
    const checked = settingsSchema.safeParse(next);
    if (!checked.success)
      throw new AppError(
        'BAD_INPUT',
        'Settings not saved: the rate share is a number above 0 and at most 1, the clipboard delay and rotation periods are whole positive numbers.',
      );
    data.settings = checked.data;
    return checked.data;
  });
}
