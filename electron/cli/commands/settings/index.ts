// apexkeys settings: show (the default) or set the settings shared with the desktop app.
import type { Command } from 'commander';
import type { CliSession } from '../../session.ts';
import { registerSettingsSet } from './set.ts';
import { registerSettingsShow } from './show.ts';

export function registerSettings(program: Command, session: CliSession): void {
  const settings = program
    .command('settings')
    .description('show or change the app settings (shared with the desktop app)');
  registerSettingsShow(settings, session);
  registerSettingsSet(settings, session);
}
