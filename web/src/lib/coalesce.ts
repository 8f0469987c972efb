/** The timers `coalesce` uses (the page's by default; tests pass a fake). */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const pageClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

export interface Coalescer<T> {
  push(item: T): void;
  /** Hands over what is pending now (before something that must come after it). */
  flush(): void;
  /** Drops what is pending (the page went away). */
  cancel(): void;
}

/**
 * Gathers items and hands them to `deliver` together, at most once every `everyMs`: the first at
 * once when nothing was delivered for that long (a lone event or a typed key's echo is not
 * delayed), the rest at the end of the interval. Live feeds of many busy agents then cost the page
 * one render an interval instead of one an item (bench/web-agents.js measures it).
 */
export function coalesce<T>(deliver: (items: T[]) => void, everyMs: number, clock: Clock = pageClock): Coalescer<T> {
  let pending: T[] = [];
  let timer: unknown;
  let lastAt = Number.NEGATIVE_INFINITY;
  const flush = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    lastAt = clock.now();
    deliver(items);
  };
  return {
    push(item) {
      pending.push(item);
      if (timer !== undefined) return;
      const wait = lastAt + everyMs - clock.now();
      if (wait <= 0) flush();
      else timer = clock.setTimeout(flush, wait);
    },
    flush,
    cancel() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      pending = [];
    },
  };
}
