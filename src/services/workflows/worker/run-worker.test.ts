import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { step, workflow } from '../../../workflows/index.js';
import { startWorkflow } from '../../../workflows/runtime/index.js';
import { openHarness, type Harness } from '../../../workflows/runtime/testing/harness.js';
import { runWorkflowWorker } from './run-worker.js';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

async function until<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('runWorkflowWorker', () => {
  it('issue 11: an instance whose lease lapsed while this worker drives it is not driven a second time by the same worker', async () => {
    let effects = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = workflow('slow', async (ctx, _input: unknown) => {
      await step(ctx, 'effect', async () => {
        effects++;
        await held;
        return effects;
      });
      return 'done';
    });
    await startWorkflow(h.deps(), slow, null, { id: 'w1' });
    const stop = new AbortController();
    const found = { loaded: { definition: slow, file: 'slow.ts', versionHash: 'v1' }, pinned: true };
    const worker = runWorkflowWorker({
      store: h.store, clock: h.clock, owner: 'worker-1', signal: stop.signal, log: { info() {}, warn() {}, error() {} },
      find: async () => found, ports: () => ({}), leaseTtlMs: 1_000,
      changes: { next: () => new Promise((resolve) => setTimeout(() => resolve(false), 5)) },
    });
    await until(async () => (effects === 1 ? true : undefined), 'the step to start');
    // A slow machine: the lease lapses (as far as the store can tell) while the step still runs.
    const lapsedAt = h.clock.now() + 60_000;
    h.clock.advance(60_000);
    await until(async () => ((await h.store.getWorkflow(h.scope, 'w1'))!.leaseExpiresAt! > lapsedAt ? true : undefined), 'the worker to claim it again');
    release();
    await until(async () => ((await h.store.getWorkflow(h.scope, 'w1'))?.status === 'completed' ? true : undefined), 'the instance to complete');
    stop.abort();
    await worker;
    expect(effects).toBe(1);
    expect(await h.store.readJournal(h.scope, 'w1')).toHaveLength(1);
  });
});
