// App settings shared by the window and the CLI: rotation periods, clipboard delay, rate share,
// reminders, theme. Every field is checked on its own, so a form can show the refusal at the
// field it concerns, with the allowed range in words.
import { AppError } from '../../shared/errors.ts';
import { environmentProblem } from '../../shared/input-rules.ts';
import { settingsSchema, type Settings } from '../../shared/schemas.ts';
import {
  PRODUCTION,
  PRODUCTION_PERIOD_RULE,
  rangeProblem,
  rateShareProblem,
} from '../../shared/settings-rules.ts';
import type { CoreDeps } from './deps.ts';

export interface SettingsPatch {
  /** Share of the rate limit verify-all may use: above 0, at most 1. */
  rateShare?: number;
  clipboardClearSec?: number;
  /** Minutes a rotation warns after the old key's last use. */
  recentUseWindowMin?: number;
  /** Days ahead a key counts as due. */
  reminderDays?: number;
  reminders?: boolean;
  theme?: Settings['theme'];
  hideSandbox?: boolean;
  /** Per environment: days, or null for "never" (removes the period; refused for production). */
  rotationDays?: Record<string, number | null>;
}

function refuse(problem: string | null, field: string, rule = 'range'): void {
  if (problem) throw new AppError('BAD_INPUT', problem, { field, rule });
}

/** Throws for the first field out of its range; nothing is saved then. */
export function checkSettingsPatch(patch: SettingsPatch): void {
  for (const key of ['clipboardClearSec', 'recentUseWindowMin', 'reminderDays'] as const) {
    const value = patch[key];
    if (value !== undefined) refuse(rangeProblem(key, value), key);
  }
  if (patch.rateShare !== undefined) refuse(rateShareProblem(patch.rateShare), 'rateShare');
  for (const [env, days] of Object.entries(patch.rotationDays ?? {})) {
    const field = `rotationDays.${env}`;
    refuse(environmentProblem(env), field, 'environment');
    if (days === null) {
      if (env === PRODUCTION) refuse(PRODUCTION_PERIOD_RULE, field, 'production-needs-period');
    } else refuse(rangeProblem('rotationDays', days), field);
  }
}

export async function getSettings(deps: Pick<CoreDeps, 'store'>): Promise<Settings> {
  return (await deps.store.read()).settings;
}

export async function updateSettings(
  deps: Pick<CoreDeps, 'store'>,
  patch: SettingsPatch,
): Promise<Settings> {
  checkSettingsPatch(patch);
  return deps.store.update((data) => {
    const next: Settings = structuredClone(data.settings);
    if (patch.rateShare !== undefined) next.rateShare = patch.rateShare;
    if (patch.clipboardClearSec !== undefined) next.clipboardClearSec = patch.clipboardClearSec;
    if (patch.recentUseWindowMin !== undefined) next.recentUseWindowMin = patch.recentUseWindowMin;
    if (patch.reminderDays !== undefined) next.reminderDays = patch.reminderDays;
    if (patch.reminders !== undefined) next.reminders = patch.reminders;
    if (patch.theme !== undefined) next.theme = patch.theme;
    if (patch.hideSandbox !== undefined) next.hideSandbox = patch.hideSandbox;
    // A Map, not assignment into the object: user-given names never reach a prototype.
    const periods = new Map(Object.entries(next.rotationDays));
    for (const [env, days] of Object.entries(patch.rotationDays ?? {})) {
      if (days === null) periods.delete(env);
      else periods.set(env, days);
    }
    next.rotationDays = Object.fromEntries(periods);
    const checked = settingsSchema.safeParse(next);
    // Unreachable after checkSettingsPatch unless the schema grows a rule; said plainly anyway.
    if (!checked.success)
      throw new AppError(
        'BAD_INPUT',
        'Settings not saved: a value is outside its allowed range. Check each field and try again.',
      );
    data.settings = checked.data;
    return checked.data;
  });
}
