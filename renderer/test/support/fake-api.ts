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
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/schemas.ts';
import { DEFAULT_PREFS, type WindowPrefs } from '../../../shared/window-prefs.ts';

export const SECRET_PREFIX = 'avk_TEST_SECRET_';
/** This fake installation's age recipient (public: any valid one does). */
export const FAKE_RECIPIENT = 'age1uggrxstmg8pwta0pphh8l7jwstsesefgh02jy9zemmv45m8f8shqx4x2tg';

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
    custody: 'local',
    locations: [],
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

/** The status the fake host answers: the preview host on Linux (spread it to change one thing). */
export const previewStatus: OutputOf<'getStatus'> = {
  keychain: { state: 'ok', message: null },
  platform: 'linux',
  notices: [],
  storeError: null,
  clipboardClearSec: 30,
  transport: 'preview',
  demo: false,
};

type Handler<C extends Channel> = (input: InputOf<C>) => OutputOf<C> | ErrorInfo;
export type Overrides = { [C in Channel]?: Handler<C> };

const isError = (v: unknown): v is ErrorInfo =>
  typeof v === 'object' && v !== null && 'code' in v && 'message' in v && !('id' in v);

/** Every call is recorded in `calls`; `overrides` replace a channel's default answer. */
export function fakeApi(keys: KeyView[], overrides: Overrides = {}) {
  const calls: Array<{ channel: Channel; input: unknown }> = [];
  let settings: Settings = structuredClone(DEFAULT_SETTINGS);
  let prefs: WindowPrefs = structuredClone(DEFAULT_PREFS);
  const defaults: Overrides = {
    getSettings: () => settings,
    saveSettings: ({ rotationDays, ...rest }) => {
      const periods = { ...settings.rotationDays, ...rotationDays };
      for (const [env, d] of Object.entries(periods)) if (d === null) delete periods[env];
      settings = { ...settings, ...rest, rotationDays: periods as Record<string, number> };
      return settings;
    },
    getWindowPrefs: () => prefs,
    setWindowPrefs: (change) => (prefs = { ...prefs, ...change }),
    getStatus: () => ({ ...previewStatus }),
    checkConnection: () => ({
      online: true,
      reason: null,
      checkedAt: new Date().toISOString(),
      accounts: [
        {
          accountId: sandboxAccount.id,
          name: sandboxAccount.name,
          reachability: sandboxAccount.reachability,
        },
      ],
    }),
    listAccounts: () => [sandboxAccount],
    addAccount: ({ name, baseUrl }) => ({ ...sandboxAccount, id: `acc_${name}`, name, baseUrl }),
    renameAccount: ({ accountId, name }) => ({ ...sandboxAccount, id: accountId, name }),
    checkAccount: ({ accountId }) => ({ ...sandboxAccount, id: accountId }),
    removeAccount: ({ confirmName }) => ({
      name: confirmName,
      keysRemoved: 0,
      secretsRemoved: 1,
      secretsLeft: 0,
    }),
    listKeys: () => keys,
    keyAudit: () => ({ events: [] }),
    listActivity: () => ({ events: [], total: 0 }),
    takeReminderTarget: () => null,
    keyLocations: () => [],
    chooseFiles: () => ({ supported: false, paths: [] }),
    getIdentity: () => ({ recipient: FAKE_RECIPIENT }),
    shareKey: ({ id, recipients, path, handover, owner }) => {
      const key = keys.find((k) => k.id === id) as KeyView;
      const heldBy = handover ? (owner ?? key.owner) : null;
      return {
        key: heldBy === null ? key : { ...key, custody: 'held', heldBy },
        file: path,
        recipients,
        heldBy,
      };
    },
    receiveKey: ({ label }) => makeKey({ id: 'key_received', label: label ?? 'dev-john' }),
    // A new file with nothing to warn of; tests of the warnings give their own answer.
    checkEnvTarget: () => ({ exists: false, gitTracked: false, readableByOthers: null }),
    writeKeyToEnv: ({ path }) => ({
      path,
      created: true,
      backup: null,
      replaced: 0,
      gitTracked: false,
      readableByOthers: null,
    }),
    listRotations: () => [],
    getRotation: () => null,
    // A refusal, not an unchanged answer: the window's change loop then waits (a timer cleared on
    // unmount) instead of asking again at once. Tests of the loop give their own long poll.
    waitForChange: () => ({ code: 'INTERNAL', message: 'The fake host has no change feed.' }),
    copyKey: () => ({ clearAfterSec: 30, copiedAt: new Date().toISOString() }),
    revealKey: ({ id }) => ({ secret: `${SECRET_PREFIX}${id}` }),
    // Sync runs on start and after every key action: by default the server has nothing new.
    syncAccounts: () => ({ accounts: [], syncedAt: new Date().toISOString() }),
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
