// The settings as the core keeps them (the ones `apexkeys settings --json` prints): loaded at
// start and after a save; null until then. Never a secret.
import type { Settings } from '../../../shared/schemas.ts';
import type { SliceCreator } from './types.ts';

export interface SettingsSlice {
  settings: Settings | null;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = () => ({ settings: null });
