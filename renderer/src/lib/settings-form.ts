// The Settings form's values (as typed) and how they become a save: each field checked with the
// core's own rule, so a bad value is refused at its field with the allowed range before any call.
// Only the fields that changed are sent.
import type { InputOf } from '../../../shared/ipc/contract.ts';
import type { Settings } from '../../../shared/schemas.ts';
import {
  PRODUCTION,
  PRODUCTION_PERIOD_RULE,
  RATE_SHARE_RULE,
  rangeProblem,
  rangeRule,
  type RangedSetting,
} from '../../../shared/settings-rules.ts';

export type SettingsPatch = InputOf<'saveSettings'>;

export interface SettingsValues {
  clipboardClearSec: string;
  /** Percent of the rate limit; kept as a fraction (rateShare). */
  ratePercent: string;
  recentUseWindowMin: string;
  reminderDays: string;
  /** Per environment: days, or "never". */
  rotation: Record<string, string>;
  reminders: boolean;
  theme: Settings['theme'];
  hideSandbox: boolean;
}

/** Problems by field name: 'clipboardClearSec', 'rateShare', 'rotationDays.<env>', ... */
export type Problems = Record<string, string>;

export const NEVER = 'never';
export const rotationField = (env: string) => `rotationDays.${env}`;

/** The environments that get a rotation field: those of the keys and those with a period. */
export function rotationEnvironments(settings: Settings, inUse: readonly string[]): string[] {
  const envs = new Set([PRODUCTION, ...inUse, ...Object.keys(settings.rotationDays)]);
  return [...envs].sort((a, b) => (a === PRODUCTION ? -1 : b === PRODUCTION ? 1 : a < b ? -1 : 1));
}

export function toValues(settings: Settings, envs: readonly string[]): SettingsValues {
  const periods = new Map(Object.entries(settings.rotationDays));
  return {
    clipboardClearSec: String(settings.clipboardClearSec),
    // Rounded to a tenth: a share set elsewhere (0.333) reads as 33.3, and is sent back only if edited.
    ratePercent: String(Math.round(settings.rateShare * 1000) / 10),
    recentUseWindowMin: String(settings.recentUseWindowMin),
    reminderDays: String(settings.reminderDays),
    rotation: Object.fromEntries(envs.map((e) => [e, String(periods.get(e) ?? NEVER)])),
    reminders: settings.reminders,
    theme: settings.theme,
    hideSandbox: settings.hideSandbox,
  };
}

function whole(setting: RangedSetting, text: string): { value: number } | { problem: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { problem: rangeRule(setting) };
  const value = Number(t);
  const problem = rangeProblem(setting, value);
  return problem ? { problem } : { value };
}

/** The problems of `values`, and the patch of what changed from `initial`. */
export function toPatch(
  values: SettingsValues,
  initial: SettingsValues,
): { patch: SettingsPatch; problems: Problems } {
  const patch: SettingsPatch = {};
  const problems: Problems = {};
  for (const key of ['clipboardClearSec', 'recentUseWindowMin', 'reminderDays'] as const) {
    const r = whole(key, values[key]);
    if ('problem' in r) problems[key] = r.problem;
    else if (values[key] !== initial[key]) patch[key] = r.value;
  }
  const pct = values.ratePercent.trim();
  const share = /^\d+(\.\d+)?$/.test(pct) ? Number(pct) / 100 : NaN;
  if (!(share > 0 && share <= 1)) problems.rateShare = RATE_SHARE_RULE;
  else if (pct !== initial.ratePercent) patch.rateShare = share;
  const rotation: Record<string, number | null> = {};
  for (const [env, text] of Object.entries(values.rotation)) {
    const t = text.trim().toLowerCase();
    const field = rotationField(env);
    if (t === NEVER || t === '') {
      if (env === PRODUCTION) problems[field] = PRODUCTION_PERIOD_RULE;
      else if (initial.rotation[env] !== NEVER) rotation[env] = null;
      continue;
    }
    const r = whole('rotationDays', t);
    if ('problem' in r) problems[field] = `${r.problem}${env === PRODUCTION ? '' : ' Or "never".'}`;
    else if (text !== initial.rotation[env]) rotation[env] = r.value;
  }
  if (Object.keys(rotation).length > 0) patch.rotationDays = rotation;
  for (const key of ['reminders', 'theme', 'hideSandbox'] as const)
    if (values[key] !== initial[key]) Object.assign(patch, { [key]: values[key] });
  return { patch, problems };
}
