// "You can try again in 12 s", counting down from a 429's Retry-After, after the reason. Not a
// live region of its own: the alert is announced once, not again every second.
import { useSecondsLeft } from '../hooks/use-now.ts';

export function RetryCountdown({ deadline, reason }: { deadline: number; reason?: string }) {
  const left = useSecondsLeft(deadline);
  return (
    <p className="alert__countdown" aria-live="off">
      {reason && `${reason} `}
      {left > 0 ? `You can try again in ${left} s.` : 'You can try again now.'}
    </p>
  );
}
