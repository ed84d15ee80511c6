// The jobs the window starts and polls (Verify all, Find copies…), kept by id: found, or refused
// in the caller's words once unknown, and pruned to the last few finished ones, which are kept
// only so a late poll still sees the outcome. Running jobs are never pruned.
import { AppError } from '../../../shared/errors.ts';

/** Finished jobs kept per registry. */
export const KEEP_FINISHED = 4;

export interface RegisteredJob {
  view: { jobId: string; state: string };
}

export interface JobRegistry<J extends RegisteredJob> {
  add(job: J): void;
  /** The job, or BAD_INPUT with the registry's words for an unknown one. */
  find(jobId: string): J;
  /** Every job kept, oldest first. */
  all(): J[];
  /** Forgets all but the newest `keep` finished jobs. */
  prune(): void;
}

export function createJobRegistry<J extends RegisteredJob>(
  unknownMessage: string,
  keep = KEEP_FINISHED,
): JobRegistry<J> {
  // A Map keeps insertion order: the oldest finished jobs go first.
  const jobs = new Map<string, J>();
  return {
    add: (job) => void jobs.set(job.view.jobId, job),
    find(jobId) {
      const job = jobs.get(jobId);
      if (!job) throw new AppError('BAD_INPUT', unknownMessage);
      return job;
    },
    all: () => [...jobs.values()],
    prune() {
      const finished = [...jobs.values()].filter((j) => j.view.state !== 'running');
      for (const j of finished.slice(0, Math.max(0, finished.length - keep)))
        jobs.delete(j.view.jobId);
    },
  };
}
