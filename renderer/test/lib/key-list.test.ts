import { describe, expect, test } from 'vitest';
import { dueState, relativeTime } from '../../src/lib/dates.ts';
import { filterAndSort, type ListQuery } from '../../src/lib/key-list.ts';
import { makeKey } from '../support/fake-api.ts';

const DAY = 86_400_000;
const now = Date.parse('2025-06-15T12:00:00Z');
const q = (over: Partial<ListQuery> = {}): ListQuery => ({
  text: '',
  environment: '',
  status: 'live',
  sort: { column: 'label', direction: 'ascending' },
  ...over,
});

describe('the key list', () => {
  const keys = [
    makeKey({ label: 'b-prod', lastUsedAt: '2025-06-01T00:00:00Z', service: 'Checkout' }),
    makeKey({ label: 'a-stage', environment: 'staging', lastUsedAt: null }),
    makeKey({ label: 'c-gone', status: 'revoked' }),
    makeKey({ label: 'a10', lastUsedAt: '2025-05-01T00:00:00Z' }),
    makeKey({ label: 'a9', lastUsedAt: '2025-06-10T00:00:00Z' }),
  ];
  const labels = (ks: { label: string }[]) => ks.map((k) => k.label);

  test('hides revoked keys by default and sorts labels naturally', () => {
    expect(labels(filterAndSort(keys, q(), now))).toEqual(['a-stage', 'a9', 'a10', 'b-prod']);
  });

  test('filters by text in any field, environment and status', () => {
    expect(labels(filterAndSort(keys, q({ text: 'checkout' }), now))).toEqual(['b-prod']);
    expect(labels(filterAndSort(keys, q({ environment: 'staging' }), now))).toEqual(['a-stage']);
    expect(labels(filterAndSort(keys, q({ status: 'revoked' }), now))).toEqual(['c-gone']);
  });

  test('keeps keys never used last in both directions', () => {
    const asc = q({ sort: { column: 'lastUsedAt', direction: 'ascending' } });
    const desc = q({ sort: { column: 'lastUsedAt', direction: 'descending' } });
    expect(labels(filterAndSort(keys, asc, now))).toEqual(['a10', 'b-prod', 'a9', 'a-stage']);
    expect(labels(filterAndSort(keys, desc, now))).toEqual(['a9', 'b-prod', 'a10', 'a-stage']);
  });

  test('"due" shows keys overdue or due within 14 days', () => {
    const due = [
      makeKey({ label: 'late', rotationDueAt: new Date(now - DAY).toISOString() }),
      makeKey({ label: 'soon', rotationDueAt: new Date(now + 13 * DAY).toISOString() }),
      makeKey({ label: 'later', rotationDueAt: new Date(now + 15 * DAY).toISOString() }),
    ];
    expect(labels(filterAndSort(due, q({ status: 'due' }), now))).toEqual(['late', 'soon']);
  });
});

describe('dates', () => {
  test('relative times read naturally', () => {
    expect(relativeTime(new Date(now - 3 * DAY).toISOString(), now)).toBe('3 days ago');
    expect(relativeTime(new Date(now - 10_000).toISOString(), now)).toBe('just now');
    expect(relativeTime(new Date(now - 45_000).toISOString(), now, true)).toBe('45 s ago');
    expect(relativeTime(new Date(now + 14 * DAY).toISOString(), now)).toBe('in 2 weeks');
  });

  test('due state: overdue after the date, due soon within 14 days', () => {
    expect(dueState(null, now)).toBeNull();
    expect(dueState(new Date(now - 1).toISOString(), now)).toBe('overdue');
    expect(dueState(new Date(now + 14 * DAY).toISOString(), now)).toBe('soon');
    expect(dueState(new Date(now + 15 * DAY).toISOString(), now)).toBeNull();
  });
});
