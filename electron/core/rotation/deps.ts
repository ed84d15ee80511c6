// What the rotation functions take: the core's dependencies, plus an optional checkpoint the crash
// tests use to stop the process at each step boundary and inside each step's I/O.
import type { CoreDeps } from '../deps.ts';

export interface RotationHooks {
  /** Called at named points (e.g. "generate:created"); a test may kill the process there. */
  checkpoint?: (name: string) => Promise<void> | void;
}

export type RotationDeps = CoreDeps & RotationHooks;

export async function checkpoint(deps: RotationDeps, name: string): Promise<void> {
  await deps.checkpoint?.(name);
}

/** Whether a process on this machine is still running (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
