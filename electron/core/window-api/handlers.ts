// One handler per contract channel, over the core. Inputs arrive parsed by dispatch.ts; outputs
// are parsed again there, so nothing outside the contract (never a secret) leaves by accident.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import type { Channel, Contract, OutputOf } from '../../../shared/ipc/contract.ts';
import { externalUrlAllowed } from '../../../shared/url-policy.ts';
import { DEFAULT_SETTINGS } from '../../../shared/schemas.ts';
import { accountById } from '../accounts.ts';
import { handOut, revealKey } from '../key-handout.ts';
import { revokeKey, setKeyEnabled } from '../key-lifecycle.ts';
import { resolveKey } from '../key-records.ts';
import { verifyKey } from '../key-verify.ts';
import { withOwnWrites } from '../own-writes.ts';
import { generateKey, importKey, listKeys, updateKeyMeta } from '../keys.ts';
import {
  abortRotation,
  confirmDeployed,
  finishRotation,
  getRotation,
  listOpenRotations,
  replaceOldKeyInEnvFiles,
  revealPending,
  startRotation,
  verifyNewKey,
} from '../rotation/index.ts';
import { requireRun } from '../rotation/lookup.ts';
import { createAccountHandlers } from './account-handlers.ts';
import { createActivityHandlers } from './activity-handlers.ts';
import { createBackupHandlers } from './backup-handlers.ts';
import { createChangeHandlers } from './change-handlers.ts';
import { createEnvHandlers, requireFullPaths } from './env-handlers.ts';
import { createFileHandlers } from './file-handlers.ts';
import { createHandoffHandlers } from './handoff-handlers.ts';
import { createLocationHandlers } from './location-handlers.ts';
import { createReminderHandlers } from './reminder-handlers.ts';
import type { AppContext } from './context.ts';
import { createSettingsHandlers } from './settings-handlers.ts';
import { createSyncHandlers } from './sync-handlers.ts';
import { checkConnection, keychainState, readForStatus, withReachability } from './status.ts';
import { createVerifyJobs } from './verify-jobs.ts';

export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<OutputOf<C>>;
};

function platformOf(p: NodeJS.Platform): OutputOf<'getStatus'>['platform'] {
  return p === 'darwin' || p === 'win32' || p === 'linux' ? p : 'other';
}

export function createHandlers(base: AppContext): Handlers {
  // Every client the handlers make reports to the per-account reachability tracker, and every
  // write they make is the window's own: the change feed does not wake the window for it.
  const tracked = withReachability(base);
  const ctx = tracked.changes
    ? { ...tracked, deps: withOwnWrites(tracked.deps, tracked.changes) }
    : tracked;
  const { deps } = ctx;
  const jobs = createVerifyJobs(deps, ctx.reachability);
  let noticesShown = 0;
  const accountName = async (accountId: string) =>
    accountById(await deps.store.read(), accountId).name;

  /** Copies in this process; the renderer only learns when the clipboard will be cleared. */
  const copy = async (id: string, pending: boolean) => {
    const data = await deps.store.read();
    const sec = data.settings.clipboardClearSec;
    // The pending key of the old key's open run; handOut refuses it until it is stored.
    const keyId = pending ? requireRun(data, { id }).newKeyId : id;
    const copiedAt = deps.clock.now().toISOString();
    await handOut(
      deps,
      { id: keyId },
      'copied',
      { via: pending ? 'rotation-pending' : 'app' },
      (secret) => ctx.clipboard.copy(secret, sec),
      { allowPending: pending },
    );
    return { clearAfterSec: sec, copiedAt };
  };

  return {
    // The groups in their own files, as in the contract.
    ...createAccountHandlers(ctx),
    ...createSettingsHandlers(ctx),
    ...createActivityHandlers(ctx),
    ...createSyncHandlers(ctx),
    ...createChangeHandlers(ctx),
    ...createReminderHandlers(),
    ...createLocationHandlers(ctx),
    ...createFileHandlers(ctx),
    ...createEnvHandlers(ctx),
    ...createHandoffHandlers(ctx),
    ...createBackupHandlers(ctx),
    async getStatus() {
      const notices = deps.store.notices.slice(noticesShown);
      noticesShown = deps.store.notices.length;
      const store = await readForStatus(deps);
      return {
        keychain: await keychainState(deps),
        platform: platformOf(ctx.platform),
        notices: [...notices],
        storeError: store.error,
        clipboardClearSec: (store.data?.settings ?? DEFAULT_SETTINGS).clipboardClearSec,
        transport: ctx.transport,
        demo: ctx.demo ?? false,
      };
    },
    checkConnection: () => checkConnection(deps, ctx.reachability),
    listKeys: (input) => listKeys(deps, { includeRevoked: input.includeRevoked ?? true }),
    async generateKey({ accountId, ...meta }) {
      return generateKey(deps, { ...meta, account: await accountName(accountId) });
    },
    async captureKey({ accountId, secret, ...meta }) {
      return importKey(deps, { ...meta, secret, account: await accountName(accountId) });
    },
    updateKeyMeta: ({ id, patch }) => updateKeyMeta(deps, { id }, patch),
    verifyKey: ({ id }) => verifyKey(deps, { id }),
    startVerifyAll: async () => jobs.start(),
    getVerifyAll: async ({ jobId }) => jobs.get(jobId),
    cancelVerifyAll: async ({ jobId }) => jobs.cancel(jobId),
    copyKey: ({ id }) => copy(id, false),
    revealKey: async ({ id }) => ({ secret: await revealKey(deps, { id }, 'app') }),
    setKeyEnabled: ({ id, enabled }) => setKeyEnabled(deps, { id }, enabled),
    revokeKey: ({ id, confirmLabel }) => revokeKey(deps, { id }, confirmLabel),
    async keyAudit({ id, limit }) {
      resolveKey(await deps.store.read(), { id });
      const { events, unreadableLines } = await deps.audit.read({ keyId: id });
      // A line that cannot be read may have been this key's: the window says how many there are.
      return {
        events: events.slice(-(limit ?? 100)).reverse(),
        ...(unreadableLines.length ? { unreadableLines: unreadableLines.length } : {}),
      };
    },
    listRotations: () => listOpenRotations(deps),
    getRotation: ({ id }) => getRotation(deps, { id }),
    startRotation: ({ id, newSecret }) =>
      startRotation(deps, { id }, newSecret === undefined ? {} : { newSecret }),
    copyPendingKey: ({ id }) => copy(id, true),
    revealPendingKey: async ({ id }) => ({ secret: await revealPending(deps, { id }, 'app') }),
    async replaceInEnvFiles({ id, files }) {
      requireFullPaths(files);
      return replaceOldKeyInEnvFiles(deps, { id }, files);
    },
    confirmDeployed: ({ id, share }) =>
      confirmDeployed(
        deps,
        { id },
        share ? { share: { recipients: share.recipients, file: share.path } } : {},
      ),
    verifyRotation: ({ id, acceptRecentUse }) =>
      verifyNewKey(deps, { id }, acceptRecentUse === undefined ? {} : { acceptRecentUse }),
    finishRotation: ({ id, confirmLabel, ignoreLocations }) =>
      finishRotation(deps, { id }, { confirmLabel, ignoreLocations: ignoreLocations === true }),
    abortRotation: ({ id, choice, revokeUnrestored }) =>
      abortRotation(deps, { id }, { choice, revokeUnrestored: revokeUnrestored === true }),
    async openDashboard({ accountId }) {
      const url = accountById(await deps.store.read(), accountId).dashboardUrl;
      if (!externalUrlAllowed(url)) return { opened: false, url };
      if (!(await ctx.openExternal(url)))
        throw new AppError('INTERNAL', `The browser could not be opened; open ${url} yourself.`);
      return { opened: true, url };
    },
  };
}
