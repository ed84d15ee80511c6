// The settings as the core keeps them (the ones `apexkeys settings --json` prints): loaded at
// start and after a save; null until then. Never a secret. The theme is applied whenever they
// arrive, so the window looks as saved from the first load on.
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { InputOf } from '../../../shared/ipc/contract.ts';
import type { Settings } from '../../../shared/schemas.ts';
import { applyTheme } from '../lib/theme.ts';
import type { SliceCreator } from './types.ts';

export type SettingsPatch = InputOf<'saveSettings'>;

export interface SettingsSlice {
  settings: Settings | null;
  loadSettings(): Promise<void>;
  /**
   * Saves the fields given. A refusal that names a field is returned for the form to show at
   * that field; any other failure is shown in the dialog's alert (the 'settings' scope).
   */
  saveSettings(patch: SettingsPatch): Promise<{ ok: true } | { ok: false; error: ErrorInfo }>;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get, api) => ({
  settings: null,
  async loadSettings() {
    const r = await api.getSettings({});
    if (!r.ok) return get().failed('settings', 'Loading the settings', r.error);
    applyTheme(r.value.theme);
    set({ settings: r.value });
  },
  async saveSettings(patch) {
    const s = get();
    s.setPending('settings', true);
    s.setError('settings', null);
    try {
      const r = await api.saveSettings(patch);
      if (!r.ok) {
        if (!r.error.field) get().failed('settings', 'Saving the settings', r.error);
        return { ok: false, error: r.error };
      }
      applyTheme(r.value.theme);
      set({ settings: r.value });
      get().say('Settings saved.');
      return { ok: true };
    } finally {
      get().setPending('settings', false);
    }
  },
});
