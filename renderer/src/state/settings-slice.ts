// The settings slice (placeholder until its feature is built).
import type { SliceCreator } from './types.ts';

export type SettingsSlice = Record<never, never>;

export const createSettingsSlice: SliceCreator<SettingsSlice> = () => ({});
