// First run: what the sandbox is for, and how to add a real ApexVerify account.
import { useShallow } from 'zustand/react/shallow';
import { useAppState } from '../state/context.ts';

export const ADD_ACCOUNT_COMMAND =
  'apexkeys account add --name NAME --base-url https://api.apexverify.com';

export function EmptyState() {
  const { accounts, openDialog, reload } = useAppState(
    useShallow((s) => ({ accounts: s.accounts, openDialog: s.openDialog, reload: s.loadKeys })),
  );
  const sandbox = accounts.find((a) => a.isSandbox);
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
          The built-in sandbox account is not set up here. Run <code>npm start</code> from the
          project, which adds it, or add a real account as below.
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
        The app has no screen for adding accounts yet; use the apexkeys command line. It reads the
        account's API key from standard input (paste it when asked, or pipe it in), so the key never
        lands in your shell history:
      </p>
      <pre className="command selectable">
        <code>{ADD_ACCOUNT_COMMAND}</code>
      </pre>
      <p>
        Then reload the accounts; the new account appears under Account in “New key”. It works in
        API mode where ApexVerify offers key management, and in dashboard mode otherwise.
      </p>
      <button type="button" className="btn btn--default" onClick={() => void reload()}>
        Reload accounts
      </button>
    </div>
  );
}
