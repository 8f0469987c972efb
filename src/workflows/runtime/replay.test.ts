import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { workflow } from '../definition.js';
import { fireWorkflowTimer } from './control.js';
import { patched } from './patched.js';
import { runInstance } from './run-instance.js';
import { sleep } from './sleep.js';
import { startWorkflow } from './start-workflow.js';
import { step } from './step.js';
import { StepError } from './step-error.js';
import { task } from './task.js';
import { TaskUnansweredError } from './task-unanswered.js';
import { expire, systemActor } from '../../humans/tasks/index.js';
import { openHarness, type Harness } from './testing/harness.js';
import { answerWorkflowTask } from './testing/store-human-tasks.js';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

/** Lets the instance's sleep fire: advances the clock past it and fires its timer. */
async function wakeFromSleep(id: string): Promise<void> {
  h.clock.advance(86_400_000);
  const timers = await h.store.claimDueTimers('sweeper', h.clock.now(), 30_000, 10);
  for (const timer of timers.filter((t) => t.subjectId === id)) await fireWorkflowTimer(h.deps(), timer, 'sweeper');
}

describe('replay', () => {
  it('issue 11: a step renamed while an instance waits stops it with E_WORKFLOW_NONDETERMINISM naming both steps and the position', async () => {
    const v1 = workflow('order', async (ctx) => {
      await step(ctx, 'reserve', () => 1);
      await step(ctx, 'charge card', () => 2);
      await sleep(ctx, '1d');
      return step(ctx, 'ship', () => 3);
    });
    const v2 = workflow('order', async (ctx) => {
      await step(ctx, 'reserve', () => 1);
      await step(ctx, 'charge payment', () => 2);
      await sleep(ctx, '1d');
      return step(ctx, 'ship', () => 3);
    });
    await startWorkflow(h.deps(), v1, null, { id: 'w1' });
    expect(await runInstance(h.deps(), v1, 'w1')).toMatchObject({ status: 'waiting' });
    await wakeFromSleep('w1');
    const outcome = await runInstance(h.deps(), v2, 'w1');
    expect(outcome).toMatchObject({ status: 'failed', instance: { error: { code: 'E_WORKFLOW_NONDETERMINISM', message: 'workflow "order" no longer matches its journal at position 1: the code calls step "charge payment" where the journal has step "charge card"' } } });
    expect(await h.store.readJournal(h.scope, 'w1')).toHaveLength(2);
  });

  it('issue 11: a step removed from the end of the code is detected when the function returns early', async () => {
    const v1 = workflow('order', async (ctx) => {
      await step(ctx, 'reserve', () => 1);
      await step(ctx, 'notify', () => 2);
      await sleep(ctx, '1d');
    });
    const v2 = workflow('order', async (ctx) => {
      await step(ctx, 'reserve', () => 1);
    });
    await startWorkflow(h.deps(), v1, null, { id: 'w1' });
    await runInstance(h.deps(), v1, 'w1');
    await wakeFromSleep('w1');
    expect(await runInstance(h.deps(), v2, 'w1')).toMatchObject({ status: 'failed', instance: { error: { code: 'E_WORKFLOW_NONDETERMINISM', message: 'workflow "order" no longer matches its journal at position 1: the code finished, but the journal still has step "notify"' } } });
  });

  it('issue 11: a step whose result is not JSON fails with E_WORKFLOW_STEP_RESULT naming the step; the error is journaled', async () => {
    let runs = 0;
    const definition = workflow('dates', async (ctx) => step(ctx, 'load order', () => ({ id: 1, at: new Date(), n: ++runs })));
    await startWorkflow(h.deps(), definition, null, { id: 'w1' });
    const outcome = await runInstance(h.deps(), definition, 'w1');
    expect(outcome).toMatchObject({ status: 'failed', instance: { error: { code: 'E_WORKFLOW_STEP_RESULT', message: 'step "load order" returned a value that is not JSON: $.at is a Date, not a plain object' } } });
    expect(await h.store.readJournal(h.scope, 'w1')).toMatchObject([{ kind: 'step', name: 'load order', error: { code: 'E_WORKFLOW_STEP_RESULT' } }]);
    expect(runs).toBe(1);
  });

  it('issue 11: a failing step is retried with a preset, and its final error is journaled and rethrown alike on replay', async () => {
    const tries = { flaky: 0, broken: 0 };
    const definition = workflow('retrying', async (ctx) => {
      const flaky = await step(ctx, 'flaky', () => {
        if (++tries.flaky < 3) throw new Error('try again');
        return 'ok';
      }, { retry: 'standard' });
      let caught = '';
      try {
        await step(ctx, 'broken', () => {
          tries.broken++;
          throw new TypeError('card declined');
        }, { retry: { maxAttempts: 2, backoff: { initialDelayMs: 10, factor: 1, maxDelayMs: 10, jitter: false } } });
      } catch (error) {
        caught = `${(error as Error).name}: ${(error as Error).message} (${String(error instanceof StepError)})`;
      }
      await sleep(ctx, '1h');
      return { flaky, caught };
    });
    await startWorkflow(h.deps(), definition, null, { id: 'w1' });
    const before = h.clock.now();
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'waiting' });
    // Backoff waited on the clock: 200 ms then 400 ms (jitter 0.5 → ×1), then 10 ms.
    expect(h.clock.now() - before).toBe(610);
    await wakeFromSleep('w1');
    const outcome = await runInstance(h.deps(), definition, 'w1');
    expect(outcome).toMatchObject({ status: 'completed', instance: { result: { flaky: 'ok', caught: 'TypeError: card declined (true)' } } });
    expect(tries).toEqual({ flaky: 3, broken: 2 });
  });

  it('issue 11: an error the function does not catch fails the instance with its message', async () => {
    const definition = workflow('throws', async (ctx) => {
      await step(ctx, 'boom', () => {
        throw new Error('out of stock');
      });
    });
    await startWorkflow(h.deps(), definition, null, { id: 'w1' });
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'failed', instance: { error: { code: 'E_WORKFLOW_FAILED', message: 'out of stock', name: 'Error' } } });
  });

  it('issue 11: patched() keeps old instances on the old branch and takes new instances down the new one', async () => {
    const extra: string[] = [];
    const v1 = workflow('shipping', async (ctx) => {
      await step(ctx, 'pack', () => 'packed');
      await sleep(ctx, '1h');
      return step(ctx, 'ship', () => 'shipped');
    });
    const v2 = workflow('shipping', async (ctx) => {
      await step(ctx, 'pack', () => 'packed');
      if (await patched(ctx, 'insure-parcels')) await step(ctx, 'insure', () => extra.push(ctx.workflowId));
      await sleep(ctx, '1h');
      return step(ctx, 'ship', () => 'shipped');
    });
    await startWorkflow(h.deps(), v1, null, { id: 'old' });
    await runInstance(h.deps(), v1, 'old');
    await startWorkflow(h.deps(), v2, null, { id: 'new' });
    await runInstance(h.deps(), v2, 'new');
    await wakeFromSleep('old');
    await wakeFromSleep('new');
    expect(await runInstance(h.deps(), v2, 'old')).toMatchObject({ status: 'completed' });
    expect(await runInstance(h.deps(), v2, 'new')).toMatchObject({ status: 'completed' });
    expect(extra).toEqual(['new']);
    expect((await h.store.readJournal(h.scope, 'new')).map((e) => `${e.kind}:${e.name}`)).toEqual(['step:pack', 'patch:insure-parcels', 'step:insure', 'sleep:sleep', 'step:ship']);
    expect((await h.store.readJournal(h.scope, 'old')).map((e) => `${e.kind}:${e.name}`)).toEqual(['step:pack', 'sleep:sleep', 'step:ship']);
  });

  it('issue 11: input failing the zod schema is E_WORKFLOW_INPUT field by field, and nothing is stored; a start with a known id is idempotent', async () => {
    const definition = workflow('typed', async (_ctx, input: { email: string; count: number }) => input.count, {
      input: z.object({ email: z.string().email(), count: z.number().int() }),
    });
    await expect(startWorkflow(h.deps(), definition, { email: 'nope', count: 1.5 }, { id: 'w1' })).rejects.toMatchObject({
      code: 'E_WORKFLOW_INPUT',
      fields: [{ field: 'email' }, { field: 'count' }],
    });
    expect(await h.store.getWorkflow(h.scope, 'w1')).toBeUndefined();
    const first = await startWorkflow(h.deps(), definition, { email: 'a@b.co', count: 2 }, { id: 'w1', version: 'abc' });
    const second = await startWorkflow(h.deps(), definition, { email: 'c@d.co', count: 3 }, { id: 'w1', version: 'def' });
    expect(first).toMatchObject({ created: true, instance: { version: 'abc', input: { email: 'a@b.co', count: 2 } } });
    expect(second).toEqual({ created: false, instance: first.instance });
    const other = workflow('other', async () => null);
    await expect(startWorkflow(h.deps(), other, null, { id: 'w1' })).rejects.toMatchObject({ code: 'E_WORKFLOW_STATE', message: 'cannot start workflow "other" as "w1": that id belongs to an instance of "typed"' });
  });

  it('issue 11: the wait an instance sleeps in is matched on replay: replacing it with a step is E_WORKFLOW_NONDETERMINISM', async () => {
    const v1 = workflow('waiter', async (ctx) => {
      await sleep(ctx, '1h');
    });
    const v2 = workflow('waiter', async (ctx) => {
      await step(ctx, 'hurry', () => 1);
    });
    await startWorkflow(h.deps(), v1, null, { id: 'w1' });
    expect(await runInstance(h.deps(), v1, 'w1')).toMatchObject({ status: 'waiting', instance: { suspendedAt: { position: 0, kind: 'sleep', name: 'sleep' } } });
    await wakeFromSleep('w1');
    expect(await runInstance(h.deps(), v2, 'w1')).toMatchObject({ status: 'failed', instance: { error: { code: 'E_WORKFLOW_NONDETERMINISM', message: 'workflow "waiter" no longer matches its journal at position 0: the code calls step "hurry" where the journal has sleep "sleep"' } } });
  });

  it('issue 11: steps started together (Promise.all) are journaled in call order whatever order they finish in', async () => {
    const definition = workflow('fan-out', async (ctx) => {
      const slow = step(ctx, 'slow', async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return 'slow';
      });
      const fast = step(ctx, 'fast', () => 'fast');
      return Promise.all([slow, fast]);
    });
    await startWorkflow(h.deps(), definition, null, { id: 'w1' });
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'completed', instance: { result: ['slow', 'fast'] } });
    expect((await h.store.readJournal(h.scope, 'w1')).map((e) => e.name)).toEqual(['slow', 'fast']);
  });

  it('issue 11: a task that expires unanswered throws TaskUnansweredError (caught: the workflow goes on); an answer taken before a crash is still returned on replay', async () => {
    const definition = workflow('asks', async (ctx) => {
      try {
        const result = await task(ctx, { title: 'Approve?', form: { ok: { type: 'boolean', required: true } } });
        return { status: result.status, ok: result.data.ok };
      } catch (error) {
        if (error instanceof TaskUnansweredError) return { status: error.status, code: error.code, task: error.task };
        throw error;
      }
    });
    await startWorkflow(h.deps(), definition, null, { id: 'w1' });
    await startWorkflow(h.deps(), definition, null, { id: 'w2' });
    await runInstance(h.deps(), definition, 'w1');
    await runInstance(h.deps(), definition, 'w2');
    await h.store.updateHumanTask(h.scope, 'wf:w1:0', expire(systemActor, h.clock.now()));
    expect(await runInstance(h.deps(), definition, 'w1')).toMatchObject({ status: 'completed', instance: { result: { status: 'expired', code: 'E_WORKFLOW_TASK_UNANSWERED', task: 'Approve?' } } });
    // w2's answer is taken by a worker that dies before journaling it: the next replay still gets it.
    await answerWorkflowTask(h.store, h.scope, h.clock, 'wf:w2:0', 'ann', { ok: true });
    expect(await h.store.takeHumanTaskAnswer(h.scope, 'wf:w2:0', h.clock.now())).toMatchObject({ answer: { ok: true } });
    expect(await runInstance(h.deps(), definition, 'w2')).toMatchObject({ status: 'completed', instance: { result: { status: 'completed', ok: true } } });
  });
});
