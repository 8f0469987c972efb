import { describe, expect, it } from 'vitest';
import { authenticateLocal } from '../auth/local-scope.js';
import { createMemoryStore } from '../../store/memory/memory-store.js';
import { runTimerSweeper } from './timer-sweeper.js';
import { runDueTimers } from './run-due-timers.js';

const t0 = 1_700_000_000_000;
const scope = authenticateLocal({ flag: 'default', env: {} });

describe('timer sweeper', () => {
  it('issue 10: fires due timers by kind, leaves an unknown kind claimed to retry, and reports a throwing handler', async () => {
    const store = createMemoryStore();
    await store.scheduleTimers(scope, [
      { id: 'ok', kind: 'test.ok', subjectId: 's', dueAt: t0, createdAt: t0 },
      { id: 'boom', kind: 'test.boom', subjectId: 's', dueAt: t0, createdAt: t0 },
      { id: 'who', kind: 'test.unknown', subjectId: 's', dueAt: t0, createdAt: t0 },
    ]);
    const warnings: string[] = [];
    const handlers = {
      'test.ok': (timer: { tenant: string; id: string }, firing: { owner: string; now: number }) => store.completeTimer(timer, firing.owner, firing.now),
      'test.boom': () => Promise.reject(new Error('channel down')),
    };
    const sweep = await runDueTimers({ store, clock: { now: () => t0 }, handlers, owner: 'p1', log: { warn: (message) => warnings.push(message) } });
    expect(sweep).toEqual({ claimed: 3, fired: 1, failed: [{ id: 'boom', kind: 'test.boom', error: 'channel down' }, { id: 'who', kind: 'test.unknown', error: 'no handler for timer kind "test.unknown"' }] });
    expect(warnings).toHaveLength(2);
    expect((await store.listTimers(scope, { pending: true })).map((timer) => timer.id)).toEqual(['boom', 'who']);
    // After the lease they are claimed again.
    expect((await runDueTimers({ store, clock: { now: () => t0 + 60_000 }, handlers, owner: 'p2' })).claimed).toBe(2);
  });

  it('issue 10: the periodic sweeper fires a timer that comes due while it runs, and stops on its signal', async () => {
    const store = createMemoryStore();
    let now = t0;
    const controller = new AbortController();
    const fired: string[] = [];
    const clock = { now: () => now, sleep: () => new Promise<void>((resolve) => setImmediate(resolve)) };
    const handlers = {
      'test.ok': async (timer: { tenant: string; id: string }, firing: { owner: string; now: number }) => {
        fired.push(timer.id);
        controller.abort();
        return store.completeTimer(timer, firing.owner, firing.now);
      },
    };
    await store.scheduleTimers(scope, [{ id: 'later', kind: 'test.ok', subjectId: 's', dueAt: t0 + 5_000, createdAt: t0 }]);
    const running = runTimerSweeper({ store, clock, handlers, owner: 'daemon', signal: controller.signal });
    now = t0 + 5_000;
    await running;
    expect(fired).toEqual(['later']);
    expect((await store.getTimer(scope, 'later'))?.firedAt).toBe(t0 + 5_000);
  });
});

describe('timer sweeper pruning', () => {
  it('issue 10: deletes timers once they fired longer ago than keepFiredMs, never a pending one', async () => {
    const store = createMemoryStore();
    let now = t0;
    const controller = new AbortController();
    const handlers = { 'test.ok': (timer: { tenant: string; id: string }, firing: { owner: string; now: number }) => store.completeTimer(timer, firing.owner, firing.now) };
    const timers = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, kind: 'test.ok', subjectId: 's', dueAt: t0 + i * 1_000, createdAt: t0 }));
    await store.scheduleTimers(scope, [...timers, { id: 'future', kind: 'test.ok', subjectId: 's', dueAt: t0 + 1e9, createdAt: t0 }]);
    const seen: number[] = [];
    const clock = {
      now: () => now,
      // Each sweep moves time on by 10 s; the test stops once the table holds only the future timer.
      sleep: async () => {
        const left = await store.listTimers(scope);
        seen.push(left.length);
        if (left.length === 1 || now > t0 + 600_000) controller.abort();
        now += 10_000;
      },
    };
    await runTimerSweeper({ store, clock, handlers, owner: 'daemon', signal: controller.signal, keepFiredMs: 60_000, pruneEveryMs: 30_000 });
    expect((await store.listTimers(scope)).map((timer) => timer.id)).toEqual(['future']);
    // The table grew with the fired timers, then shrank back: the fired tail was kept a while.
    expect(Math.max(...seen)).toBeGreaterThan(1);
  });
});
