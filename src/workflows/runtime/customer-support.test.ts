import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { workflow } from '../definition.js';
import { runInstance } from './run-instance.js';
import { startWorkflow } from './start-workflow.js';
import { step } from './step.js';
import { task } from './task.js';
import type { FormAnswer } from './task-types.js';
import { timeout } from './duration.js';
import { answerWorkflowTask } from './testing/store-human-tasks.js';
import { openHarness, type Harness } from './testing/harness.js';

/*
 * Seed 000's customer-support workflow, adapted: its input is typed by a zod schema, and the AI step
 * before the task is a stub that answers with a confidence score.
 */

const supportInput = z.object({ question: z.string(), conversationId: z.string(), customerId: z.string() });
const modelCalls: string[] = [];

/** The fake model: confident only about opening hours. */
async function fakeModel(question: string): Promise<{ answer: string; confidence: number }> {
  modelCalls.push(question);
  return /open/i.test(question) ? { answer: 'We are open 9 to 5.', confidence: 0.95 } : { answer: '', confidence: 0.2 };
}

export const customerSupport = workflow(
  'customer-support',
  async (ctx, input) => {
    const { question, conversationId, customerId } = input;

    const ai = await step(ctx, 'ai-answer', () => fakeModel(question));
    if (ai.confidence >= 0.8) return { answer: ai.answer, handledBy: 'ai' };

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

    return { answer: result.data.answer, handledBy: 'human', answeredBy: result.answeredBy };
  },
  { input: supportInput },
);

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
  modelCalls.length = 0;
});
afterEach(async () => {
  await h.close();
});

describe("seed 000's customer-support workflow", () => {
  it('issue 11: the AI answers when confident, and no task is created', async () => {
    await startWorkflow(h.deps(), customerSupport, { question: 'When are you open?', conversationId: 'c-1', customerId: 'cust-9' }, { id: 'cs-1' });
    expect(await runInstance(h.deps(), customerSupport, 'cs-1')).toMatchObject({ status: 'completed', instance: { result: { answer: 'We are open 9 to 5.', handledBy: 'ai' } } });
    expect((await h.store.listHumanTasks(h.scope)).tasks).toEqual([]);
  });

  it('issue 11: below the threshold a support-l1 task with a 30-minute SLA waits for a person; the answer is returned, taken once', async () => {
    await startWorkflow(h.deps(), customerSupport, { question: 'Where is my refund?', conversationId: 'c-1', customerId: 'cust-9' }, { id: 'cs-2' });
    const created = h.clock.now();
    expect(await runInstance(h.deps(), customerSupport, 'cs-2')).toMatchObject({ status: 'waiting', instance: { waitingOn: { kind: 'task', taskId: 'wf:cs-2:1' } } });
    expect(await h.store.getHumanTask(h.scope, 'wf:cs-2:1')).toMatchObject({
      title: 'Customer needs help', status: 'open', assignee: { kind: 'group', id: 'support-l1' }, dueAt: created + 1_800_000,
      context: { conversationId: 'c-1', customerId: 'cust-9' }, createdBy: { kind: 'workflow', workflowId: 'cs-2', step: 'Customer needs help' },
    });
    // A restart before anyone answers: the replay finds the same task and does not ask the model again.
    expect(await runInstance(h.deps('worker-2'), customerSupport, 'cs-2')).toMatchObject({ status: 'waiting' });
    expect((await h.store.listHumanTasks(h.scope)).tasks).toHaveLength(1);
    expect(modelCalls).toEqual(['Where is my refund?']);

    await answerWorkflowTask(h.store, h.scope, h.clock, 'wf:cs-2:1', 'ann', { answer: 'Your refund left today.', sentiment: 'neutral' });
    expect(await runInstance(h.deps(), customerSupport, 'cs-2')).toMatchObject({ status: 'completed', instance: { result: { answer: 'Your refund left today.', handledBy: 'human', answeredBy: 'ann' } } });
    expect(await h.store.getHumanTask(h.scope, 'wf:cs-2:1')).toMatchObject({ status: 'completed', answerConsumedAt: h.clock.now() });
    expect((await h.store.readJournal(h.scope, 'cs-2'))[1]).toMatchObject({ kind: 'task', result: { status: 'completed', data: { answer: 'Your refund left today.', sentiment: 'neutral' }, answeredBy: 'ann', answeredAt: h.clock.now() } });
    expect(modelCalls).toHaveLength(1);
  });

  it('issue 11: input that fails the schema names the field', async () => {
    await expect(startWorkflow(h.deps(), customerSupport, { question: 'hi', conversationId: 7 })).rejects.toMatchObject({
      code: 'E_WORKFLOW_INPUT',
      fields: [{ field: 'conversationId' }, { field: 'customerId' }],
    });
  });

  it("issue 11: a task's answer type is inferred from its form", () => {
    type Form = {
      answer: { type: 'textarea'; required: true };
      sentiment: { type: 'select'; options: readonly [{ value: 'positive'; label: 'Positive' }, { value: 'neutral'; label: 'Neutral' }] };
      score: { type: 'number'; required: true };
      urgent: { type: 'boolean' };
      tags: { type: 'multiselect'; required: true; options: readonly [{ value: 'billing'; label: 'B' }, { value: 'bug'; label: 'Bug' }] };
    };
    expectTypeOf<FormAnswer<Form>>().toEqualTypeOf<{ answer: string; score: number; tags: ('billing' | 'bug')[]; sentiment?: 'positive' | 'neutral'; urgent?: boolean }>();
    // The same from a literal, through task()'s const inference.
    const _asked = (ctx: Parameters<typeof task>[0]) =>
      task(ctx, { title: 't', form: { level: { type: 'select', required: true, options: [{ value: 'low', label: 'Low' }, { value: 'high', label: 'High' }] }, note: { type: 'text' } } });
    type Result = Awaited<ReturnType<typeof _asked>>;
    expectTypeOf<Extract<Result, { status: 'completed' }>['data']>().toEqualTypeOf<{ level: 'low' | 'high'; note?: string }>();
    // @ts-expect-error: 'medium' is not one of the select's options.
    const wrong: Extract<Result, { status: 'completed' }>['data']['level'] = 'medium';
    expect(wrong).toBe('medium');
  });

  it('issue 11: a step returns the type its function returns, interfaces included', () => {
    interface Order {
      id: string;
      lines: { sku: string; qty: number }[];
    }
    const _load = (ctx: Parameters<typeof step>[0]) => step(ctx, 'load', (): Order => ({ id: 'o1', lines: [] }));
    expectTypeOf<Awaited<ReturnType<typeof _load>>>().toEqualTypeOf<Order>();
    expect(typeof _load).toBe('function');
  });
});
