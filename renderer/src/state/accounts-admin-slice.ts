// The accounts-admin slice (placeholder until its feature is built).
import type { SliceCreator } from './types.ts';

export type AccountsAdminSlice = Record<never, never>;

export const createAccountsAdminSlice: SliceCreator<AccountsAdminSlice> = () => ({});
