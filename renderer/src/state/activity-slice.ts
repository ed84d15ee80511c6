// The activity slice (placeholder until its feature is built).
import type { SliceCreator } from './types.ts';

export type ActivitySlice = Record<never, never>;

export const createActivitySlice: SliceCreator<ActivitySlice> = () => ({});
