import { describe, expect, it } from 'vitest';
import type { WorkflowInstance } from '../../store/workflow-types.js';
import { plainPalette } from '../output/color.js';
import { describeWait } from '../workflow-commands/format-instance.js';
import { newestFirst, workflowRunRow } from './workflow-rows.js';

const base: WorkflowInstance = { id: 'o1', tenant: 'default', name: 'approval', version: 'abc', input: null, status: 'waiting', wakeups: 0, createdAt: 1_000, updatedAt: 2_000 };

describe('issue 11: workflow instances among the runs', () => {
  it.each([
    [[3, 1], [4, 2, 0], ['w4', 'r3', 'w2', 'r1', 'w0']],
    [[5, 5], [5], ['r5', 'r5', 'w5']],
    [[], [2, 1], ['w2', 'w1']],
    [[2], [], ['r2']],
  ])('runs %j and workflows %j merge newest first as %j', (runs, workflows, expected) => {
    const merged = newestFirst(runs, (n) => n, workflows, (n) => n);
    expect(merged.map((entry) => ('run' in entry ? `r${entry.run}` : `w${entry.workflow}`))).toEqual(expected);
  });

  it.each<[string, Partial<WorkflowInstance>, string]>([
    ['a task, with the call it waits at', { waitingOn: { kind: 'task', taskId: 'wf:o1:1' }, suspendedAt: { position: 1, kind: 'task', name: 'Approve?' } }, 'Approve? (task wf:o1:1)'],
    ['a task without its call', { waitingOn: { kind: 'task', taskId: 'wf:o1:1' } }, 'task wf:o1:1'],
    ['a signal', { waitingOn: { kind: 'signal', name: 'ship' } }, 'signal "ship"'],
    ['a signal with a timeout', { waitingOn: { kind: 'signal', name: 'ship', timerId: 't' } }, 'signal "ship" (with a timeout)'],
    ['a child workflow', { waitingOn: { kind: 'child', instanceId: 'o1:2' } }, 'child workflow o1:2'],
    ['nothing once it runs', { status: 'running', waitingOn: { kind: 'signal', name: 'ship' } }, ''],
  ])('a waiting instance on %s reads %j', (_case, change, expected) => {
    expect(describeWait({ ...base, ...change })).toBe(expected);
  });

  it('a row has the runs columns, the name marked (workflow), a finished one timed to its end', () => {
    const row = workflowRunRow({ ...base, status: 'completed', finishedAt: 4_000, name: 'a\u001b[2Jb' }, 10_000, plainPalette);
    expect(row).toEqual(['o1', 'a\\x1b[2Jb (workflow)', 'completed', '', expect.any(String), '3.0s']);
  });
});
