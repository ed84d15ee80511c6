// The rotation state machine: generate → deploy → verify → revoke → done (or aborted), persisted
// in the store at every transition. Every function takes the core's dependencies (optionally with
// a checkpoint hook) and returns the run as the window shows it.
export { abortRotation, type AbortOptions } from './abort.ts';
export type { RotationDeps, RotationHooks } from './deps.ts';
export {
  confirmDeployed,
  replaceInAllLocations,
  replaceOldKeyInEnvFiles,
  revealPending,
  runWithPending,
} from './deploy.ts';
export { replaceEnvValue, replaceInEnvFiles } from './env-replace.ts';
export { finishRotation, type FinishOptions } from './finish.ts';
export { RotationRefused, type RotationRef } from './lookup.ts';
export { pastedKeyNeeded, startRotation, type StartOptions } from './start.ts';
export { verifyNewKey, type VerifyOptions } from './verify.ts';
export { getRotation, listOpenRotations } from './view.ts';
