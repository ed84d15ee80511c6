import type { Account } from '../../shared/schemas.ts';
import type { ApexClient, RateGovernor } from './apexverify/index.ts';
import type { Audit } from './audit.ts';
import type { Clock } from './clock.ts';
import type { Store } from './store/types.ts';
import type { Vault } from './vault-types.ts';

/** Everything a core service needs, passed in so tests, the CLI and the app wire real parts. */
export interface CoreDeps {
  store: Store;
  vault: Vault;
  audit: Audit;
  clock: Clock;
  clientFor(account: Account, opts?: { governor?: RateGovernor; signal?: AbortSignal }): ApexClient;
}
