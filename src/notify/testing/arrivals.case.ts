/* What a test receiver got so far, and a way to wait (with a deadline) until enough has arrived. */

export interface Arrivals<T> {
  items: T[];
  add(item: T): void;
  /** Resolves with the items once there are `count`; rejects after `timeoutMs` saying how many came. */
  waitFor(count: number, what: string, timeoutMs?: number): Promise<T[]>;
}

export function createArrivals<T>(): Arrivals<T> {
  const items: T[] = [];
  const waiters = new Set<() => void>();
  return {
    items,
    add(item) {
      items.push(item);
      for (const wake of [...waiters]) wake();
    },
    waitFor(count, what, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (items.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(items);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} ${what} within ${timeoutMs} ms, got ${items.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
