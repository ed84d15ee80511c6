// Where a key is deployed, in the window: the states found by the last Check, forgetting a file,
// and Find copies as a job polled every 250 ms while it runs. Nothing here is a secret: a
// location is a path, a variable name and a time; a scan's progress is counts and paths.
import { errorInfoSchema, type ErrorInfo } from '../../../shared/errors.ts';
import type { OutputOf, Result } from '../../../shared/ipc/contract.ts';
import type { SliceCreator } from './types.ts';

export type LocationView = OutputOf<'keyLocations'>[number];
export type FindCopiesJob = OutputOf<'getFindCopies'>;

const POLL_MS = 250;

/** The job's error as the window's error shape (its contract keeps the code a plain string). */
const asErrorInfo = (e: NonNullable<FindCopiesJob['error']>): ErrorInfo => {
  const r = errorInfoSchema.safeParse(e);
  return r.success ? r.data : { code: 'INTERNAL', message: e.message };
};

export interface LocationsSlice {
  /** Per key id: its locations as the last Check found them (each with its state). */
  locationChecks: Record<string, LocationView[]>;
  /** The running or last Find copies, until its dialog is closed. */
  scanJob: FindCopiesJob | null;
  checkLocations(id: string): Promise<void>;
  forgetLocation(id: string, path: string): Promise<void>;
  startScan(id: string, dirs: string[]): Promise<void>;
  cancelScan(): Promise<void>;
  /** Its dialog closed: a finished scan is forgotten, a running one cancelled (and then forgotten). */
  dismissScan(): void;
}

export const createLocationsSlice: SliceCreator<LocationsSlice> = (set, get, api) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const labelOf = (id: string) => get().keys.find((k) => k.id === id)?.label ?? id;

  const apply = (job: FindCopiesJob) => {
    // A run whose dialog was closed (and so cancelled) is not kept once it has stopped.
    set({ scanJob: job.state !== 'running' && get().dialog?.kind !== 'scan' ? null : job });
    if (job.state === 'running') {
      clearTimeout(timer);
      timer = setTimeout(() => void poll(job.jobId), POLL_MS);
      return;
    }
    // Finished: the key's record holds the new locations, and its audit trail their events.
    void get().loadKeys();
    get().bumpRevision();
    if (job.error) get().failed('scan', 'Finding copies', asErrorInfo(job.error));
  };

  const poll = async (jobId: string) => {
    const r = await api.getFindCopies({ jobId });
    if (get().scanJob?.jobId !== jobId) return;
    if (r.ok) apply(r.value);
    else {
      get().failed('scan', 'Finding copies', r.error);
      set((s) => (s.scanJob ? { scanJob: { ...s.scanJob, state: 'failed' } } : {}));
    }
  };

  /** One call with its pending flag; failures are shown in the details panel. */
  const run = async <T>(pending: string, what: string, call: () => Promise<Result<T>>) => {
    get().setPending(pending, true);
    get().setError('details', null);
    try {
      const r = await call();
      if (r.ok) return r.value;
      get().failed('details', what, r.error);
      return null;
    } finally {
      get().setPending(pending, false);
    }
  };

  return {
    locationChecks: {},
    scanJob: null,
    async checkLocations(id) {
      const what = `Checking where "${labelOf(id)}" is`;
      const checked = await run(`locations:${id}`, what, () =>
        api.keyLocations({ id, check: true }),
      );
      if (checked) set((s) => ({ locationChecks: { ...s.locationChecks, [id]: checked } }));
    },
    async forgetLocation(id, path) {
      const what = `Forgetting ${path}`;
      const left = await run(`forget:${id}:${path}`, what, () => api.forgetLocation({ id, path }));
      if (!left) return;
      set((s) => {
        const checks = s.locationChecks[id];
        if (!checks) return {};
        return {
          locationChecks: { ...s.locationChecks, [id]: checks.filter((l) => l.path !== path) },
        };
      });
      get().bumpRevision();
      await get().loadKeys();
      get().say(`Forgot ${path}; the file was not changed.`);
    },
    async startScan(id, dirs) {
      if (get().scanJob?.state === 'running') return;
      get().setError('scan', null);
      get().setPending(`scan:${id}`, true);
      try {
        const r = await api.startFindCopies({ id, dirs });
        if (!r.ok) return get().failed('scan', 'Finding copies', r.error);
        apply(r.value);
      } finally {
        get().setPending(`scan:${id}`, false);
      }
    },
    async cancelScan() {
      const job = get().scanJob;
      if (!job || job.state !== 'running') return;
      const r = await api.cancelFindCopies({ jobId: job.jobId });
      if (!r.ok) get().failed('scan', 'Cancelling Find copies', r.error);
      // The next poll sees the job stop, with what it found so far.
    },
    dismissScan() {
      get().setError('scan', null);
      // Polled on until it stops, so what it found so far still reaches the list.
      if (get().scanJob?.state === 'running') return void get().cancelScan();
      clearTimeout(timer);
      set({ scanJob: null });
    },
  };
};
