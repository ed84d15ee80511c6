// An inline error: what failed, the core's explanation, and what to do next.
import { isTimedRateLimit, nextStep, RATE_LIMIT_REASON, statusSuffix } from '../lib/errors.ts';
import type { ScopedError } from '../state/messages-slice.ts';
import { RetryCountdown } from './retry-countdown.tsx';

interface Props {
  failure: ScopedError;
  onDismiss?: () => void;
  /** The failed call carried a key the user pasted (dashboard capture): a 401 is about that key. */
  pasted?: boolean;
}

export function ErrorAlert({ failure, onDismiss, pasted = false }: Props) {
  const { what, error, at } = failure;
  const step = nextStep(error, pasted);
  return (
    <div role="alert" className="alert alert--error">
      <div className="alert__body">
        <p className="alert__title">
          {what} failed{statusSuffix(error)}.
        </p>
        {isTimedRateLimit(error) ? (
          // One message, one number: the core's text also names the wait, and it would go stale.
          <RetryCountdown reason={RATE_LIMIT_REASON} deadline={at + error.retryAfterSec * 1000} />
        ) : (
          <p>{error.message}</p>
        )}
        {step && <p className="alert__step">{step}</p>}
      </div>
      {onDismiss && (
        <button type="button" className="btn btn--quiet alert__close" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
