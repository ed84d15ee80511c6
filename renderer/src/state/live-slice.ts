// The live slice (placeholder until its feature is built).
import type { SliceCreator } from './types.ts';

export type LiveSlice = Record<never, never>;

export const createLiveSlice: SliceCreator<LiveSlice> = () => ({});
