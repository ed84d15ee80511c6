// The Settings dialog's channels over a real core (through dispatch): every field saves and
// reads back; a value out of range is refused at its field with the range in words, and nothing
// is saved; "never" is refused for production only. The window's preferences without a host
// store answer from memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppRig, type AppRig } from '../../../helpers/app.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/schemas.ts';
import { DEFAULT_PREFS } from '../../../../shared/window-prefs.ts';

describe('settings handlers', () => {
  let rig: AppRig;
  beforeAll(async () => {
    rig = await startAppRig('app-settings');
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('starts from the defaults', async () => {
    expect(await rig.ok('getSettings', {})).toEqual(DEFAULT_SETTINGS);
  });

  it('saves every field and reads them back', async () => {
    const saved = await rig.ok('saveSettings', {
      clipboardClearSec: 90,
      rateShare: 0.25,
      recentUseWindowMin: 30,
      reminderDays: 7,
      reminders: false,
      theme: 'dark',
      hideSandbox: true,
      rotationDays: { production: 60, staging: 120 },
    });
    const want = {
      clipboardClearSec: 90,
      rateShare: 0.25,
      recentUseWindowMin: 30,
      reminderDays: 7,
      reminders: false,
      theme: 'dark',
      hideSandbox: true,
      rotationDays: { production: 60, staging: 120 },
    };
    expect(saved).toEqual(want);
    expect(await rig.ok('getSettings', {})).toEqual(want);
    // "never" outside production removes the period.
    const never = await rig.ok('saveSettings', { rotationDays: { staging: null } });
    expect(never.rotationDays).toEqual({ production: 60 });
  });

  it.each([
    [{ clipboardClearSec: 0 }, 'clipboardClearSec', 'Between 1 and 3600 seconds.'],
    [{ clipboardClearSec: 3601 }, 'clipboardClearSec', 'Between 1 and 3600 seconds.'],
    [{ clipboardClearSec: 1.5 }, 'clipboardClearSec', 'Between 1 and 3600 seconds.'],
    [{ rateShare: 0 }, 'rateShare', 'More than 0 and at most 100 % of the rate limit.'],
    [{ rateShare: 1.01 }, 'rateShare', 'More than 0 and at most 100 % of the rate limit.'],
    [{ recentUseWindowMin: 1441 }, 'recentUseWindowMin', 'Between 1 and 1440 minutes.'],
    [{ reminderDays: 366 }, 'reminderDays', 'Between 1 and 365 days.'],
    [{ rotationDays: { staging: 0 } }, 'rotationDays.staging', 'Between 1 and 3650 days.'],
    [{ rotationDays: { staging: 3651 } }, 'rotationDays.staging', 'Between 1 and 3650 days.'],
  ])('refuses %j at its field, saving nothing', async (patch, field, message) => {
    const before = await rig.ok('getSettings', {});
    // With a valid field beside it: a refusal saves none of the patch.
    const err = await rig.fail('saveSettings', { theme: 'light', ...patch });
    expect(err).toMatchObject({ code: 'BAD_INPUT', field, message });
    expect(await rig.ok('getSettings', {})).toEqual(before);
  });

  it('refuses "never" for production with the reason', async () => {
    const before = await rig.ok('getSettings', {});
    const err = await rig.fail('saveSettings', { rotationDays: { production: null } });
    expect(err).toMatchObject({
      code: 'BAD_INPUT',
      field: 'rotationDays.production',
      rule: 'production-needs-period',
    });
    expect(err.message).toMatch(/Production keys always have a rotation period/);
    expect(await rig.ok('getSettings', {})).toEqual(before);
  });

  it('refuses what the contract does not know (a misspelt field)', async () => {
    expect((await rig.fail('saveSettings', { clipboardSec: 5 })).code).toBe('BAD_INPUT');
  });

  it('keeps window preferences in memory when the host gives no store', async () => {
    expect(await rig.ok('getWindowPrefs', {})).toEqual(DEFAULT_PREFS);
    const next = await rig.ok('setWindowPrefs', {
      statusFilter: 'all',
      sort: { column: 'createdAt', direction: 'descending' },
    });
    expect(next).toMatchObject({ statusFilter: 'all', environmentFilter: '' });
    expect(await rig.ok('getWindowPrefs', {})).toEqual(next);
    // Never the free-text query: the contract has no field for it.
    expect((await rig.fail('setWindowPrefs', { query: 'avk_x' })).code).toBe('BAD_INPUT');
  });
});
