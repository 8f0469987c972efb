import type { ResolvedEngine } from './engine-options.js';

export interface LeaseKeeper {
  /** True once a renewal found the lease taken by someone else. */
  readonly lost: boolean;
  /** Stops renewing and releases the lease (unless it was lost). */
  stop(): Promise<void>;
}

/**
 * Renews the run's lease every ttl/3 while this process drives it. Renewal uses a real timer (a
 * lease is about wall time between processes), but lease times come from the injected clock.
 */
export function keepLease(engine: ResolvedEngine, runId: string, onLost: () => void): LeaseKeeper {
  const { store, clock, logger, leaseOwner, leaseTtlMs } = engine;
  let lost = false;
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing.then(async function renewLease() {
      if (lost) return;
      try {
        if (await store.renewLease(runId, leaseOwner, leaseTtlMs, clock.now())) return;
        lost = true;
        clearInterval(timer);
        logger.warn('lost the lease of the run; another process took it over', { runId, owner: leaseOwner });
        onLost();
      } catch (error) {
        logger.warn('could not renew the lease of the run', { runId, error: String(error) });
      }
    });
  }, Math.max(1, Math.floor(leaseTtlMs / 3)));
  timer.unref();
  return {
    get lost() {
      return lost;
    },
    async stop() {
      clearInterval(timer);
      await renewing;
      if (!lost) await store.releaseLease(runId, leaseOwner);
    },
  };
}
