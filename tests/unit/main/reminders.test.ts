// Reminders in main, against the fake electron: the badge counts the due keys (none on Windows,
// none with Show reminders off), at most one notification a day (remembered across runs), and
// its click opens the key, or the due list when several are due, through the mailbox the
// window takes from.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, channelName } from '../../../shared/ipc/contract.ts';
import type { KeyRecord } from '../../../shared/schemas.ts';
import type { KeyView } from '../../../shared/views.ts';
import { resetElectronFake, type ElectronFake } from '../../helpers/fake-electron.ts';
import { makeCore } from '../../helpers/core.ts';
import { sampleAccount } from '../../helpers/records.ts';
import { makeTempDir } from '../../helpers/tmp.ts';
import { makeKey } from '../../../renderer/test/support/fake-api.ts';
import type * as RemindersModule from '../../../electron/main/reminders.ts';
import type * as HandlersModule from '../../../electron/core/window-api/reminder-handlers.ts';

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronFake);

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-02T09:00:00');
const inDays = (d: number) => new Date(NOW + d * DAY).toISOString();

let e: ElectronFake;
let mod: typeof RemindersModule;
let handlersMod: typeof HandlersModule;

beforeEach(async () => {
  vi.resetModules();
  e = (await import('electron')) as unknown as ElectronFake;
  resetElectronFake(e);
  mod = await import('../../../electron/main/reminders.ts');
  handlersMod = await import('../../../electron/core/window-api/reminder-handlers.ts');
});

function rig(opts: {
  keys: KeyView[];
  reminders?: boolean;
  reminderDays?: number;
  platform?: NodeJS.Platform;
  dataDir?: string;
}) {
  const clock = { now: NOW };
  const mailbox = handlersMod.createReminderMailbox();
  const showWindow = vi.fn();
  const reminders = mod.createReminders({
    read: async () => ({
      keys: opts.keys,
      settings: { reminders: opts.reminders ?? true, reminderDays: opts.reminderDays ?? 14 },
    }),
    now: () => clock.now,
    os: mod.electronReminderOs(opts.platform ?? 'linux'),
    lastDay: mod.reminderDayFile(opts.dataDir ?? makeTempDir('reminders')),
    mailbox,
    showWindow,
  });
  const take = handlersMod.createReminderHandlers(mailbox).takeReminderTarget;
  return { clock, reminders, showWindow, take: () => take({}) };
}

const overdue = makeKey({ id: 'k-late', label: 'late', rotationDueAt: inDays(-3) });
const soon = makeKey({ id: 'k-soon', label: 'soon', rotationDueAt: inDays(5) });
const later = makeKey({ id: 'k-later', label: 'later', rotationDueAt: inDays(40) });
const revoked = makeKey({ id: 'k-gone', status: 'revoked', rotationDueAt: inDays(-9) });

describe('reminders', () => {
  it('badges the count of due keys (overdue or within the window; never revoked)', async () => {
    const r = rig({ keys: [overdue, soon, later, revoked] });
    await r.reminders.check();
    expect(e.app.setBadgeCount).toHaveBeenLastCalledWith(2);
    const wide = rig({ keys: [overdue, soon, later], reminderDays: 60 });
    await wide.reminders.check();
    expect(e.app.setBadgeCount).toHaveBeenLastCalledWith(3);
  });

  it('notifies once a day, and again the next day', async () => {
    const dataDir = makeTempDir('reminders-day');
    const r = rig({ keys: [overdue, soon], dataDir });
    await r.reminders.check();
    await r.reminders.check();
    expect(e.Notification.shown).toHaveLength(1);
    expect(e.Notification.shown[0]?.options).toEqual({
      title: '2 keys are due for rotation',
      body: 'late, soon: open the app to see them.',
    });
    // A restart the same day remembers (the day is in the data folder).
    await rig({ keys: [overdue], dataDir }).reminders.check();
    expect(e.Notification.shown).toHaveLength(1);
    r.clock.now = NOW + DAY;
    await r.reminders.check();
    expect(e.Notification.shown).toHaveLength(2);
  });

  it('a click on the one due key opens it: the window is shown and takes the key once', async () => {
    const r = rig({ keys: [soon, later] });
    await r.reminders.check();
    const [n] = e.Notification.shown;
    expect(n?.options.title).toBe('"soon" is due for rotation');
    expect(await r.take()).toBeNull();
    n?.emit('click');
    expect(r.showWindow).toHaveBeenCalledTimes(1);
    expect(await r.take()).toEqual({ show: 'key', keyId: 'k-soon' });
    expect(await r.take()).toBeNull();
  });

  it('a click when several are due shows the due list', async () => {
    const r = rig({ keys: [overdue, soon] });
    await r.reminders.check();
    e.Notification.shown[0]?.emit('click');
    expect(await r.take()).toEqual({ show: 'due' });
  });

  it('Show reminders off: badge 0, no notification', async () => {
    const r = rig({ keys: [overdue, soon], reminders: false });
    await r.reminders.check();
    expect(e.app.setBadgeCount).toHaveBeenLastCalledWith(0);
    expect(e.Notification.shown).toHaveLength(0);
  });

  it('nothing due: badge 0 and no notification', async () => {
    const r = rig({ keys: [later, revoked] });
    await r.reminders.check();
    expect(e.app.setBadgeCount).toHaveBeenLastCalledWith(0);
    expect(e.Notification.shown).toHaveLength(0);
  });

  it('Windows has no badge count: none is set, the notification still comes', async () => {
    const r = rig({ keys: [overdue], platform: 'win32' });
    await r.reminders.check();
    expect(e.app.setBadgeCount).not.toHaveBeenCalled();
    expect(e.Notification.shown).toHaveLength(1);
  });

  it('no notification where the desktop has none', async () => {
    e.Notification.isSupported.mockReturnValue(false);
    await rig({ keys: [overdue] }).reminders.check();
    expect(e.Notification.shown).toHaveLength(0);
  });

  it('a damaged day file means one more notification, not a failure', async () => {
    const dataDir = makeTempDir('reminders-bad');
    writeFileSync(join(dataDir, mod.REMINDER_DAY_FILE), '{not json');
    await rig({ keys: [overdue], dataDir }).reminders.check();
    expect(e.Notification.shown).toHaveLength(1);
  });

  it('a store that cannot be read leaves the badge alone and does not throw', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reminders = mod.createReminders({
      read: async () => {
        throw new Error('store locked');
      },
      now: () => NOW,
      os: mod.electronReminderOs('linux'),
      lastDay: mod.reminderDayFile(makeTempDir('reminders-fail')),
      mailbox: handlersMod.createReminderMailbox(),
      showWindow: vi.fn(),
    });
    await expect(reminders.check()).resolves.toBeUndefined();
    expect(e.app.setBadgeCount).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('Reminders could not be checked:', 'store locked');
    warn.mockRestore();
  });
});

describe('the core reader', () => {
  const record = (id: string, accountId: string): KeyRecord => ({
    id,
    accountId,
    remoteId: null,
    label: id,
    environment: 'production',
    service: '',
    owner: '',
    notes: '',
    createdAt: new Date(Date.now() - 100 * DAY).toISOString(),
    lastUsedAt: null,
    lastVerification: null,
    status: 'active',
    rotationPeriodDays: null,
    fingerprint: 'fp',
    hint: 'avk_…abcd',
    revokedAt: null,
    custody: 'local',
    locations: [],
  });

  it('reads the live keys, leaving out a hidden built-in sandbox', async () => {
    const core = await makeCore('reminders-reader');
    await core.store.update((data) => {
      data.accounts.push(
        { ...sampleAccount('acc-sb'), name: 'sandbox' },
        sampleAccount('acc-real'),
      );
      data.keys.push(record('in-sandbox', 'acc-sb'), record('in-real', 'acc-real'));
    });
    const read = mod.coreReminderReader(core);
    expect((await read()).keys.map((k) => k.id).sort()).toEqual(['in-real', 'in-sandbox']);
    await core.store.update((data) => void (data.settings.hideSandbox = true));
    const { keys, settings } = await read();
    expect(keys.map((k) => k.id)).toEqual(['in-real']);
    expect(settings).toMatchObject({ reminders: true, reminderDays: 14 });
  });
});

describe('main wires the reminders', () => {
  it('registers takeReminderTarget with the rest, badges at start and on window focus', async () => {
    const dataDir = makeTempDir('reminders-main');
    vi.stubEnv('APEXKEYS_DATA_DIR', dataDir);
    vi.stubEnv('APEXKEYS_SANDBOX', 'off');
    vi.stubEnv('APEXKEYS_KEYCHAIN_SERVICE', 'apexkeys-unit-never-used');
    await import('../../../electron/main/index.ts');
    await vi.waitFor(() => expect(e.app.setBadgeCount).toHaveBeenCalledWith(0), {
      timeout: 10_000,
    });
    expect([...e.state.handleCalls].sort()).toEqual(CHANNELS.map(channelName).sort());
    expect(e.state.handleCalls).toContain(channelName('takeReminderTarget'));
    const calls = e.app.setBadgeCount.mock.calls.length;
    e.app.emit('browser-window-focus');
    await vi.waitFor(() => expect(e.app.setBadgeCount.mock.calls.length).toBe(calls + 1));
    vi.unstubAllEnvs();
  });
});
