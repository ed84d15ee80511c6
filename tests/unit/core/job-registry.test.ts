// The registry behind the window's polled jobs: found by id, refused in the caller's words once
// unknown, and pruned to the newest few finished jobs, never a running one.
import { describe, expect, it } from 'vitest';
import { createJobRegistry } from '../../../electron/core/window-api/job-registry.ts';

const job = (jobId: string, state: string) => ({ view: { jobId, state } });

describe('the job registry', () => {
  it('finds a job by id, and refuses an unknown one with BAD_INPUT in its words', () => {
    const jobs = createJobRegistry<ReturnType<typeof job>>('That run is no longer known.');
    const a = job('a', 'running');
    jobs.add(a);
    expect(jobs.find('a')).toBe(a);
    expect(() => jobs.find('b')).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: 'That run is no longer known.' }),
    );
  });

  it('keeps the newest finished jobs and every running one', () => {
    const jobs = createJobRegistry<ReturnType<typeof job>>('unknown', 2);
    for (const [id, state] of [
      ['old', 'done'],
      ['live', 'running'],
      ['mid', 'cancelled'],
      ['new', 'failed'],
    ] as const)
      jobs.add(job(id, state));
    jobs.prune();
    expect(jobs.all().map((j) => j.view.jobId)).toEqual(['live', 'mid', 'new']);
    // A job that finished since is pruned with the others, oldest first.
    jobs.find('live').view.state = 'done';
    jobs.prune();
    expect(jobs.all().map((j) => j.view.jobId)).toEqual(['mid', 'new']);
  });
});
