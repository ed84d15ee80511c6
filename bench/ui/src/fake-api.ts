// The bench runs with no backend: reads answer from memory, everything else says it cannot.
import type { ApexKeysApi, Channel, Result } from '../../../shared/ipc/contract.ts';
import { CHANNELS } from '../../../shared/ipc/contract.ts';
import type { AccountView, KeyView } from '../../../shared/views.ts';

const accounts: AccountView[] = [
  {
    id: 'acc_acme',
    name: 'acme-prod',
    baseUrl: 'https://api.apexverify.com',
    dashboardUrl: 'https://app.apexverify.com',
    mode: 'api',
    lastSyncAt: null,
    isSandbox: false,
    keyCount: 0,
    reachability: { state: 'online', since: null, reason: null },
  },
  {
    id: 'acc_sandbox',
    name: 'sandbox',
    baseUrl: 'http://127.0.0.1:1',
    dashboardUrl: 'https://app.apexverify.com',
    mode: 'api',
    lastSyncAt: null,
    isSandbox: true,
    keyCount: 0,
    reachability: { state: 'online', since: null, reason: null },
  },
];

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

export function fakeApi(keys: () => KeyView[]): ApexKeysApi {
  const unsupported = (channel: Channel) => () =>
    Promise.resolve({
      ok: false as const,
      error: { code: 'INTERNAL' as const, message: `The UI bench has no backend (${channel}).` },
    });
  const api = Object.fromEntries(
    CHANNELS.map((c) => [c, unsupported(c)]),
  ) as unknown as ApexKeysApi;
  return {
    ...api,
    getStatus: () =>
      ok({
        keychain: { state: 'ok', message: null },
        platform: 'linux',
        notices: [],
        storeError: null,
        clipboardClearSec: 30,
        transport: 'preview',
        demo: false,
      }),
    checkConnection: () => ok({ online: true, reason: null, checkedAt: new Date().toISOString() }),
    listAccounts: () => ok(accounts),
    listKeys: () => ok(keys()),
    keyAudit: () => ok({ events: [] }),
    listRotations: () => ok([]),
  };
}
