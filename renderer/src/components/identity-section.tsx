// Settings: this installation's age recipient, to give whoever shares keys with you. It is public
// (it can only encrypt to this installation), so Copy uses the window's own clipboard: main's
// copy channel is for secrets and clears the clipboard after a while, which this does not need.
import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../shared/errors.ts';
import { useApi } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';

type Copied = 'copied' | 'failed' | null;

export function IdentitySection() {
  const api = useApi();
  const [recipient, setRecipient] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [copied, setCopied] = useState<Copied>(null);
  useEffect(() => {
    let live = true;
    void api.getIdentity({}).then((r) => {
      if (!live) return;
      if (r.ok) setRecipient(r.value.recipient);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const copy = async () => {
    if (recipient === null) return;
    const done = await navigator.clipboard?.writeText(recipient).then(
      () => true,
      () => false,
    );
    setCopied(done ? 'copied' : 'failed');
  };
  // Outside the .field class: Settings lays its fields out in two columns, and this takes a row.
  return (
    <div className="identity-section">
      <div className="field">
        <label htmlFor="identity-recipient">This installation’s recipient</label>
        {recipient !== null ? (
          <>
            <input
              id="identity-recipient"
              className="input mono"
              value={recipient}
              readOnly
              spellCheck={false}
              aria-describedby="identity-hint"
              onFocus={(e) => e.currentTarget.select()}
            />
            <div className="button-row">
              <ActionButton onClick={() => void copy()}>Copy</ActionButton>
              <span role="status">
                {copied === 'copied'
                  ? 'Copied the recipient.'
                  : copied === 'failed'
                    ? 'The clipboard is not available here: select the recipient and copy it.'
                    : ''}
              </span>
            </div>
          </>
        ) : error ? (
          <p role="alert" className="field__problem">
            The recipient could not be read: {error.message}
          </p>
        ) : (
          <p role="status">Reading the recipient…</p>
        )}
        <p id="identity-hint" className="field__hint">
          Give it to a teammate who shares a key with you: files encrypted to it open only in this
          installation. It is not a secret.
        </p>
      </div>
    </div>
  );
}
