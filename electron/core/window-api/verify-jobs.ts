// "Verify all" as a job the window polls: one transport-neutral shape for IPC and HTTP alike.
import { randomUUID } from 'node:crypto';
import { AppError, toErrorInfo } from '../../../shared/errors.ts';
import type { VerifyJob, VerifyResult } from '../../../shared/views.ts';
import type { CoreDeps } from '../deps.ts';
import { verifyAll, type VerifyPlan } from '../key-verify.ts';
import type { ReachabilityTracker } from '../reachability.ts';
import { estimateSecondsLeft, pacingReason } from '../verify-pace.ts';
import { createJobRegistry } from './job-registry.ts';

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
  /** Set once the run has chosen its keys: their accounts and pace, for the estimate. */
  plan?: { plan: VerifyPlan; accountOf: Map<string, string>; startedAt: number };
  /** Per account name: epoch ms until which a 429's Retry-After holds its requests. */
  waits: Map<string, number>;
}

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
  const jobs = createJobRegistry<Job>('That verification run is no longer known.');
  const snapshot = (job: Job): VerifyJob => {
    const view = structuredClone(job.view);
    if (view.state === 'running' && job.plan) Object.assign(view, pace(job, job.plan));
    return view;
  };
  /** The parts of a running job's view that move with time: pace, estimate, current wait. */
  const pace = (job: Job, { plan, accountOf, startedAt }: NonNullable<Job['plan']>) => {
    const now = deps.clock.now().getTime();
    const left = new Map<string, number>();
    for (const id of [...(job.view.queued ?? []), ...(job.view.checking ?? [])]) {
      const account = accountOf.get(id) as string;
      left.set(account, (left.get(account) ?? 0) + 1);
    }
    const accountIds = [...new Set(accountOf.values())];
    const rates = accountIds.map((id) => plan.perSecond(id));
    const perMinute =
      rates.length > 0 && rates.every((r) => r !== null)
        ? Math.round(rates.reduce((n: number, r) => n + (r as number) * 60, 0))
        : null;
    // The wait that ends last is the one to tell of; one already over is no longer a wait.
    const [account, until] = [...job.waits].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    return {
      pacing: {
        share: plan.share,
        perMinute,
        reason: pacingReason(plan.share, accountIds.length, perMinute),
      },
      secondsLeft: estimateSecondsLeft(
        accountIds.map((id) => ({ left: left.get(id) ?? 0, perSecond: plan.perSecond(id) })),
        { answered: job.view.results.length, elapsedSec: (now - startedAt) / 1000 },
      ),
      rateWait: until > now ? { account, until: new Date(until).toISOString() } : null,
    } satisfies Partial<VerifyJob>;
  };
  const add = (view: VerifyJob, r: VerifyResult) => {
    view.results.push(r);
    view.done = view.results.length + view.skipped.length;
    if (r.status === 'ok') view.ok++;
    else view.failed++;
  };
  const offline = (accountId: string, name: string): string | null =>
    reachability?.get(accountId).state === 'offline' ? `account "${name}" is offline` : null;

  async function run(job: Job, signal: AbortSignal): Promise<void> {
    const { view } = job;
    const drop = (list: string[] | undefined, id: string) => list?.filter((x) => x !== id);
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
        onPlan: (plan) => {
          const accountOf = new Map(plan.keys.map((k) => [k.id, k.accountId]));
          job.plan = { plan, accountOf, startedAt: deps.clock.now().getTime() };
          view.queued = plan.keys.map((k) => k.id);
        },
        onCheck: (keyId) => {
          view.queued = drop(view.queued, keyId);
          view.checking = [...(view.checking ?? []), keyId];
        },
        onRateWait: ({ account, until }) => {
          job.waits.set(account, Math.max(job.waits.get(account) ?? 0, Date.parse(until)));
        },
        onProgress: ({ total, last }) => {
          view.total = total + view.skipped.length;
          view.checking = drop(view.checking, last.keyId);
          add(view, last);
        },
      });
      view.total = view.done;
      view.state = 'done';
    } catch (e) {
      view.state = signal.aborted ? 'cancelled' : 'failed';
      if (view.state === 'failed') view.error = toErrorInfo(e);
    } finally {
      // A stopped run has no queue, no key in hand and nothing to wait for; its pace stays told.
      if (job.plan) view.pacing = pace(job, job.plan).pacing;
      Object.assign(view, { queued: [], checking: [], secondsLeft: null, rateWait: null });
      jobs.prune();
    }
  }

  return {
    start() {
      // One run at a time: a second click joins the running one. A cancelled run that is still
      // winding down is not joined; the new run waits for it to stop first.
      const running = jobs.all().filter((j) => j.view.state === 'running');
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
        checking: [],
        queued: [],
        pacing: null,
        secondsLeft: null,
        rateWait: null,
      };
      const abort = new AbortController();
      const previous = running.at(-1)?.finished ?? Promise.resolve();
      const job: Job = { view, abort, finished: Promise.resolve(), waits: new Map() };
      job.finished = previous.then(() => run(job, abort.signal));
      jobs.add(job);
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
