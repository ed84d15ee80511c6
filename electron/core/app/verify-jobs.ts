// "Verify all" as a job the window polls: one transport-neutral shape for IPC and HTTP alike.
import { randomUUID } from 'node:crypto';
import { AppError, toErrorInfo } from '../../../shared/errors.ts';
import type { VerifyJob } from '../../../shared/views.ts';
import type { CoreDeps } from '../deps.ts';
import { verifyAll, type VerifyResult } from '../key-verify.ts';

export interface VerifyJobs {
  start(): VerifyJob;
  get(jobId: string): VerifyJob;
  cancel(jobId: string): VerifyJob;
}

interface Job {
  view: VerifyJob;
  abort: AbortController;
}

// Finished jobs are kept only so a late poll still sees the outcome.
const KEEP_FINISHED = 4;

export function createVerifyJobs(deps: CoreDeps): VerifyJobs {
  const jobs = new Map<string, Job>();

  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('BAD_INPUT', 'That verification run is no longer known.');
    return job;
  };
  const snapshot = (job: Job): VerifyJob => structuredClone(job.view);
  const add = (view: VerifyJob, r: VerifyResult) => {
    view.results.push(r);
    view.done = view.results.length;
    if (r.status === 'ok') view.ok++;
    else view.failed++;
  };
  const prune = () => {
    const finished = [...jobs.values()].filter((j) => j.view.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      jobs.delete(j.view.jobId);
  };

  return {
    start() {
      // One run at a time: a second click joins the running one.
      const running = [...jobs.values()].find((j) => j.view.state === 'running');
      if (running) return snapshot(running);
      const view: VerifyJob = {
        jobId: randomUUID(),
        state: 'running',
        done: 0,
        total: 0,
        ok: 0,
        failed: 0,
        results: [],
        error: null,
      };
      const job: Job = { view, abort: new AbortController() };
      jobs.set(view.jobId, job);
      void (async () => {
        try {
          const d = await deps.store.read();
          view.total = d.keys.filter((k) => k.status !== 'revoked').length;
          await verifyAll(deps, {
            signal: job.abort.signal,
            onProgress: ({ total, last }) => {
              view.total = total;
              add(view, last);
            },
          });
          view.state = 'done';
        } catch (e) {
          view.state = job.abort.signal.aborted ? 'cancelled' : 'failed';
          if (view.state === 'failed') view.error = toErrorInfo(e);
        } finally {
          prune();
        }
      })();
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
