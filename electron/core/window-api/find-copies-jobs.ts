// "Find copies…" as a job the window polls and may cancel: a bounded read-only scan of the folders
// the user named for one key. Start answers at once; the count of files read grows while it runs.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { toErrorInfo } from '../../../shared/errors.ts';
import type { findCopiesJobSchema } from '../../../shared/ipc/location-channels.ts';
import type { CoreDeps } from '../deps.ts';
import { findCopies } from '../locations/find-copies.ts';
import type { ScanResult } from '../locations/scan.ts';
import { createJobRegistry } from './job-registry.ts';

export type FindCopiesJob = z.infer<typeof findCopiesJobSchema>;

export interface FindCopiesJobs {
  start(keyId: string, dirs: readonly string[]): FindCopiesJob;
  get(jobId: string): FindCopiesJob;
  cancel(jobId: string): FindCopiesJob;
}

interface Job {
  view: FindCopiesJob;
  abort: AbortController;
}

const copyProgress = (view: FindCopiesJob, r: Readonly<ScanResult>) => {
  view.read = r.read;
  view.skipped = { ...r.skipped };
  view.hits = r.hits.map((h) => ({ path: h.path, variables: [...h.variables] }));
  view.limitHit = r.limitHit;
};

export function createFindCopiesJobs(deps: CoreDeps): FindCopiesJobs {
  const jobs = createJobRegistry<Job>('That search for copies is no longer known.');
  const snapshot = (job: Job): FindCopiesJob => structuredClone(job.view);

  async function run(view: FindCopiesJob, dirs: readonly string[], signal: AbortSignal) {
    try {
      const r = await findCopies(deps, { id: view.keyId }, dirs, {
        signal,
        onProgress: (soFar) => copyProgress(view, soFar),
      });
      copyProgress(view, r);
      view.added = r.added;
      view.state = r.limitHit === 'cancelled' ? 'cancelled' : 'done';
    } catch (e) {
      view.state = 'failed';
      const info = toErrorInfo(e);
      view.error = {
        code: info.code,
        message: info.message,
        ...(info.field ? { field: info.field } : {}),
      };
    } finally {
      jobs.prune();
    }
  }

  return {
    start(keyId, dirs) {
      const view: FindCopiesJob = {
        jobId: randomUUID(),
        keyId,
        state: 'running',
        read: 0,
        skipped: { ignoredDirs: 0, tooLarge: 0, binary: 0, symlinks: 0, unreadable: 0 },
        hits: [],
        limitHit: null,
        added: 0,
      };
      const abort = new AbortController();
      const job: Job = { view, abort };
      jobs.add(job);
      void run(view, [...dirs], abort.signal);
      return snapshot(job);
    },
    get: (jobId) => snapshot(jobs.find(jobId)),
    cancel(jobId) {
      const job = jobs.find(jobId);
      if (job.view.state === 'running') job.abort.abort();
      return snapshot(job);
    },
  };
}
