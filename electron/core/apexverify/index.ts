// The ApexVerify API client: the one way the core talks to ApexVerify.
export { createApexClient } from './client.ts';
export { createRateGovernor } from './rate-governor.ts';
export type {
  ApexClient,
  ApexClientOptions,
  ClientStats,
  Credits,
  KeyCheck,
  RateGovernor,
  RateGovernorOptions,
  RateInfo,
  RemoteKey,
} from './types.ts';
