import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.js';
import { createWorkspace, type Workspace } from '../testing/run-cli.js';
import { newRun, openHomeStore } from '../testing/seed-runs.js';
import { createStoreWaker } from './store-waker.js';

let ws: Workspace;
let store: Store;
beforeEach(async () => {
  ws = createWorkspace();
  store = await openHomeStore(ws.home);
});
afterEach(async () => {
  await store.close();
  ws.remove();
});

/** Resolves to 'woken' or 'timer' depending on which came first. */
function race(wait: Promise<void>, deadlineMs: number): Promise<'woken' | 'deadline'> {
  return Promise.race([wait.then(() => 'woken' as const), new Promise<'deadline'>((resolve) => setTimeout(() => resolve('deadline'), deadlineMs).unref())]);
}

describe('createStoreWaker', () => {
  it('wakes a waiter when another connection commits, long before its timeout', async () => {
    await store.createRun(newRun('r1'));
    const waker = createStoreWaker(join(ws.home, 'orchestra.db'));
    try {
      const waiting = waker.wait(60_000, new AbortController().signal);
      await store.appendEvents('r1', [{ type: 'log', level: 'info', message: 'hello', at: 1 }]);
      expect(await race(waiting, 20_000)).toBe('woken');
    } finally {
      waker.close();
    }
  });

  it('falls back to its timer when there is nothing to watch', async () => {
    const waker = createStoreWaker(join(ws.dir, 'no-such.db'));
    try {
      expect(await race(waker.wait(10, new AbortController().signal), 20_000)).toBe('woken');
    } finally {
      waker.close();
    }
  });

  it('returns at once when the signal aborts', async () => {
    const waker = createStoreWaker(join(ws.dir, 'no-such.db'));
    const controller = new AbortController();
    const waiting = waker.wait(60_000, controller.signal);
    controller.abort();
    expect(await race(waiting, 20_000)).toBe('woken');
    waker.close();
  });
});
