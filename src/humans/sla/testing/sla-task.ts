import type { EscalationStep } from '../../../store/escalation-types.js';
import type { HumanTask } from '../../../store/human-task-types.js';

export const created = 1_700_000_000_000;
export const minute = 60_000;

/** A stored-looking open task with an approval form and `chain`, for the pure SLA tests. */
export function slaTask(chain: EscalationStep[], overrides: Partial<HumanTask> = {}): HumanTask {
  return {
    id: 'h1',
    tenant: 'acme',
    kind: 'form',
    title: 'Approve the release',
    description: '',
    form: { decision: { type: 'select', required: true, options: [{ value: 'approve', label: 'Approve' }, { value: 'reject', label: 'Reject' }] } },
    context: {},
    assignee: { kind: 'group', id: 'l1' },
    priority: 'normal',
    status: 'open',
    createdAt: created,
    updatedAt: created,
    escalation: { step: 0 },
    escalationChain: chain,
    createdBy: { kind: 'api' },
    version: 1,
    history: [{ seq: 1, at: created, actor: 'ann', action: 'created' }],
    ...overrides,
  };
}
