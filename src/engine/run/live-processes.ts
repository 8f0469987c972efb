/**
 * The process groups this process's handlers started for a run and have not yet seen end. An
 * interrupted attempt ends at once (run-attempt.ts) while its handler is still stopping the group
 * (SIGTERM, then SIGKILL); the run waits here before it records its end, so that `orchestra run`
 * does not exit with a node's command still running or its record still in the store.
 */
export class LiveProcesses {
  private readonly live = new Set<Promise<void>>();

  /** `ended` resolves once the group is gone and its record cleared. */
  track(ended: Promise<void>): void {
    this.live.add(ended);
    void ended.finally(() => this.live.delete(ended));
  }

  /** Waits until every tracked group ended, at most `timeoutMs`; false when some are still live. */
  async settled(timeoutMs: number): Promise<boolean> {
    if (this.live.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([Promise.allSettled([...this.live]).then(() => true), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
