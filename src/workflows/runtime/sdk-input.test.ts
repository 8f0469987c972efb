import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cancel, systemActor } from '../../humans/tasks/index.js';
import { workflow } from '../definition.js';
import { runInstance } from './run-instance.js';
import { startWorkflow } from './start-workflow.js';
import { task } from './task.js';
import { openHarness, type Harness } from './testing/harness.js';

/* What the SDK's types promise, held at run time: a workflow without an input schema gets a JSON object; a task() that returns was answered. */

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const echo = workflow('echo', async (_ctx, input) => ({ keys: Object.keys(input) }));

describe('sdk input and task results', () => {
  it('issue 11: without an input schema a start with no input gives the function {}, and an object passes as it is', async () => {
    await startWorkflow(h.deps(), echo, undefined, { id: 'none' });
    await startWorkflow(h.deps(), echo, { a: 1, b: 'x' }, { id: 'some' });
    expect(await runInstance(h.deps(), echo, 'none')).toMatchObject({ status: 'completed', instance: { input: {}, result: { keys: [] } } });
    expect(await runInstance(h.deps(), echo, 'some')).toMatchObject({ status: 'completed', instance: { result: { keys: ['a', 'b'] } } });
  });

  it.each([
    ['a string', 'hello', 'expected an object, got string'],
    ['an array', [1, 2], 'expected an object, got an array'],
    ['a number', 42, 'expected an object, got number'],
  ])('issue 11: without an input schema, %s as input is refused with E_WORKFLOW_INPUT and nothing is stored', async (_label, input, message) => {
    await expect(startWorkflow(h.deps(), echo, input, { id: 'bad' })).rejects.toMatchObject({ code: 'E_WORKFLOW_INPUT', fields: [{ field: '(input)', message }] });
    expect(await h.store.getWorkflow(h.scope, 'bad')).toBeUndefined();
  });

  it('issue 11: a cancelled task the workflow does not catch fails it with E_WORKFLOW_TASK_UNANSWERED naming the task, on replay too', async () => {
    const asks = workflow('asks', async (ctx) => {
      const result = await task(ctx, { title: 'Ship it?', form: { ok: { type: 'boolean', required: true } } });
      return result.data.ok;
    });
    await startWorkflow(h.deps(), asks, {}, { id: 'w1' });
    expect(await runInstance(h.deps(), asks, 'w1')).toMatchObject({ status: 'waiting' });
    await h.store.updateHumanTask(h.scope, 'wf:w1:0', cancel(systemActor, h.clock.now()));
    const failed = { status: 'failed', instance: { error: { code: 'E_WORKFLOW_TASK_UNANSWERED', message: 'human task "Ship it?" was cancelled without an answer' } } };
    expect(await runInstance(h.deps(), asks, 'w1')).toMatchObject(failed);
    expect((await h.store.readJournal(h.scope, 'w1')).map((e) => e.result)).toEqual([{ status: 'cancelled', data: {} }]);
  });
});
