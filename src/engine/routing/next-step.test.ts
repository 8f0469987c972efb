import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/outcome.js';
import { buildGraph, type GraphSpec } from '../testing/build-graph.js';
import { decideNextStep } from './next-step.js';

function decide(spec: GraphSpec, outcome: Outcome, handlerType = 'codergen') {
  const graph = buildGraph(spec);
  const step = decideNextStep(graph, graph.nodes.get('n')!, handlerType, outcome, () => undefined);
  return step.kind === 'advance' ? { ...step, edge: step.edge && `${step.edge.from}->${step.edge.to}` } : step;
}

describe('decideNextStep', () => {
  it('follows the selected edge with its label', () => {
    expect(decide({ edges: [['n', 'a', { label: 'Go' }]] }, { status: 'success' })).toEqual({
      kind: 'advance',
      to: 'a',
      reason: 'weight',
      edge: 'n->a',
      label: 'Go',
      loopRestart: false,
    });
  });

  it('marks loop_restart edges', () => {
    expect(decide({ edges: [['n', 'a', { loop_restart: true }]] }, { status: 'success' })).toMatchObject({ to: 'a', loopRestart: true });
  });

  it('ends when no edge qualifies after success', () => {
    expect(decide({ edges: [['n', 'a', { condition: 'outcome=fail' }]] }, { status: 'success' })).toEqual({ kind: 'end' });
    expect(decide({ nodes: { n: {} } }, { status: 'partial_success' })).toEqual({ kind: 'end' });
  });

  it.each<[string, GraphSpec, unknown]>([
    ['decision 3: FAIL takes a fail condition edge', { edges: [['n', 'ok'], ['n', 'fix', { condition: 'outcome=fail' }]] }, { kind: 'advance', to: 'fix', reason: 'condition' }],
    ['decision 3: FAIL jumps to retry_target', { nodes: { n: { retry_target: 'r' }, r: {} }, edges: [['n', 'ok']] }, { kind: 'advance', to: 'r', reason: 'retry_target', edge: undefined }],
    ['decision 3: FAIL never takes unconditional edges', { edges: [['n', 'ok']] }, { kind: 'fail', message: 'Node "n" failed: boom' }],
  ])('%s', (_name, spec, expected) => {
    expect(decide(spec, { status: 'fail', failureReason: 'boom' })).toMatchObject(expected as object);
  });

  it('decision 6: after a parallel node, continue at the fan-in it names', () => {
    const spec: GraphSpec = { edges: [['n', 'b1'], ['n', 'b2'], ['b1', 'join'], ['b2', 'join']] };
    expect(decide(spec, { status: 'partial_success', suggestedNextIds: ['join'] }, 'parallel')).toMatchObject({ kind: 'advance', to: 'join', reason: 'suggested_id', edge: undefined });
  });

  it('decision 6: a parallel node without a fan-in fails the run', () => {
    expect(decide({ edges: [['n', 'b1']] }, { status: 'success' }, 'parallel')).toEqual({
      kind: 'fail',
      message: 'Parallel node "n" finished without naming an existing fan-in node to continue at',
    });
  });

  it('a failed parallel node goes through failure routing', () => {
    expect(decide({ edges: [['n', 'b1'], ['n', 'x', { condition: 'outcome=fail' }]] }, { status: 'fail' }, 'parallel')).toMatchObject({ to: 'x', reason: 'condition' });
  });
});
