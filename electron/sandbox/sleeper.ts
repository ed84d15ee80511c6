// Latency faults as cancellable timers, so close() does not wait for (or leak) pending delays.

export class Sleeper {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();
  stopped = false;

  sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  /** Wakes every sleeper at once; callers check `stopped` and give up. */
  stop(): void {
    this.stopped = true;
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }
}
