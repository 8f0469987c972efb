import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/index.js';
import { createMemoryStore } from '../../store/memory/index.js';
import type { Store } from '../../store/store.js';
import { finishedRunEvents, newRun } from '../testing/seed-runs.js';
import { followRun, type FollowOptions } from './follow-run.js';

/** A follower whose clock advances `stepMs` per wait, and that runs `onWait` (the outside world) each time. */
function scripted(onWait: (waits: number) => Promise<void> | void, stepMs = 100) {
  let now = 0;
  let waits = 0;
  const seen: RunEvent[] = [];
  const options: FollowOptions = {
    onEvent: (event) => seen.push(event),
    signal: new AbortController().signal,
    now: () => now,
    wait: async () => {
      now += stepMs;
      waits++;
      if (waits > 1_000) throw new Error('follower never ended');
      await onWait(waits);
    },
  };
  return { options, seen, waits: () => waits };
}

async function seeded(): Promise<Store> {
  const store = createMemoryStore();
  await store.createRun(newRun('r1', { startedAt: 0 }));
  return store;
}

describe('followRun', () => {
  it('ends at once for a finished run, with every event in order', async () => {
    const store = await seeded();
    await store.appendEvents('r1', finishedRunEvents(0));
    await store.updateRun('r1', { state: 'completed' });
    const follower = scripted(() => {});
    const end = await followRun(store, 'r1', follower.options);
    expect(end).toMatchObject({ kind: 'ended', event: { type: 'run.completed' } });
    expect(follower.seen.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(follower.waits()).toBe(0);
  });

  it('goes on past a run.interrupted when the run was resumed, and ends at the real end', async () => {
    const store = await seeded();
    await store.appendEvents('r1', [{ type: 'run.interrupted', reason: 'SIGINT', at: 1 }]);
    await store.acquireLease('r1', 'host:1:x', 60_000, 0);
    const follower = scripted(async (waits) => {
      if (waits === 3) await store.appendEvents('r1', [{ type: 'run.started', pipeline: 'P', file: '/p', goal: '', resumed: true, at: 2 }]);
      if (waits === 6) {
        await store.updateRun('r1', { state: 'failed' });
        await store.appendEvents('r1', [{ type: 'run.failed', error: 'x', durationMs: 1, at: 3 }]);
      }
    });
    const end = await followRun(store, 'r1', follower.options);
    expect(end).toMatchObject({ kind: 'ended', event: { type: 'run.failed' } });
    expect(follower.seen.map((e) => e.type)).toEqual(['run.interrupted', 'run.started', 'run.failed']);
  });

  it('reports a run that stopped without writing a terminal event', async () => {
    const store = await seeded();
    await store.appendEvents('r1', finishedRunEvents(0).slice(0, 2));
    await store.updateRun('r1', { state: 'interrupted' });
    const end = await followRun(store, 'r1', scripted(() => {}).options);
    expect(end).toMatchObject({ kind: 'stopped', run: { state: 'interrupted' } });
  });

  it('gives up on an abandoned run only after the grace period', async () => {
    const store = await seeded();
    const follower = scripted(() => {});
    const end = await followRun(store, 'r1', { ...follower.options, staleGraceMs: 2_000, livenessEveryMs: 1_000 });
    expect(end).toMatchObject({ kind: 'abandoned' });
    // Checked at 0 (stale since then), 1 s, and 2 s: twenty 100 ms waits.
    expect(follower.waits()).toBe(20);
  });

  it('keeps following while the lease is live', async () => {
    const store = await seeded();
    await store.acquireLease('r1', 'host:1:x', 60_000, 0);
    const follower = scripted(async (waits) => {
      if (waits === 50) {
        await store.updateRun('r1', { state: 'completed' });
        await store.appendEvents('r1', [{ type: 'run.completed', status: 'success', durationMs: 5, artifactCount: 0, at: 5 }]);
      }
    });
    expect(await followRun(store, 'r1', follower.options)).toMatchObject({ kind: 'ended' });
    expect(follower.waits()).toBeGreaterThanOrEqual(50);
  });

  it('stops when the user detaches', async () => {
    const store = await seeded();
    await store.acquireLease('r1', 'host:1:x', 60_000, 0);
    const controller = new AbortController();
    const follower = scripted((waits) => {
      if (waits === 2) controller.abort();
    });
    expect(await followRun(store, 'r1', { ...follower.options, signal: controller.signal })).toEqual({ kind: 'detached' });
  });
});
