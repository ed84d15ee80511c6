// The states an error other than a rotation refusal can name in ErrorInfo.rule (a rotation
// refusal carries its RotationRule), so each front end can phrase the next step in its own
// terms while the core's message names none of them.
export const ERROR_RULES = [
  /** UNKNOWN_ACCOUNT while no account exists at all. */
  'no-accounts',
  /** UNKNOWN_KEY for a label no live key carries. */
  'no-such-label',
  /** WRONG_MODE: a dashboard-mode account generates keys in the dashboard, not through the API. */
  'generate-in-dashboard',
] as const;
export type ErrorRule = (typeof ERROR_RULES)[number];
