import { mintTenantScope, type TenantScope } from '../../core/tenant-scope.js';
import type { FormDefinition, HumanTask, HumanTaskChange, NewHumanTask } from '../human-task-types.js';
import { t0 } from './fixtures.case.js';

/* Builders for the human-task conformance cases (a .case file: not in the build). */

export const tenantA: TenantScope = mintTenantScope('acme');
export const tenantB: TenantScope = mintTenantScope('globex');

/** Seed 000's form, exactly as written there. */
export const seedForm: FormDefinition = {
  answer: { type: 'textarea', required: true },
  sentiment: {
    type: 'select',
    options: [
      { value: 'positive', label: 'Positive' },
      { value: 'neutral', label: 'Neutral' },
      { value: 'frustrated', label: 'Frustrated' },
    ],
  },
};

/** Seed 000's example task, assigned to group support-l1. */
export function newHumanTask(id: string, overrides: Partial<NewHumanTask> = {}): NewHumanTask {
  return {
    id,
    title: 'Customer needs help',
    description: 'The bot was **not** confident.',
    form: seedForm,
    context: { conversationId: 'c-1', customerId: 'cust-9', nested: { list: [1, 'two', null] } },
    assignee: { kind: 'group', id: 'support-l1' },
    createdBy: { kind: 'run', runId: 'r1', nodeId: 'gate' },
    actor: 'system',
    createdAt: t0,
    ...overrides,
  };
}

/** A decide() that answers an open or claimed task and refuses any other, as the real transition does. */
export function answerOnce(by: string, answer: HumanTask['answer'], at = t0 + 1_000): (task: HumanTask) => HumanTaskChange {
  return function answerDecision(task) {
    if (task.status !== 'open' && task.status !== 'claimed') throw Object.assign(new Error(`task is ${task.status}`), { name: 'OrchestraError', code: 'E_HUMAN_TASK_STATE' });
    const { id: _id, tenant: _tenant, form: _form, createdAt: _c, createdBy: _b, version: _v, history: _h, updatedAt: _u, answerConsumedAt: _a, ...state } = task;
    return { next: { ...state, status: 'completed', answer, answeredBy: by, answeredAt: at }, entry: { at, actor: by, action: 'answered', detail: { answer: answer ?? null } } };
  };
}
