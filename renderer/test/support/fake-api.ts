// An in-memory ApexKeysApi for the renderer's tests: real shapes, no host.
import type {
  ApexKeysApi,
  Channel,
  InputOf,
  OutputOf,
  Result,
} from '../../../shared/ipc/contract.ts';
import { CHANNELS } from '../../../shared/ipc/contract.ts';
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { AccountView, KeyView } from '../../../shared/views.ts';

export const SECRET_PREFIX = 'avk_TEST_SECRET_';

export function makeKey(over: Partial<KeyView> = {}): KeyView {
  const id = over.id ?? `key_${over.label ?? 'k'}`;
  return {
    id,
    account: 'sandbox',
    accountId: 'acc_sandbox',
    remoteId: `rk_${id}`,
    label: 'k',
    environment: 'production',
    service: '',
    owner: '',
    notes: '',
    status: 'active',
    createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    lastUsedAt: null,
    rotationPeriodDays: 90,
    rotationDueAt: new Date(Date.now() + 87 * 86_400_000).toISOString(),
    fingerprint: '0123456789ab',
    hint: 'avk_…abcd',
    lastVerification: null,
    revokedAt: null,
    ...over,
  };
}

export const sandboxAccount: AccountView = {
  id: 'acc_sandbox',
  name: 'sandbox',
  baseUrl: 'http://127.0.0.1:1',
  dashboardUrl: 'https://app.apexverify.com',
  mode: 'api',
  lastSyncAt: null,
  isSandbox: true,
  keyCount: 0,
  reachability: { state: 'online', since: null, reason: null },
};

type Handler<C extends Channel> = (input: InputOf<C>) => OutputOf<C> | ErrorInfo;
export type Overrides = { [C in Channel]?: Handler<C> };

const isError = (v: unknown): v is ErrorInfo =>
  typeof v === 'object' && v !== null && 'code' in v && 'message' in v && !('id' in v);

/** Every call is recorded in `calls`; `overrides` replace a channel's default answer. */
export function fakeApi(keys: KeyView[], overrides: Overrides = {}) {
  const calls: Array<{ channel: Channel; input: unknown }> = [];
  const defaults: Overrides = {
    getStatus: () => ({
      keychain: { state: 'ok', message: null },
      platform: 'linux',
      notices: [],
      storeError: null,
      clipboardClearSec: 30,
      transport: 'preview',
      demo: false,
    }),
    checkConnection: () => ({ online: true, reason: null, checkedAt: new Date().toISOString() }),
    listAccounts: () => [sandboxAccount],
    listKeys: () => keys,
    keyAudit: () => ({ events: [] }),
    listRotations: () => [],
    getRotation: () => null,
    copyKey: () => ({ clearAfterSec: 30, copiedAt: new Date().toISOString() }),
    revealKey: ({ id }) => ({ secret: `${SECRET_PREFIX}${id}` }),
    revokeKey: ({ id }) => {
      const key = keys.find((k) => k.id === id) as KeyView;
      const checkedAt = new Date().toISOString();
      return {
        key: { ...key, status: 'revoked', revokedAt: checkedAt },
        proof: { status: 401, checkedAt },
        secretRemoved: true,
      };
    },
  };
  const handlers = { ...defaults, ...overrides } as Record<Channel, Handler<Channel> | undefined>;
  const api = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (input: unknown): Promise<Result<unknown>> => {
        calls.push({ channel, input });
        const h = handlers[channel];
        if (!h)
          return { ok: false, error: { code: 'INTERNAL', message: `No fake for ${channel}` } };
        const out = h(input as never);
        return isError(out) ? { ok: false, error: out } : { ok: true, value: out };
      },
    ]),
  ) as unknown as ApexKeysApi;
  return { api, calls };
}
