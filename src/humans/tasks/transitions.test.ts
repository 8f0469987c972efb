import { describe, expect, it } from 'vitest';
import type { HumanTask, HumanTaskStatus } from '../../store/human-task-types.js';
import type { Actor } from './actor.js';
import { systemActor } from './actor.js';
import { answer, cancel, claim, escalate, expire, reassign, release, type Decide } from './transitions.js';

const t0 = 1_700_000_000_000;
const ann: Actor = { id: 'ann', groups: ['support-l1'], admin: false };
const bea: Actor = { id: 'bea', groups: ['support-l1'], admin: false };
const bob: Actor = { id: 'bob', groups: [], admin: false };
const root: Actor = { id: 'root', groups: [], admin: true };

function task(status: HumanTaskStatus, overrides: Partial<HumanTask> = {}): HumanTask {
  return {
    id: 'h1', tenant: 'default', kind: 'form', title: 'Approve release', description: '', context: {},
    form: { decision: { type: 'select', required: true, options: [{ value: 'approve', label: 'Approve' }, { value: 'reject', label: 'Reject' }] } },
    assignee: { kind: 'group', id: 'support-l1' }, priority: 'normal', status, createdAt: t0, updatedAt: t0, escalation: { step: 0 },
    createdBy: { kind: 'cli', by: 'cat' }, version: 1, history: [{ seq: 1, at: t0, actor: 'cat', action: 'created' }],
    ...(status === 'claimed' && { claimedBy: 'ann' }),
    ...(status === 'completed' && { answer: { decision: 'approve' }, answeredBy: 'ann', answeredAt: t0 }),
    ...overrides,
  };
}

const good = { decision: 'approve' };
type Row = [string, HumanTaskStatus, Decide, HumanTaskStatus | string];

// [what, from status, decision, resulting status or the error code]
const rows: Row[] = [
  ['a group member claims an open task', 'open', claim(ann, t0 + 1), 'claimed'],
  ['an outsider cannot claim', 'open', claim(bob, t0 + 1), 'E_NOT_ELIGIBLE'],
  ['nobody claims a claimed task', 'claimed', claim(bea, t0 + 1), 'E_HUMAN_TASK_STATE'],
  ['the claimer releases', 'claimed', release(ann, t0 + 1), 'open'],
  ['an admin releases', 'claimed', release(root, t0 + 1), 'open'],
  ['another member cannot release', 'claimed', release(bea, t0 + 1), 'E_NOT_ELIGIBLE'],
  ['an open task cannot be released', 'open', release(ann, t0 + 1), 'E_HUMAN_TASK_STATE'],
  ['a member answers an open task', 'open', answer(bea, good, t0 + 1), 'completed'],
  ['the claimer answers', 'claimed', answer(ann, good, t0 + 1), 'completed'],
  ['another member cannot answer a claimed task', 'claimed', answer(bea, good, t0 + 1), 'E_HUMAN_TASK_STATE'],
  ['an admin answers a claimed task', 'claimed', answer(root, good, t0 + 1), 'completed'],
  ['an outsider cannot answer', 'open', answer(bob, good, t0 + 1), 'E_NOT_ELIGIBLE'],
  ['a wrong answer leaves it open', 'open', answer(ann, { decision: 'maybe' }, t0 + 1), 'E_FORM_INVALID'],
  ['a second answer is refused', 'completed', answer(bea, good, t0 + 1), 'E_HUMAN_TASK_STATE'],
  ['a cancelled task takes no answer', 'cancelled', answer(ann, good, t0 + 1), 'E_HUMAN_TASK_STATE'],
  ['an expired task takes no answer', 'expired', answer(ann, good, t0 + 1), 'E_HUMAN_TASK_STATE'],
  ['a member reassigns', 'open', reassign(ann, { kind: 'user', id: 'bob' }, t0 + 1), 'open'],
  ['the claimer reassigns, dropping the claim', 'claimed', reassign(ann, { kind: 'user', id: 'bob' }, t0 + 1), 'open'],
  ['an outsider cannot reassign', 'open', reassign(bob, { kind: 'user', id: 'bob' }, t0 + 1), 'E_NOT_ELIGIBLE'],
  ['a completed task cannot be reassigned', 'completed', reassign(root, { kind: 'user', id: 'bob' }, t0 + 1), 'E_HUMAN_TASK_STATE'],
  ['the SLA expires an open task', 'open', expire(systemActor, t0 + 1), 'expired'],
  ['the SLA expires a claimed task', 'claimed', expire(systemActor, t0 + 1), 'expired'],
  ['a completed task does not expire', 'completed', expire(systemActor, t0 + 1), 'E_HUMAN_TASK_STATE'],
  ['its creator cancels', 'open', cancel({ id: 'cat', groups: [], admin: false }, t0 + 1), 'cancelled'],
  ['an admin cancels', 'claimed', cancel(root, t0 + 1, 'not needed'), 'cancelled'],
  ['a member cannot cancel', 'open', cancel(ann, t0 + 1), 'E_NOT_ELIGIBLE'],
  ['a cancelled task cannot be cancelled again', 'cancelled', cancel(root, t0 + 1), 'E_HUMAN_TASK_STATE'],
  ['the SLA fires the step the task is at', 'open', escalate(systemActor, 0, t0 + 1), 'open'],
  ['an escalation that reassigns drops the claim', 'claimed', escalate(systemActor, 0, t0 + 1, { assignee: { kind: 'group', id: 'support-l2' } }), 'open'],
  ['a step fired twice changes the task once', 'open', escalate(systemActor, 1, t0 + 1), 'E_HUMAN_TASK_STATE'],
  ['an answered task does not escalate', 'completed', escalate(systemActor, 0, t0 + 1), 'E_HUMAN_TASK_STATE'],
];

describe('human task transitions', () => {
  it.each(rows)('issue 10: %s (%s → %s)', (_label, from, decide, expected) => {
    if (expected.startsWith('E_')) {
      expect(() => decide(task(from))).toThrow(expect.objectContaining({ code: expected }));
    } else {
      const { next, entry } = decide(task(from));
      expect(next.status).toBe(expected);
      expect(entry.at).toBe(t0 + 1);
    }
  });

  it('issue 10: an answer records who and when, keeps the validated value, and drops the claim', () => {
    const { next, entry } = answer(ann, { decision: 'reject' }, t0 + 5)(task('claimed'));
    expect(next).toMatchObject({ status: 'completed', answer: { decision: 'reject' }, answeredBy: 'ann', answeredAt: t0 + 5, claimedBy: undefined });
    expect(entry).toEqual({ at: t0 + 5, actor: 'ann', action: 'answered', detail: { answer: { decision: 'reject' } } });
  });

  it('issue 10: errors say why, and what to do', () => {
    expect(() => answer(bea, good, t0)(task('completed'))).toThrow(expect.objectContaining({ message: 'cannot answer human task "h1": it was already answered by ann' }));
    expect(() => answer(bea, good, t0)(task('claimed'))).toThrow(expect.objectContaining({ message: 'cannot answer human task "h1": it is claimed by ann', hint: 'Ask ann or an admin to release it (orchestra release h1).' }));
    expect(() => claim(bob, t0)(task('open'))).toThrow(expect.objectContaining({ message: 'bob may not claim human task "h1": it is assigned to group:support-l1' }));
  });

  it('issue 10: reassigning records from and to', () => {
    const { next, entry } = reassign(ann, { kind: 'group', id: 'support-l2' }, t0 + 1)(task('claimed'));
    expect(next).toMatchObject({ status: 'open', assignee: { kind: 'group', id: 'support-l2' }, claimedBy: undefined });
    expect(entry.detail).toEqual({ from: 'group:support-l1', to: 'group:support-l2' });
  });
});

describe('escalate', () => {
  it('issue 10: moves to the next step, records when it fired, and applies its effect', () => {
    const { next, entry } = escalate(systemActor, 0, t0 + 9, { priority: 'urgent', assignee: { kind: 'user', id: 'bob' } })(task('claimed'));
    expect(next).toMatchObject({ escalation: { step: 1, lastFiredAt: t0 + 9 }, priority: 'urgent', assignee: { kind: 'user', id: 'bob' }, status: 'open', claimedBy: undefined });
    expect(entry).toEqual({ at: t0 + 9, actor: 'system', action: 'escalated', detail: { step: 0, priority: 'urgent', to: 'user:bob' } });
  });
});
