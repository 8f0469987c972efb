import { describe, expect, it } from 'vitest';
import { applyEvent, mergeStates, stateOfStatus, statesOfDetail } from './node-states';

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

  const record = (index: number, nodeId: string, status: string) => ({ index, nodeId, attempt: 1, status, handler: 'codergen', startedAt: index });
  it.each([
    ['a run not replayed: its own history', [], [record(1, 'start', 'success'), record(2, 'plan', 'running')], { start: 'succeeded', plan: 'running' }],
    ['a replayed run: the checkpoint\'s nodes as the origin left them, pending before its own history', [{ nodeId: 'start', status: 'success' }, { nodeId: 'plan', status: 'success' }], [], { start: 'succeeded', plan: 'succeeded' }],
    ['a replayed run: a node failed before the checkpoint stays failed', [{ nodeId: 'start', status: 'success' }, { nodeId: 'check', status: 'fail' }], [record(1, 'fix', 'running')], { start: 'succeeded', check: 'failed', fix: 'running' }],
    ['a replayed run: a node run again after the checkpoint has its new state', [{ nodeId: 'start', status: 'success' }, { nodeId: 'build', status: 'fail' }], [record(1, 'build', 'success')], { start: 'succeeded', build: 'succeeded' }],
  ] as const)('issue 15: %s', (_, origin, nodes, states) => {
    expect(statesOfDetail(nodes, undefined, origin)).toEqual(states);
  });

  it('issue 15: merging loaded states that change nothing keeps the same object (the graph is not drawn again)', () => {
    const live = { a: 'succeeded' as const, b: 'running' as const };
    expect(mergeStates(live, { a: 'succeeded' })).toBe(live);
    expect(mergeStates(live, { b: 'succeeded', c: 'pending' })).toEqual({ a: 'succeeded', b: 'succeeded', c: 'pending' });
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
