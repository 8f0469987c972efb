import { describe, expect, it } from 'vitest';
import { noPeople } from '../../config/index.js';
import { systemActor } from '../../humans/tasks/actor.js';
import { answer } from '../../humans/tasks/index.js';
import { createMemoryStore } from '../../store/memory/memory-store.js';
import type { HumanTask } from '../../store/human-task-types.js';
import { authenticateLocal } from '../auth/local-scope.js';
import { workflowHumanTasks } from './human-tasks-port.js';

const scope = authenticateLocal({ env: {} });
const request = { id: 'wf:w1:0', workflowId: 'w1', step: 'ask', title: 'Ship it?', description: '', form: { ok: { type: 'boolean' as const, required: true } }, context: { order: 'o1' }, sla: '30m' };

describe('the human-task port of workflows', () => {
  it('issue 11: opens a task as the services do (once, its SLA timer with it, announced), refuses an unknown assignee, and takes the answer', async () => {
    const store = createMemoryStore();
    const announced: string[] = [];
    const port = workflowHumanTasks({ store, scope, people: noPeople, now: () => 1_000, notices: { announce: async (task: HumanTask, event) => void announced.push(`${task.id} ${event}`) } });
    await port.open(request);
    await port.open(request);
    expect(announced).toEqual(['wf:w1:0 created']);
    expect(await store.getHumanTask(scope, 'wf:w1:0')).toMatchObject({ createdBy: { kind: 'workflow', workflowId: 'w1', step: 'ask' }, dueAt: 1_000 + 30 * 60_000, context: { order: 'o1' } });
    expect((await store.listTimers(scope)).length).toBeGreaterThan(0);
    await expect(port.open({ ...request, id: 'wf:w1:1', assignee: { kind: 'group', id: 'nobody' } })).rejects.toMatchObject({ code: 'E_UNKNOWN_PERSON' });
    expect(await store.getHumanTask(scope, 'wf:w1:1')).toBeUndefined();
    expect(await port.take('wf:w1:0')).toBeUndefined();
    await store.updateHumanTask(scope, 'wf:w1:0', answer(systemActor, { ok: true }, 2_000));
    expect(await port.take('wf:w1:0')).toEqual({ status: 'completed', answer: { ok: true }, answeredBy: 'system', answeredAt: 2_000 });
    // Asked again after a crash: still the answer (the journal makes it seen once).
    expect(await port.take('wf:w1:0')).toEqual({ status: 'completed', answer: { ok: true }, answeredBy: 'system', answeredAt: 2_000 });
    expect((await store.getHumanTask(scope, 'wf:w1:0'))?.answerConsumedAt).toBe(1_000);
  });
});
