import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workflow } from '../definition.js';
import { cancelWorkflow, fireWorkflowTimer, signalWorkflow } from './control.js';
import { runInstance } from './run-instance.js';
import { sleep } from './sleep.js';
import { startWorkflow } from './start-workflow.js';
import { step } from './step.js';
import { waitForSignal } from './signals.js';
import { openHarness, type Harness } from './testing/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

/** Counts each step's side effect; `hold` makes a step hang (its process "dies" there) until released. */
function twentySteps(effects: number[], hold: Map<number, Promise<void>>) {
  return workflow('twenty', async (ctx, input: { base: number }) => {
    let total = input.base;
    for (let i = 0; i < 20; i++) {
      total = await step(ctx, `add-${i}`, async () => {
        effects[i] = (effects[i] ?? 0) + 1;
        const gate = hold.get(i);
        if (gate) {
          hold.delete(i);
          await gate;
        }
        return total + i;
      });
    }
    return { total };
  });
}

describe('runInstance', () => {
  it('issue 11: a 20-step workflow runs each step once and journals each result', async () => {
    const effects: number[] = [];
    const definition = twentySteps(effects, new Map());
    await startWorkflow(h.deps(), definition, { base: 100 }, { id: 'w1' });
    const outcome = await runInstance(h.deps(), definition, 'w1');
    expect(outcome).toMatchObject({ status: 'completed', instance: { result: { total: 290 } } });
    expect(effects).toEqual(Array(20).fill(1));
    const journal = await h.store.readJournal(h.scope, 'w1');
    expect(journal.map((entry) => entry.name)).toEqual(Array.from({ length: 20 }, (_, i) => `add-${i}`));
    // Running a finished instance again does nothing.
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'completed' });
    expect(effects).toEqual(Array(20).fill(1));
  });

  it('issue 11: killed three times mid-step, it resumes from the journal: only the step running at each kill runs twice', async () => {
    const effects: number[] = [];
    const hold = new Map<number, Promise<void>>();
    const release: Array<() => void> = [];
    for (const at of [0, 7, 19]) hold.set(at, new Promise<void>((resolve) => release.push(resolve)));
    const definition = twentySteps(effects, hold);
    await startWorkflow(h.deps(), definition, { base: 0 }, { id: 'w1' });
    const zombies: Array<Promise<unknown>> = [];
    for (const [kill, owner] of [[0, 'w-a'], [7, 'w-b'], [19, 'w-c']] as const) {
      // The worker hangs in step `kill`: as far as the store knows, it died there holding the lease.
      zombies.push(runInstance({ ...h.deps(owner), leaseTtlMs: 1_000 }, definition, 'w1'));
      await until(() => effects[kill] === 1);
      expect(await runInstance(h.deps('w-other'), definition, 'w1')).toMatchObject({ status: 'locked' });
      h.clock.advance(1_000);
    }
    const outcome = await runInstance(h.deps('w-d'), definition, 'w1');
    expect(outcome).toMatchObject({ status: 'completed', instance: { result: { total: 190 } } });
    expect(effects).toEqual(Array.from({ length: 20 }, (_, i) => ([0, 7, 19].includes(i) ? 2 : 1)));
    // The dead workers wake up late: their journal writes are refused, and they stop without writing.
    for (const resolve of release) resolve();
    expect(await Promise.all(zombies)).toEqual([{ status: 'superseded' }, { status: 'superseded' }, { status: 'superseded' }]);
    expect((await h.store.readJournal(h.scope, 'w1')).map((entry) => entry.result)).toEqual(Array.from({ length: 20 }, (_, i) => (i * (i + 1)) / 2));
  });

  it('issue 11: sleep waits on a durable timer; the instance runs on only once the timer fires', async () => {
    let after = 0;
    const definition = workflow('sleeper', async (ctx) => {
      await step(ctx, 'before', () => 'x');
      await sleep(ctx, '2h');
      return step(ctx, 'after', () => ++after);
    });
    await startWorkflow(h.deps(), definition, null, { id: 'w1' });
    const started = h.clock.now();
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'waiting', instance: { waitingOn: { kind: 'timer', timerId: 'wf:w1:1', until: started + 7_200_000 } } });
    expect(await h.store.getTimer(h.scope, 'wf:w1:1')).toMatchObject({ kind: 'workflow.wake', subjectId: 'w1', dueAt: started + 7_200_000 });
    h.clock.advance(3_600_000);
    expect(await h.store.claimDueTimers('sweeper', h.clock.now(), 30_000, 10)).toEqual([]);
    // A wake before the timer is due (a replay for nothing) puts it back to sleep on the same timer.
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'waiting', instance: { waitingOn: { until: started + 7_200_000 } } });
    h.clock.advance(3_600_000);
    const [due] = await h.store.claimDueTimers('sweeper', h.clock.now(), 30_000, 10);
    if (!due) throw new Error('the timer is not due');
    expect(await fireWorkflowTimer(h.deps(), due, 'sweeper')).toBe(true);
    expect(await h.store.getWorkflow(h.scope, 'w1')).toMatchObject({ status: 'running' });
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'completed', instance: { result: 1 } });
    expect(await h.store.claimDueTimers('sweeper', h.clock.now() + 1e9, 30_000, 10)).toEqual([]);
    expect(after).toBe(1);
  });

  it('issue 11: a signal sent before the workflow waits for it is received; one sent while it waits wakes it', async () => {
    const definition = workflow('approval', async (ctx) => {
      const first = await waitForSignal<{ by: string }>(ctx, 'approve');
      const second = await waitForSignal<{ by: string }>(ctx, 'approve');
      return [first, second];
    });
    await startWorkflow(h.deps(), definition, null, { id: 'w1' });
    await signalWorkflow(h.deps(), 'w1', 'approve', { by: 'ann' });
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'waiting', instance: { waitingOn: { kind: 'signal', name: 'approve' } } });
    await signalWorkflow(h.deps(), 'w1', 'approve', { by: 'bob' });
    expect(await h.store.getWorkflow(h.scope, 'w1')).toMatchObject({ status: 'running' });
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'completed', instance: { result: [{ received: true, payload: { by: 'ann' } }, { received: true, payload: { by: 'bob' } }] } });
    await expect(signalWorkflow(h.deps(), 'w1', 'approve', {})).rejects.toMatchObject({ code: 'E_WORKFLOW_STATE' });
  });

  it('issue 11: waitForSignal with a timeout gives up when its timer fires', async () => {
    const definition = workflow('impatient', async (ctx) => waitForSignal(ctx, 'approve', { timeout: '10m' }));
    await startWorkflow(h.deps(), definition, null, { id: 'w1' });
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'waiting', instance: { waitingOn: { kind: 'signal', name: 'approve', timerId: 'wf:w1:0' } } });
    h.clock.advance(600_000);
    const [due] = await h.store.claimDueTimers('sweeper', h.clock.now(), 30_000, 10);
    if (!due) throw new Error('the timer is not due');
    await fireWorkflowTimer(h.deps(), due, 'sweeper');
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'completed', instance: { result: { received: false } } });
  });

  it('issue 11: two workers running one instance at once: one drives it, the other is locked out', async () => {
    let runs = 0;
    const definition = workflow('once', async (ctx) => step(ctx, 'only', () => ++runs));
    await startWorkflow(h.deps(), definition, null, { id: 'w1' });
    const outcomes = await Promise.all([runInstance(h.deps('a'), definition, 'w1'), runInstance(h.deps('b'), definition, 'w1')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['completed', 'locked']);
    expect(runs).toBe(1);
  });

  it('issue 11: cancelling a waiting instance runs its finally block once, on the next replay, and nothing after the wait', async () => {
    const calls: string[] = [];
    const definition = workflow('cancellable', async (ctx) => {
      try {
        await step(ctx, 'reserve', () => calls.push('reserve'));
        await sleep(ctx, '1h');
        await step(ctx, 'ship', () => calls.push('ship'));
      } finally {
        calls.push('cleanup');
      }
    });
    await startWorkflow(h.deps(), definition, null, { id: 'w1' });
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'waiting' });
    // Waiting is not the end: the finally block does not run when the function parks at its sleep.
    expect(calls).toEqual(['reserve']);
    calls.length = 0;
    expect(await cancelWorkflow(h.deps(), 'w1')).toMatchObject({ status: 'cancelled', cleanupPending: true });
    const [claimed] = await h.store.claimRunnableWorkflows('worker-1', h.clock.now(), 30_000, 10);
    expect(claimed?.id).toBe('w1');
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'cancelled' });
    expect(calls).toEqual(['cleanup']);
    expect((await h.store.getWorkflow(h.scope, 'w1'))?.cleanupPending).toBeUndefined();
    expect(await h.store.claimRunnableWorkflows('worker-2', h.clock.now() + 60_000, 30_000, 10)).toEqual([]);
    await expect(cancelWorkflow(h.deps(), 'w1')).rejects.toMatchObject({ code: 'E_WORKFLOW_STATE' });
  });

  it('issue 11: a running function sees a cancel at its next durable call and unwinds through finally', async () => {
    const calls: string[] = [];
    const definition = workflow('cancelled-mid-run', async (ctx) => {
      try {
        await step(ctx, 'first', async () => {
          calls.push('first');
          await cancelWorkflow(h.deps(), ctx.workflowId);
          return 1;
        });
        await step(ctx, 'second', () => calls.push('second'));
      } finally {
        calls.push('cleanup');
      }
    });
    await startWorkflow(h.deps(), definition, null, { id: 'w1' });
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'cancelled' });
    expect(calls).toEqual(['first', 'cleanup']);
  });
});

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
