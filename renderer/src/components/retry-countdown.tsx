// "You can try again in 12 s", counting down from a 429's Retry-After, after the reason. Not a
// live region of its own: the alert is announced once, not again every second.
import { useSecondsLeft } from '../hooks/use-now.ts';

interface Props {
  deadline: number;
  reason?: string;
  /** The words for the seconds left (0 once the wait is over), where the default does not fit:
   * Verify all goes on by itself, so it says "continuing in 12 s" instead. */
  say?: (secondsLeft: number) => string;
}

const tryAgain = (left: number): string =>
  left > 0 ? `You can try again in ${left} s.` : 'You can try again now.';

export function RetryCountdown({ deadline, reason, say = tryAgain }: Props) {
  const left = useSecondsLeft(deadline);
  return (
    <p className="alert__countdown" aria-live="off">
      {reason && `${reason} `}
      {say(left)}
    </p>
  );
}
