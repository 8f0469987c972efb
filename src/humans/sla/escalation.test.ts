import { describe, expect, it } from 'vitest';
import type { EscalationStep } from '../../store/escalation-types.js';
import type { HumanTask } from '../../store/human-task-types.js';
import { applyEscalation } from './apply-escalation.js';
import { nextEscalation } from './next-escalation.js';
import { created, minute, slaTask } from './testing/sla-task.js';

const chain: EscalationStep[] = [
  { afterMs: 30 * minute, notify: ['slack'], reassign: { kind: 'group', id: 'l2' }, priority: 'high' },
  { afterMs: 45 * minute, remind: { everyMs: 10 * minute } },
  { afterMs: 120 * minute, final: { kind: 'answer', answer: { decision: 'reject' } } },
];

describe('nextEscalation', () => {
  const cases: Array<[string, Partial<HumanTask>, number, { index: number; at: number; due: boolean } | undefined]> = [
    ['the first step, not yet due', {}, created + 10 * minute, { index: 0, at: created + 30 * minute, due: false }],
    ['the first step, due exactly now', {}, created + 30 * minute, { index: 0, at: created + 30 * minute, due: true }],
    ['the second, counted from creation however late the first fired', { escalation: { step: 1, lastFiredAt: created + 44 * minute } }, created + 44 * minute, { index: 1, at: created + 45 * minute, due: false }],
    ['a claimed task still escalates', { status: 'claimed', claimedBy: 'bob', escalation: { step: 2 } }, created + 3 * 60 * minute, { index: 2, at: created + 120 * minute, due: true }],
    ['nothing once every step fired', { escalation: { step: 3 } }, created + 999 * minute, undefined],
    ['nothing for an answered task', { status: 'completed' }, created + 999 * minute, undefined],
    ['nothing for a cancelled task', { status: 'cancelled' }, created, undefined],
  ];
  it.each(cases)('issue 10: %s', (_label, overrides, now, expected) => {
    const next = nextEscalation(slaTask(chain, overrides), chain, now);
    expect(next && { index: next.index, at: next.at, due: next.due }).toEqual(expected);
  });
});

describe('applyEscalation', () => {
  const at = created + 31 * minute;

  it('issue 10: reassigns, raises the priority, drops a claim and records one escalated entry', () => {
    const change = applyEscalation(slaTask(chain, { status: 'claimed', claimedBy: 'bob' }), 0, at);
    expect(change?.next).toMatchObject({ assignee: { kind: 'group', id: 'l2' }, priority: 'high', status: 'open', claimedBy: undefined, escalation: { step: 1, lastFiredAt: at } });
    expect(change?.entry).toEqual({
      at,
      actor: 'system',
      action: 'escalated',
      detail: { step: 0, notify: ['slack'], reassigned: { from: 'group:l1', to: 'group:l2' }, priority: { from: 'normal', to: 'high' } },
    });
  });

  const cases: Array<[string, EscalationStep, Partial<HumanTask>, Record<string, unknown> | undefined]> = [
    ['never lowers the priority', { afterMs: 0, priority: 'high' }, { priority: 'urgent' }, { action: 'escalated', priority: 'urgent', detail: { step: 0 } }],
    ['reminds without changing who or what', { afterMs: 0, remind: {} }, {}, { action: 'escalated', assignee: { kind: 'group', id: 'l1' }, detail: { step: 0, remind: true } }],
    ['gives the default answer, as system', { afterMs: 0, final: { kind: 'answer', answer: { decision: 'reject' } } }, {}, { action: 'answered', status: 'completed', answer: { decision: 'reject' }, answeredBy: 'system', detail: { answer: { decision: 'reject' }, step: 0 } }],
    ['expires the task', { afterMs: 0, final: { kind: 'expire' } }, { status: 'claimed', claimedBy: 'bob' }, { action: 'expired', status: 'expired', detail: { step: 0 } }],
    ['cancels the task, saying why', { afterMs: 0, notify: ['ops'], final: { kind: 'cancel' } }, {}, { action: 'cancelled', status: 'cancelled', detail: { reason: 'the SLA ran out', step: 0, notify: ['ops'] } }],
    ['does nothing to an answered task', { afterMs: 0, priority: 'urgent' }, { status: 'completed' }, undefined],
    ['does nothing when the step already fired (a repeated firing)', { afterMs: 0, priority: 'urgent' }, { escalation: { step: 1, lastFiredAt: created } }, undefined],
  ];
  it.each(cases)('issue 10: %s', (_label, step, overrides, expected) => {
    const change = applyEscalation(slaTask([step], overrides), 0, at);
    if (expected === undefined) return expect(change).toBeUndefined();
    const { action, detail, ...state } = expected;
    expect(change?.entry).toMatchObject({ at, actor: 'system', action });
    expect(change?.entry.detail).toEqual(detail);
    expect(change?.next).toMatchObject({ ...state, escalation: { step: 1, lastFiredAt: at } });
  });

  it('issue 10: a step index out of the chain does nothing', () => {
    expect(applyEscalation(slaTask(chain, { escalation: { step: 5 } }), 5, at)).toBeUndefined();
    expect(applyEscalation(slaTask([], {}), 0, at)).toBeUndefined();
  });
});
