import { afterEach, describe, expect, it } from 'vitest';
import { startRun } from '../runner.js';
import { createEngineHarness, eventTypes, pipelineFile, whenStarted, type EngineHarness } from '../testing/engine-harness.js';

let harness: EngineHarness;
afterEach(async () => harness?.cleanup());

describe('lease keeping', () => {
  it('a run whose lease another process took stops at once and writes nothing more', async () => {
    let stolen!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (stolen = resolve));
    harness = await createEngineHarness({
      script: {
        work: [
          (input) =>
            new Promise((resolve) => {
              input.signal.addEventListener('abort', () => resolve({ status: 'success' }));
              stolen();
            }),
        ],
      },
    });
    const source = `digraph G { start [shape=Mdiamond]; work; done [shape=Msquare]; start -> work -> done }`;
    const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine({ leaseTtlMs: 30 }));
    await whenStarted(handlerStarted, handle);
    // Our lease lapses (on the injected clock) and another process claims the run.
    harness.clock.advance(60_000);
    expect(await harness.store.acquireLease(handle.runId, 'other-host:7:x', 60_000, harness.clock.now())).toBe(true);

    const result = await handle.result();
    expect(result).toMatchObject({ state: 'interrupted', lastNode: 'work' });
    expect(result.error?.message).toContain('the lease was lost');
    expect((await harness.store.getRun(handle.runId))?.state).toBe('running');
    expect(await harness.store.getLease(handle.runId)).toMatchObject({ owner: 'other-host:7:x' });
    expect(eventTypes(harness.events)).not.toContain('run.interrupted');
    expect(harness.handler.calls.get('done')).toBeUndefined();
  });

  it('renews the lease every ttl/3 while a node runs, with times from the injected clock', async () => {
    harness = await createEngineHarness();
    let onRenew!: (ok: boolean) => void;
    // Only renewals after the clock moved count; one may happen earlier on a slow machine.
    let armed = false;
    const renewal = new Promise<boolean>((resolve) => (onRenew = resolve));
    const store = new Proxy(harness.store, {
      get(target, key, receiver) {
        if (key === 'renewLease') {
          return async (...args: Parameters<typeof target.renewLease>) => {
            const ok = await target.renewLease(...args);
            if (armed && args[3] === harness.clock.now()) onRenew(ok);
            return ok;
          };
        }
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    let leaseAfterRenewal: unknown;
    harness.registry.register('codergen', {
      async execute(input) {
        harness.clock.advance(5_000);
        armed = true;
        const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no renewal within 10 s')), 10_000).unref());
        expect(await Promise.race([renewal, deadline])).toBe(true);
        leaseAfterRenewal = await input.services.store.getLease(input.run.id);
        return { status: 'success' };
      },
    });
    const source = `digraph G { start [shape=Mdiamond]; work; done [shape=Msquare]; start -> work -> done }`;
    const handle = await startRun({ file: pipelineFile(harness), source }, harness.engine({ store, leaseTtlMs: 30 }));
    expect((await handle.result()).state).toBe('completed');
    expect(leaseAfterRenewal).toMatchObject({ owner: 'test-host:1:owner', expiresAt: harness.clock.now() + 30 });
  });
});
