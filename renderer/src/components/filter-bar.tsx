// Above the list: the text filter and the account, environment and status filters.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useShownAccounts } from '../hooks/use-shown-accounts.ts';
import {
  ALL_ACCOUNTS,
  ALL_ENVIRONMENTS,
  environmentsOf,
  type StatusFilter,
} from '../lib/key-list.ts';
import { useAppState } from '../state/context.ts';
import { FILTER_ID } from '../lib/element-ids.ts';

const STATUS_OPTIONS: Array<[StatusFilter, string]> = [
  ['live', 'Live keys (not revoked)'],
  ['all', 'All keys'],
  ['active', 'Active'],
  ['disabled', 'Disabled'],
  ['pending', 'Pending'],
  ['revoked', 'Revoked'],
  ['due', 'Due for rotation'],
];

const isStatusFilter = (v: string): v is StatusFilter => STATUS_OPTIONS.some(([o]) => o === v);

export function FilterBar() {
  const s = useAppState(
    useShallow((st) => ({
      keys: st.keys,
      query: st.query,
      environment: st.environmentFilter,
      account: st.accountFilter,
      setAccount: st.setAccountFilter,
      status: st.statusFilter,
      setQuery: st.setQuery,
      setEnvironment: st.setEnvironmentFilter,
      setStatus: st.setStatusFilter,
    })),
  );
  const environments = useMemo(() => environmentsOf(s.keys), [s.keys]);
  const accounts = useShownAccounts();
  return (
    <div className="filter-bar" role="search">
      <input
        id={FILTER_ID}
        type="search"
        className="input filter-bar__text"
        aria-label="Filter keys"
        placeholder="Filter by label, service, owner…"
        aria-keyshortcuts="Control+F Meta+F"
        value={s.query}
        onChange={(e) => s.setQuery(e.target.value)}
        spellCheck={false}
        autoComplete="off"
      />
      <select
        className="input"
        aria-label="Account"
        value={s.account}
        onChange={(e) => s.setAccount(e.target.value)}
      >
        <option value={ALL_ACCOUNTS}>All accounts</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label="Environment filter"
        value={s.environment}
        onChange={(e) => s.setEnvironment(e.target.value)}
      >
        <option value={ALL_ENVIRONMENTS}>All environments</option>
        {environments.map((env) => (
          <option key={env} value={env}>
            {env}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label="Status filter"
        value={s.status}
        onChange={(e) => {
          if (isStatusFilter(e.target.value)) s.setStatus(e.target.value);
        }}
      >
        {STATUS_OPTIONS.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
