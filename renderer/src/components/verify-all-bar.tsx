// Progress of "Verify all": a progress bar with "N of M", a Cancel button and the time left and
// pace while it runs (verify-all-pace.tsx), and a summary once it has finished, kept until the
// user dismisses it.
import { useShallow } from 'zustand/react/shallow';
import { useAppState } from '../state/context.ts';
import { VerifyAllPace } from './verify-all-pace.tsx';

const FINISHED: Record<string, string> = {
  done: 'Verify all finished',
  cancelled: 'Verify all cancelled',
  failed: 'Verify all stopped',
};

export function VerifyAllBar() {
  const { job, cancel, dismiss } = useAppState(
    useShallow((s) => ({ job: s.job, cancel: s.cancelVerifyAll, dismiss: s.dismissJob })),
  );
  if (!job) return null;
  const running = job.state === 'running';
  const max = Math.max(job.total, job.done);
  const percent = max === 0 ? 0 : Math.round((job.done / max) * 100);
  return (
    <div role="group" className={`verify-bar verify-bar--${job.state}`} aria-label="Verify all">
      <span className="verify-bar__title">
        {running ? 'Verifying keys…' : (FINISHED[job.state] ?? 'Verify all')}
      </span>
      <div
        role="progressbar"
        aria-label="Verify all progress"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={job.done}
        aria-valuetext={`${job.done} of ${max}`}
        className="progress"
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="verify-bar__counts">
        {job.done} of {max}
        <span className="verify-bar__detail">
          {' '}
          · {job.ok} OK · {job.failed} failed
          {job.skipped.length > 0 && ` · ${job.skipped.length} skipped`}
        </span>
      </span>
      {running ? (
        <button type="button" className="btn btn--default" onClick={() => void cancel()}>
          Cancel
        </button>
      ) : (
        <button type="button" className="btn btn--quiet" onClick={dismiss}>
          Dismiss
        </button>
      )}
      {running && <VerifyAllPace job={job} />}
    </div>
  );
}
