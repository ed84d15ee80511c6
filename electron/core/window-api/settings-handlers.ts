// The Settings dialog's channels and the window's own preferences (filter and sort).
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';
import { notBuilt } from './not-built.ts';

type SettingsHandlers = Pick<
  Handlers,
  'getSettings' | 'saveSettings' | 'getWindowPrefs' | 'setWindowPrefs'
>;

export function createSettingsHandlers(ctx: AppContext): SettingsHandlers {
  void ctx;
  return {
    getSettings: async () => notBuilt(),
    saveSettings: async () => notBuilt(),
    getWindowPrefs: async () => notBuilt(),
    setWindowPrefs: async () => notBuilt(),
  };
}
