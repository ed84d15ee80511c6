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

/** "live" (the default) hides revoked keys; "due" is overdue or due within 14 days. */
export type StatusFilter = 'live' | 'all' | 'due' | KeyStatus;
export const ALL_ENVIRONMENTS = '';

export interface ListQuery {
  text: string;
  environment: string;
  status: StatusFilter;
  sort: Sort;
}

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

function matchesStatus(k: KeyView, status: StatusFilter, now: number): boolean {
  switch (status) {
    case 'all':
      return true;
    case 'live':
      return k.status !== 'revoked';
    case 'due':
      return k.status !== 'revoked' && dueState(k.rotationDueAt, now) !== null;
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
  return sorted.filter(
    (k) =>
      (q.environment === ALL_ENVIRONMENTS || k.environment === q.environment) &&
      matchesStatus(k, q.status, now) &&
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
