// Filtering and sorting the key list: pure, so the store, the bench and the tests share it.
import type { KeyStatus } from '../../../shared/schemas.ts';
import type { KeyView } from '../../../shared/views.ts';
import { dueState } from './dates.ts';

export const COLUMNS = [
  { id: 'label', title: 'Label' },
  { id: 'environment', title: 'Environment' },
  { id: 'status', title: 'Status' },
  { id: 'createdAt', title: 'Created' },
  { id: 'lastUsedAt', title: 'Last used' },
  { id: 'rotationDueAt', title: 'Rotation due' },
] as const;

export type SortColumn = (typeof COLUMNS)[number]['id'];
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  column: SortColumn;
  direction: SortDirection;
}

/** "live" (the default) hides revoked keys; "due" is overdue or due within the reminder window. */
export type StatusFilter = 'live' | 'all' | 'due' | KeyStatus;
export const ALL_ENVIRONMENTS = '';
export const ALL_ACCOUNTS = '';

export interface ListQuery {
  text: string;
  environment: string;
  /** An account id, or ALL_ACCOUNTS (the default). */
  account?: string;
  /** Accounts whose keys are never listed (a hidden built-in sandbox). */
  hiddenAccounts?: ReadonlySet<string>;
  status: StatusFilter;
  sort: Sort;
  /** The reminder window of the "due" filter, in days (settings.reminderDays; default 14). */
  dueWithinDays?: number;
}

/** The account column is shown whenever keys can belong to more than one account. */
export const ACCOUNT_COLUMN = { id: 'account', title: 'Account' } as const;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

// One lower-cased string per key view, made once: views are replaced, never mutated.
const haystacks = new WeakMap<KeyView, string>();

function haystack(k: KeyView): string {
  let h = haystacks.get(k);
  if (h === undefined) {
    h = [k.label, k.service, k.owner, k.environment, k.account, k.hint, k.fingerprint]
      .join('\n')
      .toLowerCase();
    haystacks.set(k, h);
  }
  return h;
}

function matchesStatus(k: KeyView, status: StatusFilter, now: number, within?: number): boolean {
  switch (status) {
    case 'all':
      return true;
    case 'live':
      return k.status !== 'revoked';
    case 'due':
      return k.status !== 'revoked' && dueState(k.rotationDueAt, now, within) !== null;
    default:
      return k.status === status;
  }
}

/** Missing dates sort last whatever the direction: "never used" is not "used long ago". */
function compare(a: KeyView, b: KeyView, column: SortColumn): number {
  const x = a[column];
  const y = b[column];
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return collator.compare(x, y);
}

/** Sorted by one column; ties fall back to the label. Nulls stay last in both directions. */
export function sortKeys(keys: readonly KeyView[], sort: Sort): KeyView[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const { column } = sort;
  return [...keys].sort((a, b) => {
    const nullish = (a[column] === null) !== (b[column] === null);
    const c = compare(a, b, column);
    return (nullish ? c : c * sign) || collator.compare(a.label, b.label);
  });
}

/** Keeps the order it is given: filtering a sorted list needs no second sort per keystroke. */
export function filterKeys(
  sorted: readonly KeyView[],
  q: Omit<ListQuery, 'sort'>,
  now: number,
): KeyView[] {
  const needle = q.text.trim().toLowerCase();
  const account = q.account ?? ALL_ACCOUNTS;
  return sorted.filter(
    (k) =>
      (account === ALL_ACCOUNTS || k.accountId === account) &&
      !q.hiddenAccounts?.has(k.accountId) &&
      (q.environment === ALL_ENVIRONMENTS || k.environment === q.environment) &&
      matchesStatus(k, q.status, now, q.dueWithinDays) &&
      (needle === '' || haystack(k).includes(needle)),
  );
}

export function filterAndSort(keys: readonly KeyView[], q: ListQuery, now: number): KeyView[] {
  return filterKeys(sortKeys(keys, q.sort), q, now);
}

export const STANDARD_ENVIRONMENTS = ['production', 'staging', 'development'];

/** The environments in use; with `standard`, the usual three as well (for suggestions). */
export function environmentsOf(keys: readonly KeyView[], standard = false): string[] {
  const set = new Set(standard ? STANDARD_ENVIRONMENTS : []);
  for (const k of keys) set.add(k.environment);
  return [...set].sort(collator.compare);
}
