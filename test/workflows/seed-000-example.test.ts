import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { JsonObject, JsonValue, TaskResult, WorkflowContext } from '../../src/index.js';
import { runInstance, startWorkflow } from '../../src/workflows/runtime/index.js';
import { openHarness, type Harness } from '../../src/workflows/runtime/testing/harness.js';
import { answerWorkflowTask } from '../../src/workflows/runtime/testing/store-human-tasks.js';

// ---- Seed 000's example, verbatim but for the package name: it must type-check under `tsc -p tsconfig.json` (CI). ----
import { workflow, task, timeout } from '../../src/index.js';

/* eslint-disable @typescript-eslint/no-unused-vars -- as written, the example destructures `question` and does not use it */
export const customerSupport = workflow('customer-support', async (ctx, input) => {
  const { question, conversationId, customerId } = input;

  // AI couldn't answer confidently - ask human
  const result = await task(ctx, {
    title: 'Customer needs help',
    form: {
      answer: { type: 'textarea', required: true },
      sentiment: {
        type: 'select',
        options: [
          { value: 'positive', label: 'Positive' },
          { value: 'neutral', label: 'Neutral' },
          { value: 'frustrated', label: 'Frustrated' },
        ],
      },
    },
    assignTo: { group: 'support-l1' },
    context: { conversationId, customerId },
    sla: timeout('30m'),
  });

  return { answer: result.data.answer, handledBy: 'human' };
});
/* eslint-enable @typescript-eslint/no-unused-vars */
// ---- end of seed 000's example ----

/** The same form as the example's, to look at the answer's type from inside a workflow. */
const _asked = (ctx: WorkflowContext) =>
  task(ctx, {
    title: 'Customer needs help',
    form: {
      answer: { type: 'textarea', required: true },
      sentiment: { type: 'select', options: [{ value: 'positive', label: 'Positive' }, { value: 'neutral', label: 'Neutral' }, { value: 'frustrated', label: 'Frustrated' }] },
    },
  });
type Answer = Awaited<ReturnType<typeof _asked>>['data'];

describe("seed 000's example as written", () => {
  it('issue 11: types: input is a JSON object without a schema, the answer is a string, the sentiment the union of its options', () => {
    expectTypeOf<Parameters<typeof customerSupport.run>[1]>().toEqualTypeOf<JsonObject>();
    expectTypeOf<Awaited<ReturnType<typeof customerSupport.run>>>().toEqualTypeOf<{ answer: string; handledBy: string }>();
    expectTypeOf<Answer['answer']>().toEqualTypeOf<string>();
    expectTypeOf<Answer['sentiment']>().toEqualTypeOf<'positive' | 'neutral' | 'frustrated' | undefined>();
    expectTypeOf<Awaited<ReturnType<typeof _asked>>>().toEqualTypeOf<TaskResult<{ answer: string; sentiment?: 'positive' | 'neutral' | 'frustrated' }>>();
    // @ts-expect-error: 'angry' is not one of the select's options.
    const wrong: Answer['sentiment'] = 'angry';
    const answer: Answer = { answer: 'hi' };
    // @ts-expect-error: the form has no field `email`.
    expect(answer.email).toBeUndefined();
    expect(wrong).toBe('angry');
  });

  it('issue 11: types: a zod input schema types the input; task() refuses bad options', () => {
    const _typed = workflow('typed', async (_ctx, input) => input.count * 2, { input: z.object({ count: z.number(), note: z.string().optional() }) });
    expectTypeOf<Parameters<typeof _typed.run>[1]>().toEqualTypeOf<{ count: number; note?: string | undefined }>();
    expectTypeOf<Awaited<ReturnType<typeof _typed.run>>>().toEqualTypeOf<number>();
    workflow('bad', async (ctx, input) => {
      // @ts-expect-error: without a schema a field is a JSON value (or missing), not a number.
      const n: number = input['count'];
      expectTypeOf(input['count']).toEqualTypeOf<JsonValue | undefined>();
      // @ts-expect-error: a field type that does not exist.
      await task(ctx, { title: 't', form: { a: { type: 'colour' } } });
      // @ts-expect-error: a context value must be JSON, not a function.
      await task(ctx, { title: 't', form: { a: { type: 'text' } }, context: { fn: () => 1 } });
      // @ts-expect-error: a task needs a title.
      await task(ctx, { form: { a: { type: 'text' } } });
      return n;
    });
  });
});

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

describe("seed 000's example runs as written", () => {
  it('issue 11: it waits on a support-l1 task with a 30-minute SLA and the input in its context, then returns the answer', async () => {
    const input = { question: 'Where is my refund?', conversationId: 'c-1', customerId: 'cust-9' };
    await startWorkflow(h.deps(), customerSupport, input, { id: 'cs-1' });
    const created = h.clock.now();
    expect(await runInstance(h.deps(), customerSupport, 'cs-1')).toMatchObject({ status: 'waiting', instance: { waitingOn: { kind: 'task', taskId: 'wf:cs-1:0' } } });
    expect(await h.store.getHumanTask(h.scope, 'wf:cs-1:0')).toMatchObject({
      title: 'Customer needs help', assignee: { kind: 'group', id: 'support-l1' }, dueAt: created + 30 * 60_000, context: { conversationId: 'c-1', customerId: 'cust-9' },
    });
    await answerWorkflowTask(h.store, h.scope, h.clock, 'wf:cs-1:0', 'ann', { answer: 'It left today.', sentiment: 'frustrated' });
    expect(await runInstance(h.deps(), customerSupport, 'cs-1')).toMatchObject({ status: 'completed', instance: { result: { answer: 'It left today.', handledBy: 'human' } } });
  });
});
