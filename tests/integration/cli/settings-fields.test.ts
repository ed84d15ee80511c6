// `apexkeys settings set` for the window's settings (reminders, theme, the sandbox switch,
// "never" periods): each one set, printed by `settings --json`; a bad value refused with its
// range in one clear line, and nothing changed.
import { describe, expect, it } from 'vitest';
import { newCliEnv, runCli, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';

const settingsOf = async (env: CliEnv) =>
  JSON.parse((await runCli(env, ['settings', '--json'])).stdout) as Record<string, unknown>;

describe.skipIf(!hasTestKeyring)('apexkeys settings: the window settings', () => {
  const env = newCliEnv('cli-settings');

  it('prints the new settings with their defaults', async () => {
    expect(await settingsOf(env)).toMatchObject({
      reminderDays: 14,
      reminders: true,
      theme: 'system',
      hideSandbox: false,
    });
    const human = (await runCli(env, ['settings'])).stdout;
    expect(human).toMatch(/reminders: on, for keys due within 14 days/);
    expect(human).toMatch(/theme: system/);
  });

  it('sets each one, and `settings --json` prints them', async () => {
    const r = await runCli(env, [
      'settings',
      'set',
      '--reminder-days',
      '30',
      '--reminders',
      'off',
      '--theme',
      'dark',
      '--hide-sandbox',
      'on',
      '--rotation-days',
      'staging=45',
    ]);
    expect(r.code).toBe(0);
    const want = {
      reminderDays: 30,
      reminders: false,
      theme: 'dark',
      hideSandbox: true,
      rotationDays: { production: 90, staging: 45 },
    };
    expect(JSON.parse(r.stdout)).toMatchObject(want);
    expect(await settingsOf(env)).toMatchObject(want);
    const never = await runCli(env, ['settings', 'set', '--rotation-days', 'staging=never']);
    expect(JSON.parse(never.stdout)).toMatchObject({ rotationDays: { production: 90 } });
  });

  it.each([
    [['--reminder-days', '0'], /a whole number from 1 to 365/],
    [['--reminder-days', '366'], /a whole number from 1 to 365/],
    [['--clipboard-clear-sec', '3601'], /a whole number from 1 to 3600/],
    [['--theme', 'purple'], /system, light or dark/],
    [['--reminders', 'maybe'], /on or off/],
    [['--hide-sandbox', 'yes please'], /on or off/],
    [['--rotation-days', 'staging=0'], /a whole number from 1 to 3650/],
    [['--rotation-days', 'production=never'], /Production keys always have a rotation period/],
  ])('refuses %j with a clear line and changes nothing', async (args, pattern) => {
    const before = await settingsOf(env);
    const r = await runCli(env, ['settings', 'set', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')[0]).toMatch(pattern);
    expect(await settingsOf(env)).toEqual(before);
  });
});
