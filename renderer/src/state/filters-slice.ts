// What the list shows: the text filter, the account, environment and status filters, and the
// sort.
import {
  ALL_ACCOUNTS,
  ALL_ENVIRONMENTS,
  type Sort,
  type SortColumn,
  type StatusFilter,
} from '../lib/key-list.ts';
import type { SliceCreator } from './types.ts';

export interface FiltersSlice {
  query: string;
  environmentFilter: string;
  /** An account id; '' for all accounts. */
  accountFilter: string;
  statusFilter: StatusFilter;
  sort: Sort;
  setQuery(query: string): void;
  setEnvironmentFilter(environment: string): void;
  setAccountFilter(accountId: string): void;
  setStatusFilter(status: StatusFilter): void;
  /** A new column sorts ascending; the same column again flips the direction. */
  sortBy(column: SortColumn): void;
  clearFilters(): void;
}

export const createFiltersSlice: SliceCreator<FiltersSlice> = (set) => ({
  query: '',
  environmentFilter: ALL_ENVIRONMENTS,
  accountFilter: ALL_ACCOUNTS,
  statusFilter: 'live',
  sort: { column: 'label', direction: 'ascending' },
  setQuery: (query) => set({ query }),
  setEnvironmentFilter: (environmentFilter) => set({ environmentFilter }),
  setAccountFilter: (accountFilter) => set({ accountFilter }),
  setStatusFilter: (statusFilter) => set({ statusFilter }),
  sortBy: (column) =>
    set((s) => ({
      sort: {
        column,
        direction:
          s.sort.column === column && s.sort.direction === 'ascending' ? 'descending' : 'ascending',
      },
    })),
  // Back to the first-run view: live keys only, as the status filter starts.
  clearFilters: () =>
    set({
      query: '',
      environmentFilter: ALL_ENVIRONMENTS,
      accountFilter: ALL_ACCOUNTS,
      statusFilter: 'live',
    }),
});
