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

function matchesText(k: KeyView, needle: string): boolean {
  if (needle === '') return true;
  return [k.label, k.service, k.owner, k.environment, k.account, k.hint, k.fingerprint].some((f) =>
    f.toLowerCase().includes(needle),
  );
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

export function filterAndSort(keys: readonly KeyView[], q: ListQuery, now: number): KeyView[] {
  const needle = q.text.trim().toLowerCase();
  const out = keys.filter(
    (k) =>
      (q.environment === ALL_ENVIRONMENTS || k.environment === q.environment) &&
      matchesStatus(k, q.status, now) &&
      matchesText(k, needle),
  );
  const sign = q.sort.direction === 'ascending' ? 1 : -1;
  const { column } = q.sort;
  return out.sort((a, b) => {
    const nullish = (a[column] === null) !== (b[column] === null);
    const c = compare(a, b, column);
    // Nulls stay last in both directions; ties fall back to the label.
    return (nullish ? c : c * sign) || collator.compare(a.label, b.label);
  });
}

export const STANDARD_ENVIRONMENTS = ['production', 'staging', 'development'];

/** The environments in use; with `standard`, the usual three as well (for suggestions). */
export function environmentsOf(keys: readonly KeyView[], standard = false): string[] {
  const set = new Set(standard ? STANDARD_ENVIRONMENTS : []);
  for (const k of keys) set.add(k.environment);
  return [...set].sort(collator.compare);
}
