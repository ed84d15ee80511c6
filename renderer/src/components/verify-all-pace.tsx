// The line under the Verify all bar while it runs: the time left and why the run goes at its
// pace (the core's words, from the real rate share), or, while ApexVerify has asked to slow down
// (a 429's Retry-After), that one message with one live countdown instead.
import type { VerifyJob } from '../../../shared/views.ts';
import { useShownAccounts } from '../hooks/use-shown-accounts.ts';
import { RetryCountdown } from './retry-countdown.tsx';

/** "about 40 s left", "about 3 min left": an estimate, so rounded to what is worth reading. */
export function timeLeftWords(seconds: number): string {
  if (seconds < 5) return 'a few seconds left';
  if (seconds < 90) return `about ${Math.round(seconds / 5) * 5} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

const continuing = (left: number): string =>
  left > 0 ? `continuing in ${left} s.` : 'continuing now.';

const capitalized = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export function VerifyAllPace({ job }: { job: VerifyJob }) {
  const several = useShownAccounts().length > 1;
  const wait = job.rateWait;
  if (wait)
    return (
      <div className="verify-bar__pace">
        <RetryCountdown
          deadline={Date.parse(wait.until)}
          reason={`ApexVerify asked to slow down${several ? ` (account “${wait.account}”)` : ''}:`}
          say={continuing}
        />
      </div>
    );
  if (!job.pacing) return null;
  const left = typeof job.secondsLeft === 'number' ? timeLeftWords(job.secondsLeft) : null;
  const line = left ? `${left} · ${job.pacing.reason}` : job.pacing.reason;
  return <p className="verify-bar__pace">{capitalized(line)}.</p>;
}
