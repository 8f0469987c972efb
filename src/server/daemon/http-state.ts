/**
 * Where the daemon's HTTP API is (issue 12): it starts after the daemon owns its socket, so for a
 * moment a daemon answers on the socket with no HTTP API yet. `daemon.ping` reports this state, so
 * `orchestra daemon status` never calls a daemon up-without-a-URL while its HTTP API is still starting.
 */
export type DaemonHttpState = { state: 'starting' } | { state: 'listening'; url: string } | { state: 'off'; error: string };

export interface HttpStateCell {
  current(): DaemonHttpState;
  set(state: Exclude<DaemonHttpState, { state: 'starting' }>): void;
  /** The state once it is no longer `starting`, or `starting` still after `timeoutMs`. */
  settled(timeoutMs: number): Promise<DaemonHttpState>;
}

export function httpStateCell(): HttpStateCell {
  let state: DaemonHttpState = { state: 'starting' };
  const waiters = new Set<() => void>();
  return {
    current: () => state,
    set(next) {
      state = next;
      for (const wake of [...waiters]) wake();
    },
    settled(timeoutMs) {
      if (state.state !== 'starting' || timeoutMs <= 0) return Promise.resolve(state);
      return new Promise((resolve) => {
        const done = (): void => {
          waiters.delete(done);
          clearTimeout(timer);
          resolve(state);
        };
        const timer = setTimeout(done, timeoutMs);
        waiters.add(done);
      });
    },
  };
}
