import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/events.js';
import { silentLogger } from '../../core/logger.js';
import { createMemoryStore } from '../../store/memory/index.js';
import type { Store } from '../../store/store.js';
import { createInstantClock } from '../testing/instant-clock.js';
import { EventLog } from './event-log.js';

async function newRun(store: Store): Promise<string> {
  await store.createRun({ id: 'r1', pipeline: 'p', file: '/p.dot', source: '', goal: '', logsRoot: '/tmp/r1', variables: {}, options: {}, startedAt: 0 });
  return 'r1';
}

/** A store whose writes finish in a scrambled order, as a networked store's may. */
function scrambled(store: Store): Store {
  let call = 0;
  return new Proxy(store, {
    get(target, key) {
      if (key === 'ordersWrites') return false;
      const value = Reflect.get(target, key);
      if (key !== 'appendEvents' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<Store['appendEvents']>) => {
        const delay = [3, 0, 2, 1][call++ % 4]!;
        await new Promise((resolve) => setTimeout(resolve, delay));
        return target.appendEvents(...args);
      };
    },
  });
}

describe('EventLog', () => {
  it('announces events in seq order even when emits race', async () => {
    const store = scrambled(createMemoryStore());
    const runId = await newRun(store);
    const seen: RunEvent[] = [];
    const log = new EventLog(store, runId, createInstantClock(), silentLogger, (event) => seen.push(event));
    await Promise.all(Array.from({ length: 12 }, (_, i) => log.emit({ type: 'log', level: 'info', message: `m${i}` })));
    expect(seen.map((event) => event.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(seen.map((event) => (event.type === 'log' ? event.message : ''))).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`));
  });

  it('tags branch events and stamps them with the clock', async () => {
    const store = createMemoryStore();
    const runId = await newRun(store);
    const clock = createInstantClock(5_000);
    const log = new EventLog(store, runId, clock, silentLogger, undefined);
    const [event] = await log.emit({ type: 'log', level: 'warn', message: 'x' }, { branch: 'fan/b1' });
    expect(event).toEqual({ type: 'log', level: 'warn', message: 'x', inBranch: 'fan/b1', at: 5_000, runId, seq: 1 });
  });

  it('a failed write rejects that emit only; later ones still go through', async () => {
    const store = createMemoryStore();
    const log = new EventLog(store, 'no-such-run', createInstantClock(), silentLogger, undefined);
    await expect(log.emit({ type: 'log', level: 'info', message: 'lost' })).rejects.toMatchObject({ code: expect.stringMatching(/^E_/) });
    await newRun(store);
    const other = new EventLog(store, 'r1', createInstantClock(), silentLogger, undefined);
    await expect(other.emit({ type: 'log', level: 'info', message: 'kept' })).resolves.toHaveLength(1);
  });

  it('issue 9: a store that orders writes gets each emit at once, without waiting for the one before; a bad one still rejects alone', async () => {
    const memory = createMemoryStore();
    const runId = await newRun(memory);
    let calls = 0;
    const store = new Proxy(memory, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (key === 'appendEvents') calls += 1;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const seen: number[] = [];
    const log = new EventLog(store, runId, createInstantClock(), silentLogger, (event) => seen.push(event.seq));
    const emits = Array.from({ length: 6 }, (_, i) => log.emit({ type: 'log', level: 'info', message: `m${i}` }));
    expect(calls).toBe(6);
    await Promise.all(emits);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);

    const bad = log.emit({ type: 'log', level: 'info', message: 'bad', extra: 1n } as never);
    const good = log.emit({ type: 'log', level: 'info', message: 'good' });
    await expect(bad).rejects.toMatchObject({ code: expect.stringMatching(/^E_/) });
    await expect(good).resolves.toMatchObject([{ seq: 7 }]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
