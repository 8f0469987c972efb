import { describe, expect, it } from 'vitest';
import { waitingOn, type Waiter } from './waiting-on';

describe('issue 15: what a run waits on', () => {
  it.each<[Waiter, string | undefined]>([
    [{ kind: 'run', displayState: 'waiting', humanTask: 't1' }, 'a person'],
    [{ kind: 'run', displayState: 'running', currentHandler: 'codergen' }, 'an agent'],
    [{ kind: 'run', displayState: 'running', currentHandler: 'tool' }, undefined],
    [{ kind: 'run', displayState: 'running' }, undefined],
    [{ kind: 'run', displayState: 'interrupted', humanTask: 't1' }, undefined],
    [{ kind: 'run', displayState: 'completed' }, undefined],
    [{ kind: 'workflow', status: 'waiting', waitingOn: { kind: 'task' } }, 'a person'],
    [{ kind: 'workflow', status: 'waiting', waitingOn: { kind: 'timer' } }, 'a timer'],
    [{ kind: 'workflow', status: 'waiting', waitingOn: { kind: 'signal' } }, 'a signal'],
    [{ kind: 'workflow', status: 'waiting', waitingOn: { kind: 'child' } }, 'a child workflow'],
    [{ kind: 'workflow', status: 'running' }, undefined],
    [{ kind: 'guided', status: 'waiting', waitingFor: { humanTaskId: 'h' } }, 'a person'],
    [{ kind: 'guided', status: 'waiting', waitingFor: { taskId: 'x' } }, 'an agent'],
    [{ kind: 'guided', status: 'completed' }, undefined],
  ])('%j waits on %s', (waiter, expected) => {
    expect(waitingOn(waiter)).toBe(expected);
  });
});
