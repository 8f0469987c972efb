import { describe, expect, it } from 'vitest';
import { applyEvent, stateOfStatus, statesOfDetail } from './node-states';

const event = (type: string, data: Record<string, unknown>) => ({ id: 1, kind: 'run', subject: 'r', type, at: 0, data });

describe('issue 15: node states of the run graph', () => {
  it.each([
    ['running', 'running'],
    ['success', 'succeeded'],
    ['partial_success', 'succeeded'],
    ['fail', 'failed'],
    ['retry', 'retrying'],
    ['skipped', 'pending'],
  ])('issue 15: status %s is %s', (status, state) => {
    expect(stateOfStatus(status)).toBe(state);
  });

  it('issue 15: the latest execution of a node wins, and the gate a run waits at is waiting', () => {
    const nodes = [
      { index: 2, nodeId: 'a', attempt: 2, status: 'success', handler: 'tool', startedAt: 2 },
      { index: 1, nodeId: 'a', attempt: 1, status: 'fail', handler: 'tool', startedAt: 1 },
      { index: 3, nodeId: 'g', attempt: 1, status: 'running', handler: 'wait.human', startedAt: 3 },
    ];
    const run = { id: 'r', pipeline: 'p', file: 'f', goal: '', displayState: 'waiting' as const, waitingAt: 'g', simulate: true, startedAt: 0, durationMs: 0 };
    expect(statesOfDetail(nodes, run)).toEqual({ a: 'succeeded', g: 'waiting' });
  });

  it.each([
    ['node.started', {}, 'running'],
    ['node.completed', { status: 'success' }, 'succeeded'],
    ['node.completed', { status: 'fail' }, 'failed'],
    ['node.failed', {}, 'failed'],
    ['node.retrying', {}, 'retrying'],
    ['interview.started', {}, 'waiting'],
    ['interview.completed', {}, 'running'],
  ])('issue 15: %s %j makes the node %s', (type, data, state) => {
    expect(applyEvent({ n: 'pending' }, event(type, { node: 'n', ...data }))).toEqual({ n: state });
  });

  it('issue 15: an event without a node, or of another type, changes nothing (the same object)', () => {
    const states = { n: 'running' as const };
    expect(applyEvent(states, event('run.started', {}))).toBe(states);
    expect(applyEvent(states, event('checkpoint.saved', { node: 'n' }))).toBe(states);
    expect(applyEvent(states, event('node.started', { node: 'n' }))).toBe(states);
  });
});
