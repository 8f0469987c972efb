import type { StoreChanges } from '../../store/sqlite/store-changes.js';

/** Where a wake-up comes from: watchStoreChanges on the store file (commits from any process). */
export type ChangeSource = Pick<StoreChanges, 'next'>;

export type WakeReason = 'change' | 'timeout' | 'abort';

/** One watcher shared by every reader of the feed (all SSE subscribers of a process). */
export interface FeedWakeup {
  /** Grows by one at each noticed commit. A reader notes it before reading the feed and waits with it. */
  readonly generation: number;
  /** Resolves 'change' once generation passes `seen` (at once if it has), else 'timeout' or 'abort'. */
  wait(seen: number, timeoutMs: number, signal: AbortSignal): Promise<WakeReason>;
  /**
   * The result of `read` for `key` in the current generation: readers asking the same (a tenant's
   * unfiltered stream at the same cursor, as most subscribers are) share one read instead of one each.
   * A read made in this generation saw every commit noticed so far; a later one moves the generation.
   */
  share<T>(key: string, read: () => Promise<T>): Promise<T>;
  /** Readers waiting now (a closed stream leaves none behind). */
  readonly waiting: number;
  close(): void;
}

// How long the shared loop waits per call: it notices it has no readers left within this.
const loopSliceMs = 250;

/**
 * Shares one change watcher among all readers: a single loop calls `changes.next` while someone
 * waits, and each change wakes every waiter, so 200 subscribers cost one poll, not 200. Give it a
 * watcher of its own: StoreChanges reports each change to one caller of `next`, so sharing it with
 * a workflow worker would let the worker take wake-ups meant for readers (they would then see the
 * event at their next heartbeat, not at once).
 */
export function createFeedWakeup(changes: ChangeSource): FeedWakeup {
  let generation = 0;
  let looping = false;
  const closing = new AbortController();
  const waiters = new Set<() => void>();
  let shared = { generation, reads: new Map<string, Promise<unknown>>() };
  const loop = async (): Promise<void> => {
    looping = true;
    while (waiters.size > 0 && !closing.signal.aborted) {
      const changed = await changes.next(loopSliceMs, closing.signal).catch(() => false);
      if (!changed) continue;
      generation += 1;
      for (const wake of [...waiters]) wake();
    }
    looping = false;
  };
  return {
    get generation() {
      return generation;
    },
    get waiting() {
      return waiters.size;
    },
    share<T>(key: string, read: () => Promise<T>): Promise<T> {
      if (shared.generation !== generation) shared = { generation, reads: new Map() };
      let result = shared.reads.get(key) as Promise<T> | undefined;
      if (!result) {
        result = read();
        shared.reads.set(key, result);
        // A failed read is not shared with whoever asks next.
        result.catch(() => shared.reads.delete(key));
      }
      return result;
    },
    wait(seen, timeoutMs, signal) {
      if (generation !== seen) return Promise.resolve('change');
      if (signal.aborted || closing.signal.aborted) return Promise.resolve('abort');
      return new Promise<WakeReason>((resolve) => {
        const finish = (reason: WakeReason) => {
          waiters.delete(onChange);
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          closing.signal.removeEventListener('abort', onAbort);
          resolve(reason);
        };
        const onChange = () => finish('change');
        const onAbort = () => finish('abort');
        const timer = setTimeout(() => finish('timeout'), timeoutMs);
        signal.addEventListener('abort', onAbort, { once: true });
        closing.signal.addEventListener('abort', onAbort, { once: true });
        waiters.add(onChange);
        if (!looping) void loop();
      });
    },
    close() {
      closing.abort();
    },
  };
}
