import { describe, expect, it } from 'vitest';
import type { EscalationStep } from '../../store/escalation-types.js';
import { activeReminder, planEscalation, planReminder } from './plan-firing.js';
import { created, minute, slaTask } from './testing/sla-task.js';

const chain: EscalationStep[] = [
  { afterMs: 30 * minute, notify: ['slack', 'mail'], reassign: { kind: 'group', id: 'l2' } },
  { afterMs: 45 * minute, remind: { everyMs: 10 * minute } },
  { afterMs: 120 * minute, notify: ['slack'], final: { kind: 'expire' } },
];
const now = created + 50 * minute;
const ids = (timers: Array<{ id: string; dueAt: number }> | undefined) => (timers ?? []).map((timer) => `${timer.id}@${(timer.dueAt - created) / minute}m`);

describe('planEscalation', () => {
  const cases: Array<[string, number, number, string[], boolean]> = [
    ['step 0: its notice (to both channels) and the next step', 0, 0, ['ntf:h1:0:escalated:step@50m', 'esc:h1:1@45m'], true],
    ['step 1 (no notify): its notice all the same, the next step, a reminder now and its repeat', 1, 1, ['ntf:h1:1:escalated:step@50m', 'esc:h1:2@120m', 'ntf:h1:1:reminder:0@50m', 'rem:h1:1:1@60m'], true],
    ['step 2 (final): its notice only', 2, 2, ['ntf:h1:2:escalated:step@50m'], true],
    ['a stale timer (the step fired already): nothing', 0, 1, [], false],
  ];
  it.each(cases)('issue 10: %s', (_label, step, at, expected, changes) => {
    const outcome = planEscalation(slaTask(chain, { escalation: { step: at } }), { payload: { step } }, now);
    expect(ids(outcome.schedule)).toEqual(expected);
    expect(outcome.change !== undefined).toBe(changes);
  });

  it('issue 10: an escalation step without notify still sends an escalated notice, routed by the rules alone', () => {
    const quiet: EscalationStep[] = [{ afterMs: minute, priority: 'urgent' }, { afterMs: 2 * minute, reassign: { kind: 'user', id: 'bob' }, notify: ['slack', 'mail'] }];
    expect(planEscalation(slaTask(quiet), { payload: { step: 0 } }, now).schedule?.[0]).toMatchObject({ id: 'ntf:h1:0:escalated:step', payload: { event: 'escalated', step: 0 } });
    expect(planEscalation(slaTask(quiet), { payload: { step: 0 } }, now).schedule?.[0]?.payload).not.toHaveProperty('channels');
    expect(planEscalation(slaTask(quiet, { escalation: { step: 1 } }), { payload: { step: 1 } }, now).schedule?.[0]?.payload).toEqual({ event: 'escalated', step: 1, channels: ['slack', 'mail'] });
  });

  it('issue 10: a final step that cancels sends cancelled, one that answers by default sends completed', () => {
    const ends = (final: NonNullable<EscalationStep['final']>) => ids(planEscalation(slaTask([{ afterMs: minute, final }]), { payload: { step: 0 } }, now).schedule);
    expect(ends({ kind: 'cancel' })).toEqual(['ntf:h1:0:escalated:step@50m', 'ntf:h1:0:cancelled:final@50m']);
    expect(ends({ kind: 'answer', answer: { decision: 'reject' } })).toEqual(['ntf:h1:0:escalated:step@50m', 'ntf:h1:0:completed:final@50m']);
    expect(ends({ kind: 'expire' })).toEqual(['ntf:h1:0:escalated:step@50m']);
  });

  it('issue 10: nothing for a task that is gone or answered', () => {
    expect(planEscalation(undefined, { payload: { step: 0 } }, now)).toEqual({});
    expect(planEscalation(slaTask(chain, { status: 'completed' }), { payload: { step: 0 } }, now)).toEqual({});
  });
});

describe('planReminder', () => {
  const cases: Array<[string, Parameters<typeof slaTask>[1], number, string[]]> = [
    ['reminds and sets the next one, from now (no catch-up burst)', { escalation: { step: 2 } }, 3, ['ntf:h1:1:reminder:3@50m', 'rem:h1:1:4@60m']],
    ['stops once the task is answered', { escalation: { step: 2 }, status: 'completed' }, 3, []],
    ['stops once the final step fired', { escalation: { step: 3 }, status: 'expired' }, 3, []],
  ];
  it.each(cases)('issue 10: %s', (_label, overrides, count, expected) => {
    expect(ids(planReminder(slaTask(chain, overrides), { payload: { step: 1, count } }, now).schedule)).toEqual(expected);
  });

  it('issue 10: a later reminding step takes over from an earlier one', () => {
    const twice: EscalationStep[] = [{ afterMs: 0, remind: { everyMs: minute } }, { afterMs: minute, remind: { everyMs: minute }, reassign: { kind: 'user', id: 'bob' } }];
    expect(activeReminder(slaTask(twice, { escalation: { step: 1 } }))).toBe(0);
    expect(activeReminder(slaTask(twice, { escalation: { step: 2 } }))).toBe(1);
    expect(planReminder(slaTask(twice, { escalation: { step: 2 } }), { payload: { step: 0, count: 2 } }, now)).toEqual({});
    expect(activeReminder(slaTask(chain, { escalation: { step: 1 } }))).toBeUndefined();
  });
});
