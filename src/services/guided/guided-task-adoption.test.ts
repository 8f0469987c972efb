import { describe, expect, it } from 'vitest';
import { taskStatuses } from '../../tasks/index.js';
import { taskAdoption, type TaskAdoption } from './guided-task-adoption.js';

// The crash point each row stands for: step-task.ts.
const cases: Array<[string, { status: string } | undefined, TaskAdoption]> = [
  ['no task of the slug: the first try, or a crash after the step was stored and before the task was made', undefined, 'create'],
  ['a draft: a crash after it was made and before it was started (or while its agent spawned)', { status: 'draft' }, 'start'],
  ['running: a crash after it started (the next daemon resumed its agent)', { status: 'running' }, 'adopt'],
  ['idle: its agent waits for input', { status: 'idle' }, 'adopt'],
  ['completed before the instance read it again', { status: 'completed' }, 'adopt'],
  ['reviewed', { status: 'reviewed' }, 'adopt'],
  ['merged', { status: 'merged' }, 'adopt'],
  ['stopped (by someone, or by recovery: no session to resume): its outcome, not restarted', { status: 'stopped' }, 'adopt'],
  ['failed (its setup or its agent failed): its outcome', { status: 'failed' }, 'adopt'],
];

describe('issue 13: what a step visit does with the task its slug names', () => {
  it.each(cases)('issue 13: %s', (_case, task, adoption) => {
    expect(taskAdoption(task)).toBe(adoption);
  });

  it('issue 13: every task status has its row, so a new status is a decision, not a default', () => {
    expect(cases.flatMap(([, task]) => (task ? [task.status] : [])).sort()).toEqual([...taskStatuses].sort());
  });
});
