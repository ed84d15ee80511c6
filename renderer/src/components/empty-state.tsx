// First run: what the sandbox is for, and how to add a real ApexVerify account (in the Accounts
// dialog).
import { useShownAccounts } from '../hooks/use-shown-accounts.ts';
import { isBuiltInSandbox } from '../lib/accounts.ts';
import { useAppState } from '../state/context.ts';

export function EmptyState() {
  const openDialog = useAppState((s) => s.openDialog);
  const accounts = useShownAccounts();
  const sandbox = accounts.find(isBuiltInSandbox);
  return (
    <div role="group" className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No keys yet</h2>
      <p>
        Keys you add here are kept in your OS keychain. This window shows their labels, status and
        rotation dates, never the keys themselves, unless you ask to reveal one.
      </p>
      <h3>Try everything with the sandbox</h3>
      {sandbox ? (
        <p>
          The account “{sandbox.name}” is built in: a local server on this computer that answers
          like ApexVerify. Generate, verify, copy, write to .env, disable and revoke keys there
          without an ApexVerify account, credits or network. Nothing you do there reaches
          ApexVerify.
        </p>
      ) : (
        <p>
          The built-in sandbox account is not set up or is hidden here (Settings). Add a real
          account as below.
        </p>
      )}
      {accounts.length > 0 && (
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => openDialog({ kind: 'new-key' })}
        >
          Create your first key
        </button>
      )}
      <h3>Add your ApexVerify account</h3>
      <p>
        Add an account with its API key: the app checks the key with ApexVerify and keeps it in the
        OS keychain. It works in API mode where ApexVerify offers key management, and in dashboard
        mode otherwise; the account then appears under Account in “New key”.
      </p>
      <button
        type="button"
        className="btn btn--default"
        onClick={() => openDialog({ kind: 'accounts', adding: true })}
      >
        Add account…
      </button>
    </div>
  );
}
