// The keychain is missing or locked: the app stops here (never a plaintext fallback) and says
// how to fix it on each OS, this computer's first.
import type { AppStatus } from '../../../shared/views.ts';
import { keychainHelpInOrder } from '../../../shared/keychain-help.ts';
import { ActionButton } from './action-button.tsx';

interface Props {
  status: AppStatus;
  retrying: boolean;
  onRetry: () => void;
}

export function KeychainScreen({ status, retrying, onRetry }: Props) {
  const locked = status.keychain.state === 'locked';
  const fixes = keychainHelpInOrder(status.platform);
  return (
    <main className="screen" aria-labelledby="screen-title">
      <div className="screen__card">
        <h1 id="screen-title">
          {locked ? 'The keychain is locked' : 'The keychain is unavailable'}
        </h1>
        <p>
          ApexVerify Key Manager keeps every key in your operating system's keychain and never
          anywhere else, so it cannot show or use your keys until the keychain answers.
        </p>
        {status.keychain.message && (
          <p className="screen__reason" role="alert">
            {status.keychain.message}
          </p>
        )}
        <h2>How to fix it</h2>
        {fixes.map((f, i) => (
          <div role="group" key={f.os} className="fix" aria-labelledby={`fix-${f.os}`}>
            <h3 id={`fix-${f.os}`}>
              {f.name}
              {i === 0 && f.os === status.platform ? ' (this computer)' : ''}
            </h3>
            <ol>
              {f.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </div>
        ))}
        <ActionButton variant="primary" busy={retrying} onClick={onRetry}>
          Try again
        </ActionButton>
      </div>
    </main>
  );
}
