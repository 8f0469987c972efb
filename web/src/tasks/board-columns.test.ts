import { describe, expect, it } from 'vitest';
import { boardColumns, columnOf, groupByColumn } from './board-columns';
import { applyTaskEvent } from './task-events';
import type { TaskView } from './types';

const task = (id: number, status: TaskView['status'], extra: Partial<TaskView> = {}): TaskView => ({
  id, slug: `t${id}`, status, baseBranch: 'main', updatedAt: '2026-01-01T00:00:00Z',
  description: '', projectRoot: '/p', projectName: 'p', needsInput: false, ...extra,
});

describe('issue 15: the tasks board columns', () => {
  it.each([
    ['draft', false, 'draft'],
    ['running', false, 'running'],
    ['running', true, 'idle'],
    ['idle', false, 'idle'],
    ['idle', true, 'idle'],
    ['completed', false, 'completed'],
    ['reviewed', false, 'reviewed'],
    ['stopped', false, 'stopped'],
    ['failed', false, 'stopped'],
    ['merged', false, 'merged'],
  ] as const)('issue 15: a %s task (needs input: %s) is in the %s column', (status, needsInput, column) => {
    expect(columnOf({ status, needsInput })).toBe(column);
    expect(boardColumns.map(({ id }) => id)).toContain(column);
  });

  it('issue 15: a column lists the tasks waiting for an answer first, then the latest changed', () => {
    const groups = groupByColumn([task(1, 'idle', { updatedAt: '2026-01-03' }), task(2, 'idle', { updatedAt: '2026-01-02', needsInput: true }), task(3, 'idle', { updatedAt: '2026-01-04' })]);
    expect(groups.idle.map((t) => t.id)).toEqual([2, 3, 1]);
    expect(groups.draft).toEqual([]);
  });
});

describe('issue 15: task events on the board', () => {
  const event = (type: string, data: Record<string, unknown>) => ({ id: 1, kind: 'task', subject: '1', type, at: Date.parse('2026-02-01T00:00:00Z'), data });

  it('issue 15: a status or activity event moves the task in place', () => {
    const tasks = [task(1, 'running'), task(2, 'draft')];
    const moved = applyTaskEvent(tasks, event('task.status', { taskId: 1, project: '/p', status: 'completed' }));
    expect(moved.reload).toBeUndefined();
    expect(moved.tasks[0]).toMatchObject({ id: 1, status: 'completed', updatedAt: '2026-02-01T00:00:00.000Z' });
    const waiting = applyTaskEvent(tasks, event('task.activity', { taskId: 1, project: '/p', activity: 'waiting', needsInput: true }));
    expect(waiting.tasks[0]).toMatchObject({ activity: 'waiting', needsInput: true, status: 'running' });
    expect(waiting.tasks[1]).toBe(tasks[1]);
  });

  it('issue 15: an event applied twice (the list was read after its change) gives what applying it once gives', () => {
    const tasks = [task(1, 'running'), task(2, 'draft')];
    for (const each of [event('task.status', { taskId: 1, project: '/p', status: 'failed' }), event('task.activity', { taskId: 1, project: '/p', activity: 'waiting', needsInput: true })]) {
      const once = applyTaskEvent(tasks, each);
      expect(applyTaskEvent(once.tasks, each)).toEqual(once);
    }
  });

  it.each([
    ['task.created', 3],
    ['task.edited', 1],
    ['task.removed', 1],
    ['task.status', 9],
  ])('issue 15: %s of task %s reloads its project', (type, taskId) => {
    expect(applyTaskEvent([task(1, 'running')], event(type, { taskId, project: '/p', status: 'idle' })).reload).toBe('/p');
  });
});
