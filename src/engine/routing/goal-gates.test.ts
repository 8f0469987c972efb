import { describe, expect, it } from 'vitest';
import type { StageStatus } from '../../core/events.js';
import { buildGraph, type GraphSpec } from '../testing/build-graph.js';
import { checkGoalGates } from './goal-gates.js';

function check(spec: GraphSpec, visits: Array<[string, StageStatus]>) {
  const graph = buildGraph(spec);
  const outcomes = Object.fromEntries(visits.map(([id, status]) => [id, { status }]));
  return checkGoalGates(graph, visits.map(([id]) => id), outcomes);
}

describe('checkGoalGates', () => {
  it.each<[string, GraphSpec, Array<[string, StageStatus]>, unknown]>([
    ['no gates → pass', { nodes: { a: {} } }, [['a', 'fail']], { kind: 'pass' }],
    ['satisfied gate → pass', { nodes: { a: { goal_gate: true } } }, [['a', 'success']], { kind: 'pass' }],
    ['partial_success satisfies a gate', { nodes: { a: { goal_gate: true } } }, [['a', 'partial_success']], { kind: 'pass' }],
    ['unvisited gate is not checked', { nodes: { a: { goal_gate: true }, b: {} } }, [['b', 'success']], { kind: 'pass' }],
    ['gate with node retry_target', { nodes: { a: { goal_gate: true, retry_target: 'r' }, r: {} } }, [['a', 'fail']], { kind: 'redirect', gate: 'a', target: 'r', source: 'retry_target' }],
    ['falls back to node fallback_retry_target', { nodes: { a: { goal_gate: true, fallback_retry_target: 'f' }, f: {} } }, [['a', 'fail']], { kind: 'redirect', gate: 'a', target: 'f', source: 'fallback_retry_target' }],
    ['then graph retry_target', { attrs: { retry_target: 'g' }, nodes: { a: { goal_gate: true }, g: {} } }, [['a', 'retry']], { kind: 'redirect', gate: 'a', target: 'g', source: 'graph retry_target' }],
    ['then graph fallback_retry_target', { attrs: { fallback_retry_target: 'h' }, nodes: { a: { goal_gate: true }, h: {} } }, [['a', 'fail']], { kind: 'redirect', gate: 'a', target: 'h', source: 'graph fallback_retry_target' }],
    [
      'no target → fail naming the gate',
      { nodes: { a: { goal_gate: true } } },
      [['a', 'fail']],
      { kind: 'fail', gate: 'a', message: 'Goal gate "a" is unsatisfied (its last outcome was fail) and no retry target is set' },
    ],
    ['latest outcome wins', { nodes: { a: { goal_gate: true } } }, [['a', 'success']], { kind: 'pass' }],
  ])('%s', (_name, spec, visits, expected) => {
    expect(check(spec, visits)).toEqual(expected);
  });

  it('decision 11: gates are checked in first-visit order, not key order', () => {
    const spec: GraphSpec = {
      nodes: { b: { goal_gate: true, retry_target: 'rb' }, '2': { goal_gate: true, retry_target: 'r2' }, rb: {}, r2: {} },
    };
    expect(check(spec, [['b', 'fail'], ['2', 'fail']])).toMatchObject({ gate: 'b', target: 'rb' });
    expect(check(spec, [['2', 'fail'], ['b', 'fail']])).toMatchObject({ gate: '2', target: 'r2' });
  });

  it('a skipped gate has no outcome and does not block', () => {
    const graph = buildGraph({ nodes: { a: { goal_gate: true } } });
    expect(checkGoalGates(graph, ['a'], {})).toEqual({ kind: 'pass' });
  });
});
