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
  /** REFUSED: a share file not encrypted to this installation (or it has no identity yet). */
  'share-not-for-this-installation',
  /** BAD_INPUT: a hand-over needs to know who holds the key, and the key names no owner. */
  'handover-needs-owner',
  /** DUPLICATE: a received key's label is taken in the account; another label would do. */
  'receive-label-taken',
  /** UNKNOWN_ACCOUNT: no account has the received key's base URL. */
  'receive-no-account',
] as const;
export type ErrorRule = (typeof ERROR_RULES)[number];
