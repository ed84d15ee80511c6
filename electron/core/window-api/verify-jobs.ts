// "Verify all" as a job the window polls: one transport-neutral shape for IPC and HTTP alike.
import { randomUUID } from 'node:crypto';
import { AppError, toErrorInfo } from '../../../shared/errors.ts';
import type { VerifyJob, VerifyResult } from '../../../shared/views.ts';
import type { CoreDeps } from '../deps.ts';
import { verifyAll } from '../key-verify.ts';
import type { ReachabilityTracker } from '../reachability.ts';

export interface VerifyJobs {
  start(): VerifyJob;
  get(jobId: string): VerifyJob;
  cancel(jobId: string): VerifyJob;
}

interface Job {
  view: VerifyJob;
  abort: AbortController;
  /** Settles when the run has stopped, cancelled or not. */
  finished: Promise<void>;
}

// Finished jobs are kept only so a late poll still sees the outcome.
const KEEP_FINISHED = 4;

/**
 * Keys of an account the tracker knows to be unreachable are not sent: each would only wait for
 * its timeout. The accounts are judged once, when the run starts: one that comes back during the
 * run stays skipped until the next Verify all, and one that goes down mid-run fails its remaining
 * keys with the network error (the tracker learns it from the first).
 */
export function createVerifyJobs(
  deps: CoreDeps,
  reachability?: Pick<ReachabilityTracker, 'get'>,
): VerifyJobs {
  const jobs = new Map<string, Job>();

  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('BAD_INPUT', 'That verification run is no longer known.');
    return job;
  };
  const snapshot = (job: Job): VerifyJob => structuredClone(job.view);
  const add = (view: VerifyJob, r: VerifyResult) => {
    view.results.push(r);
    view.done = view.results.length + view.skipped.length;
    if (r.status === 'ok') view.ok++;
    else view.failed++;
  };
  const offline = (accountId: string, name: string): string | null =>
    reachability?.get(accountId).state === 'offline' ? `account "${name}" is offline` : null;
  const prune = () => {
    const finished = [...jobs.values()].filter((j) => j.view.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      jobs.delete(j.view.jobId);
  };

  async function run(view: VerifyJob, signal: AbortSignal): Promise<void> {
    try {
      if (signal.aborted) throw new AppError('CANCELLED', 'Verification was cancelled.');
      const d = await deps.store.read();
      view.total = d.keys.filter((k) => k.status !== 'revoked').length;
      await verifyAll(deps, {
        signal,
        skipAccount: (a) => offline(a.id, a.name),
        // Every skip is known before the first key is sent.
        onSkip: (skip) => {
          view.skipped.push(skip);
          view.done = view.results.length + view.skipped.length;
        },
        onProgress: ({ total, last }) => {
          view.total = total + view.skipped.length;
          add(view, last);
        },
      });
      view.total = view.done;
      view.state = 'done';
    } catch (e) {
      view.state = signal.aborted ? 'cancelled' : 'failed';
      if (view.state === 'failed') view.error = toErrorInfo(e);
    } finally {
      prune();
    }
  }

  return {
    start() {
      // One run at a time: a second click joins the running one. A cancelled run that is still
      // winding down is not joined; the new run waits for it to stop first.
      const running = [...jobs.values()].filter((j) => j.view.state === 'running');
      const active = running.find((j) => !j.abort.signal.aborted);
      if (active) return snapshot(active);
      const view: VerifyJob = {
        jobId: randomUUID(),
        state: 'running',
        done: 0,
        total: 0,
        ok: 0,
        failed: 0,
        results: [],
        skipped: [],
        error: null,
      };
      const abort = new AbortController();
      const previous = running.at(-1)?.finished ?? Promise.resolve();
      const job: Job = { view, abort, finished: previous.then(() => run(view, abort.signal)) };
      jobs.set(view.jobId, job);
      return snapshot(job);
    },
    get: (jobId) => snapshot(find(jobId)),
    cancel(jobId) {
      const job = find(jobId);
      if (job.view.state === 'running') job.abort.abort();
      return snapshot(job);
    },
  };
}
