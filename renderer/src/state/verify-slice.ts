// "Verify all" as a job the window polls every 250 ms while it runs, and the latest outcome per key.
import { isNetworkError } from '../../../shared/errors.ts';
import type { VerifyJob, VerifyResult } from '../../../shared/views.ts';
import type { SliceCreator } from './types.ts';

const POLL_MS = 250;

export interface VerifySlice {
  job: VerifyJob | null;
  /** This session's latest outcome per key id: from Verify, or from the running Verify all. */
  verifyResults: Record<string, VerifyResult>;
  /** Epoch ms of this session's last enable or disable per key: older outcomes are stale. */
  statusChangedAt: Record<string, number>;
  /** Forgets the key's outcomes from before its status changed. */
  statusChanged(id: string): void;
  startVerifyAll(): Promise<void>;
  cancelVerifyAll(): Promise<void>;
  dismissJob(): void;
  recordResult(result: VerifyResult): void;
}

export const createVerifySlice: SliceCreator<VerifySlice> = (set, get, api) => {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const apply = (job: VerifyJob) => {
    set((s) => {
      const verifyResults = { ...s.verifyResults };
      for (const r of job.results) verifyResults[r.keyId] = r;
      return { job, verifyResults };
    });
    if (job.state === 'running') {
      clearTimeout(timer);
      timer = setTimeout(() => void poll(job.jobId), POLL_MS);
      return;
    }
    // Finished: the store now holds every key's last verification and last-used time.
    void get().loadKeys();
    if (job.error) get().failed('list', 'Verify all', job.error);
    else if (job.results.some((r) => r.error && isNetworkError(r.error)))
      void get().checkConnection();
  };

  const poll = async (jobId: string) => {
    const r = await api.getVerifyAll({ jobId });
    if (get().job?.jobId !== jobId) return;
    if (r.ok) apply(r.value);
    else {
      get().failed('list', 'Verify all', r.error);
      set((s) => (s.job ? { job: { ...s.job, state: 'failed' } } : {}));
    }
  };

  return {
    job: null,
    verifyResults: {},
    statusChangedAt: {},
    statusChanged(id) {
      set((s) => {
        const verifyResults = { ...s.verifyResults };
        delete verifyResults[id];
        return { verifyResults, statusChangedAt: { ...s.statusChangedAt, [id]: Date.now() } };
      });
    },
    async startVerifyAll() {
      if (get().job?.state === 'running') return;
      get().setError('list', null);
      const r = await api.startVerifyAll({});
      if (!r.ok) return get().failed('list', 'Verify all', r.error);
      set({ verifyResults: {} });
      apply(r.value);
    },
    async cancelVerifyAll() {
      const job = get().job;
      if (!job || job.state !== 'running') return;
      const r = await api.cancelVerifyAll({ jobId: job.jobId });
      if (!r.ok) get().failed('list', 'Cancelling Verify all', r.error);
      // The next poll sees the job stop; the core finishes the key it is on.
    },
    dismissJob() {
      if (get().job?.state === 'running') return;
      clearTimeout(timer);
      set({ job: null });
    },
    recordResult: (result) =>
      set((s) => ({ verifyResults: { ...s.verifyResults, [result.keyId]: result } })),
  };
};
