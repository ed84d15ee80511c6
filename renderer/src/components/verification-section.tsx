// The key's last verification (when, outcome, the account's credits) and a Verify button.
import type { KeyView } from '../../../shared/views.ts';
import { useAccountOffline, usePending, useSkipReason } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { codeWords } from '../lib/errors.ts';
import { RelativeTime } from './relative-time.tsx';

const OUTCOME: Record<'ok' | 'unauthorized' | 'error', string> = {
  ok: 'Works: ApexVerify accepted the key.',
  unauthorized: 'Rejected (401): the key no longer works. Rotate or replace it.',
  error: 'The check failed, which says nothing about the key itself.',
};

const number = new Intl.NumberFormat();

export function VerificationSection({ keyView: k }: { keyView: KeyView }) {
  const verify = useAppState((s) => s.verifyKey);
  const offlineReason = useAccountOffline(k.accountId);
  const busy = usePending(`verify:${k.id}`);
  const skipped = useSkipReason(k.id);
  const v = k.lastVerification;
  const revoked = k.status === 'revoked';
  // A key created elsewhere, or handed over to a teammate, has no secret here to verify with.
  const verifiable = !revoked && k.custody === 'local';
  return (
    <div role="group" className="details__section" aria-labelledby="verification-heading">
      <div className="section-head">
        <h3 id="verification-heading">Last verification</h3>
        {verifiable && (
          <ActionButton
            busy={busy}
            disabledReason={offlineReason}
            onClick={() => void verify(k.id)}
          >
            Verify
          </ActionButton>
        )}
      </div>
      {skipped && <p role="note">Skipped by Verify all: {skipped}.</p>}
      {v === null ? (
        <p className="muted">Not verified yet.</p>
      ) : (
        <dl className="facts">
          <dt>Checked</dt>
          <dd>
            <RelativeTime iso={v.at} />
            {revoked && <span className="muted"> (before it was revoked)</span>}
          </dd>
          <dt>Outcome</dt>
          <dd className={`outcome outcome--${v.outcome}`}>
            {OUTCOME[v.outcome]}
            {v.outcome === 'error' && codeWords(v.errorCode)
              ? ` Cause: ${codeWords(v.errorCode)}.`
              : ''}
          </dd>
          <dt>Credits</dt>
          <dd>
            {v.credits
              ? `${number.format(v.credits.email)} email · ${number.format(v.credits.phone)} phone`
              : 'Not reported'}
          </dd>
        </dl>
      )}
    </div>
  );
}
