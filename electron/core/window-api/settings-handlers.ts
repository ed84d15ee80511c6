// The Settings dialog's channels and the window's own preferences (filter and sort).
import { DEFAULT_PREFS } from '../../../shared/window-prefs.ts';
import { getSettings, updateSettings } from '../settings.ts';
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';

type SettingsHandlers = Pick<
  Handlers,
  'getSettings' | 'saveSettings' | 'getWindowPrefs' | 'setWindowPrefs'
>;

export function createSettingsHandlers(ctx: AppContext): SettingsHandlers {
  const { deps } = ctx;
  // A host that keeps no preferences (a test rig) still answers: the first-run view, unsaved.
  let memory = structuredClone(DEFAULT_PREFS);
  const prefs = ctx.windowPrefs ?? {
    get: () => memory,
    set: (change) => (memory = { ...memory, ...change }),
  };
  return {
    getSettings: async () => getSettings(deps),
    saveSettings: async (patch) => updateSettings(deps, patch),
    getWindowPrefs: async () => prefs.get(),
    setWindowPrefs: async (change) => prefs.set(change),
  };
}
