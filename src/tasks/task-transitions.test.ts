import { describe, expect, it } from 'vitest';
import { isOrchestraError } from '../core/errors.js';
import { taskStatuses, type Task, type TaskStatus } from './task.js';
import { assertTransition, canTransition, nextStatuses, startableStatuses } from './task-transitions.js';

// Every status pair. Row = from; columns = to in taskStatuses order (draft running idle completed
// reviewed stopped failed merged); a letter = allowed, the diagonal being the no-op.
const table: Record<TaskStatus, string> = {
  draft: 'D R . . . . F .',
  running: '. R I C . S F M',
  idle: '. R I C . S F M',
  completed: '. R I C V . . M',
  reviewed: '. R I . V . . M',
  stopped: '. R I C . S . M',
  failed: '. R I C . . F M',
  merged: '. R I . . . . M',
};

const cases = taskStatuses.flatMap((from) => {
  const marks = table[from].split(' ');
  return taskStatuses.map((to, index) => [from, to, marks[index] !== '.'] as const);
});

describe('task status transitions', () => {
  it('the table covers every pair', () => {
    expect(cases).toHaveLength(64);
  });

  it.each(cases)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('stopped → reviewed is refused with "complete it first"', () => {
    const error = catchError(() => assertTransition(task('stopped'), 'reviewed'));
    expect(error).toMatchObject({ code: 'E_TASK_STATE', hint: 'Only a completed task can be reviewed: complete it first (orchestra complete 42).' });
    expect(error.message).toBe('task 42:fix-tests is stopped; it cannot become reviewed (stopped → reviewed is not allowed).');
  });

  it('names what is possible from the current status', () => {
    const error = catchError(() => assertTransition(task('draft'), 'completed'));
    expect(error).toMatchObject({ code: 'E_TASK_STATE', hint: 'From draft a task can become running or failed.' });
    expect(catchError(() => assertTransition(task('completed'), 'stopped')).hint).toBe('From completed a task can become running, idle, reviewed or merged.');
  });

  it('allows a no-op and every move in the table', () => {
    for (const [from, to, allowed] of cases) if (allowed) expect(() => assertTransition(task(from), to)).not.toThrow();
  });

  it('lists next statuses in lifecycle order', () => {
    expect(nextStatuses('running')).toEqual(['idle', 'completed', 'stopped', 'failed', 'merged']);
  });

  it('start may launch an agent from draft, stopped, failed, completed, reviewed and merged, each leading to running', () => {
    expect([...startableStatuses].sort()).toEqual(['completed', 'draft', 'failed', 'merged', 'reviewed', 'stopped']);
    for (const status of startableStatuses) expect(canTransition(status, 'running')).toBe(true);
    expect(startableStatuses).not.toContain('running');
    expect(startableStatuses).not.toContain('idle');
  });
});

function task(status: TaskStatus): Task {
  return { id: 42, slug: 'fix-tests', status, baseBranch: 'main', createdAt: '', updatedAt: '', description: '', file: '/p/42:fix-tests.md', extra: {} };
}

function catchError(fn: () => void): Error & { code?: string; hint?: string } {
  try {
    fn();
  } catch (error) {
    if (isOrchestraError(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}
