// The settings' allowed ranges and the words that state them: one place for the core (which
// refuses), the CLI's option parsers and the window's fields (which say it before saving).
export const SETTINGS_RANGES = {
  clipboardClearSec: { min: 1, max: 3600, unit: 'seconds' },
  recentUseWindowMin: { min: 1, max: 1440, unit: 'minutes' },
  reminderDays: { min: 1, max: 365, unit: 'days' },
  rotationDays: { min: 1, max: 3650, unit: 'days' },
} as const;

export type RangedSetting = keyof typeof SETTINGS_RANGES;

/** The environment whose keys must rotate: "never" is refused for it. */
export const PRODUCTION = 'production';

export const RATE_SHARE_RULE = 'More than 0 and at most 100 % of the rate limit.';
export const PRODUCTION_PERIOD_RULE = `Production keys always have a rotation period: between ${SETTINGS_RANGES.rotationDays.min} and ${SETTINGS_RANGES.rotationDays.max} days.`;

export function rangeRule(setting: RangedSetting): string {
  const r = SETTINGS_RANGES[setting];
  return `Between ${r.min} and ${r.max} ${r.unit}.`;
}

/** The rule `value` breaks (a whole number within the setting's range), or null. */
export function rangeProblem(setting: RangedSetting, value: number): string | null {
  const r = SETTINGS_RANGES[setting];
  return Number.isInteger(value) && value >= r.min && value <= r.max ? null : rangeRule(setting);
}

/** The share of the rate limit, as a fraction: above 0, at most 1. */
export function rateShareProblem(share: number): string | null {
  return share > 0 && share <= 1 ? null : RATE_SHARE_RULE;
}
