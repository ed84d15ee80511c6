// The Accounts dialog's table: each account's name, server, mode, reachability and key count,
// with Rename… and Remove… (the built-in sandbox keeps its name and cannot be removed).
import type { AccountView } from '../../../shared/views.ts';
import { ActionButton } from './action-button.tsx';
import { WrappingPath } from './wrapping-path.tsx';
import { isBuiltInSandbox, keyCountWords, modeWords, reachabilityWords } from '../lib/accounts.ts';

interface Props {
  accounts: AccountView[];
  onCheck: (id: string) => void;
  /** Ids of the accounts being checked now. */
  checking: ReadonlySet<string>;
  onRename: (id: string) => void;
  onRemove: (id: string) => void;
}

export function AccountList({ accounts, onCheck, checking, onRename, onRemove }: Props) {
  if (accounts.length === 0)
    return <p className="muted">No accounts yet. Add one to create or import keys.</p>;
  return (
    <table className="account-table" aria-label="Accounts">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">API base URL</th>
          <th scope="col">Mode</th>
          <th scope="col">Reachability</th>
          <th scope="col">Keys</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((a) => {
          const builtIn = isBuiltInSandbox(a);
          return (
            <tr key={a.id}>
              <th scope="row">
                {a.name}
                {builtIn && <span className="pill account-table__tag">Built-in sandbox</span>}
              </th>
              <td className="account-table__url">
                {/* Breaks after a "/", never inside the host or the port. */}
                <WrappingPath path={a.baseUrl} />
              </td>
              <td className="account-table__nowrap">{modeWords(a)}</td>
              <td>
                {reachabilityWords(a)}
                {a.reachability.state !== 'online' && (
                  <ActionButton
                    variant="quiet"
                    busy={checking.has(a.id)}
                    onClick={() => onCheck(a.id)}
                  >
                    Try again
                  </ActionButton>
                )}
              </td>
              <td className="account-table__nowrap">{keyCountWords(a.keyCount)}</td>
              <td>
                {builtIn ? (
                  <span className="muted">Built in: kept as it is</span>
                ) : (
                  <div className="account-table__actions">
                    <button
                      type="button"
                      className="btn btn--default"
                      onClick={() => onRename(a.id)}
                    >
                      Rename…
                    </button>
                    <button
                      type="button"
                      className="btn btn--danger"
                      onClick={() => onRemove(a.id)}
                    >
                      Remove…
                    </button>
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
