import { describe, expect, it } from 'vitest';
import type { DueSoonRule } from '../../config/notifications-types.js';
import { created, minute, slaTask } from './testing/sla-task.js';
import { dueSoonTimer, firstTimers, isDueSoonNews } from './timer-kinds.js';

describe('due-soon timer', () => {
  const cases: Array<[string, number | undefined, DueSoonRule, number | undefined]> = [
    ['80% of a 30m SLA', 30 * minute, { fraction: 0.8 }, 24 * minute],
    ['50% of a 10m SLA', 10 * minute, { fraction: 0.5 }, 5 * minute],
    ['5m before a 30m SLA', 30 * minute, { beforeMs: 5 * minute }, 25 * minute],
    ['a lead as long as the SLA: none', 30 * minute, { beforeMs: 30 * minute }, undefined],
    ['a lead longer than the SLA: none', 30 * minute, { beforeMs: 60 * minute }, undefined],
    ['no due time: none', undefined, { fraction: 0.8 }, undefined],
  ];
  it.each(cases)('issue 10: %s', (_label, slaMs, rule, expected) => {
    const timer = dueSoonTimer({ id: 'h1', createdAt: created, ...(slaMs !== undefined && { dueAt: created + slaMs }) }, rule, created);
    expect(timer === undefined ? undefined : timer.dueAt - created).toBe(expected);
    if (timer) expect(timer).toMatchObject({ id: 'due:h1', kind: 'human-task.due-soon', subjectId: 'h1' });
  });

  it('issue 10: a new task schedules its first escalation and its due-soon notice, 80% by default', () => {
    const timers = firstTimers({ id: 'h1', createdAt: created, dueAt: created + 10 * minute, escalationChain: [{ afterMs: 10 * minute, priority: 'high' }] }, created);
    expect(timers.map((timer) => [timer.id, timer.dueAt - created])).toEqual([['esc:h1:0', 10 * minute], ['due:h1', 8 * minute]]);
  });

  it('issue 10: is news only while the task waits and is not yet due', () => {
    const due = created + 10 * minute;
    expect(isDueSoonNews(slaTask([], { dueAt: due }), due - 1)).toBe(true);
    expect(isDueSoonNews(slaTask([], { dueAt: due, status: 'claimed' }), due - 1)).toBe(true);
    expect(isDueSoonNews(slaTask([], { dueAt: due }), due)).toBe(false);
    expect(isDueSoonNews(slaTask([], { dueAt: due, status: 'completed' }), due - 1)).toBe(false);
    expect(isDueSoonNews(slaTask([], { dueAt: due, status: 'cancelled' }), due - 1)).toBe(false);
    expect(isDueSoonNews(undefined, due - 1)).toBe(false);
  });
});
