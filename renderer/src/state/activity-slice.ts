// The Activity dialog's data: the whole audit trail (every key and account), newest first, as
// the core filters it. Never a secret: audit events hold labels and fingerprints only.
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import type { AuditEvent } from '../../../shared/schemas.ts';
import type { SliceCreator } from './types.ts';

/** '' for "all" in each, as the list's own filters do. */
export interface ActivityFilter {
  keyId: string;
  accountId: string;
  action: AuditEvent['action'] | '';
}

/** The contract's most: the list is virtualized, so a long trail costs only the transfer. */
export const ACTIVITY_LIMIT = 5000;

export const NO_ACTIVITY_FILTER: ActivityFilter = { keyId: '', accountId: '', action: '' };

export interface ActivitySlice {
  /** The last answer; null until the dialog first loads. */
  activity: OutputOf<'listActivity'> | null;
  activityFilter: ActivityFilter;
  activityLoading: boolean;
  loadActivity(): Promise<void>;
  setActivityFilter(patch: Partial<ActivityFilter>): Promise<void>;
}

export const createActivitySlice: SliceCreator<ActivitySlice> = (set, get, api) => {
  // Filters changed quickly: only the newest request's answer is shown.
  let latest = 0;
  return {
    activity: null,
    activityFilter: NO_ACTIVITY_FILTER,
    activityLoading: false,
    async loadActivity() {
      const ticket = ++latest;
      const { keyId, accountId, action } = get().activityFilter;
      set({ activityLoading: true });
      get().setError('activity', null);
      const r = await api.listActivity({
        limit: ACTIVITY_LIMIT,
        ...(keyId ? { keyId } : {}),
        ...(accountId ? { accountId } : {}),
        ...(action ? { action } : {}),
      });
      if (ticket !== latest) return;
      set({ activityLoading: false });
      if (r.ok) set({ activity: r.value });
      else get().failed('activity', 'Reading the activity', r.error);
    },
    async setActivityFilter(patch) {
      set((s) => ({ activityFilter: { ...s.activityFilter, ...patch } }));
      await get().loadActivity();
    },
  };
};
