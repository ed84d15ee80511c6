// The sync slice (placeholder until its feature is built).
import type { SliceCreator } from './types.ts';

export type SyncSlice = Record<never, never>;

export const createSyncSlice: SliceCreator<SyncSlice> = () => ({});
