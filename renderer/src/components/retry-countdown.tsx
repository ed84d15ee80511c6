// "You can try again in 12 s", counting down from a 429's Retry-After.
import { useSecondsLeft } from '../hooks/use-now.ts';

export function RetryCountdown({ deadline }: { deadline: number }) {
  const left = useSecondsLeft(deadline);
  return (
    <p className="alert__countdown">
      {left > 0 ? `You can try again in ${left} s.` : 'You can try again now.'}
    </p>
  );
}
