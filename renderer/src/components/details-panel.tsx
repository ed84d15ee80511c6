// The details of the open key: a region named after its label, beside the list. Mounted per
// key (keyed by id in the main window), so a revealed secret or a draft never carries over.
import { useShallow } from 'zustand/react/shallow';
import type { KeyView } from '../../../shared/views.ts';
import { useAccount, useKey, useRowOutcome } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { AuditList } from './audit-list.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { KeyButtons } from './key-buttons.tsx';
import { KeyDates } from './key-dates.tsx';
import { LocationsSection } from './locations-section.tsx';
import { MetadataForm } from './metadata-form.tsx';
import { OutcomePill } from './outcome-pill.tsx';
import { RevokedNote } from './revoked-note.tsx';
import { RotationSection } from './rotation-section.tsx';
import { StatusPill } from './status-pill.tsx';
import { VerificationSection } from './verification-section.tsx';

function HeaderStatus({ keyView: k }: { keyView: KeyView }) {
  const outcome = useRowOutcome(k);
  // As in the row: a key ApexVerify last rejected is not headed as a healthy Active key.
  if (k.status === 'active' && outcome === 'unauthorized') return <OutcomePill outcome={outcome} />;
  return <StatusPill status={k.status} custody={k.custody} heldBy={k.heldBy ?? null} />;
}

/** A key created elsewhere: nothing here can hand it out until its secret is pasted. */
function RemoteOnlySection({ keyView: k }: { keyView: KeyView }) {
  const openDialog = useAppState((s) => s.openDialog);
  return (
    <div role="group" className="details__section" aria-label="Not on this device">
      <p>
        This key was created elsewhere: the server lists it, but its secret is not on this device,
        so it cannot be copied, revealed, written to a .env file or verified here. Capture it by
        pasting its secret.
      </p>
      <div className="button-row">
        <ActionButton
          variant="primary"
          onClick={() => openDialog({ kind: 'capture', keyId: k.id })}
        >
          Capture…
        </ActionButton>
      </div>
    </div>
  );
}

export function DetailsPanel({ keyId }: { keyId: string }) {
  const k = useKey(keyId);
  const account = useAccount(k?.accountId);
  const { close, error, setError } = useAppState(
    useShallow((s) => ({
      close: s.closeDetails,
      error: s.errors.details,
      setError: s.setError,
    })),
  );
  if (!k) return null;
  return (
    <section
      role="region"
      aria-label={k.label}
      className="details"
      tabIndex={-1}
      data-focus-return=""
    >
      <header className="details__header">
        <div className="details__title">
          <h2>{k.label}</h2>
          <HeaderStatus keyView={k} />
        </div>
        <p className="details__sub">
          <span title="Account">{k.account}</span>
          {account && <span>{account.mode === 'api' ? 'API mode' : 'Dashboard mode'}</span>}
          <span className="mono" title="Masked key">
            {k.hint}
          </span>
          <span className="mono" title="Fingerprint (SHA-256, first 12 hex)">
            {k.fingerprint}
          </span>
        </p>
        <button
          type="button"
          className="btn btn--quiet details__close"
          aria-label="Close details"
          title="Close details (Esc)"
          onClick={close}
        >
          <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <path d="M2.5 2.5l7 7M9.5 2.5l-7 7" />
          </svg>
        </button>
      </header>
      <div className="details__body">
        {error && <ErrorAlert failure={error} onDismiss={() => setError('details', null)} />}
        {k.status === 'revoked' ? (
          <RevokedNote keyView={k} />
        ) : k.custody === 'remote-only' ? (
          <RemoteOnlySection keyView={k} />
        ) : (
          <>
            <KeyButtons keyView={k} mode={account?.mode ?? 'api'} />
            <RotationSection keyView={k} />
          </>
        )}
        <VerificationSection keyView={k} />
        <LocationsSection keyView={k} />
        <KeyDates keyView={k} />
        <MetadataForm keyView={k} />
        <AuditList keyId={k.id} />
      </div>
    </section>
  );
}
