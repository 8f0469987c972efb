import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/outcome.js';
import { buildGraph, type GraphSpec } from '../testing/build-graph.js';
import { routeFailure } from './route-failure.js';

const fail: Outcome = { status: 'fail', failureReason: 'tests failed' };

function route(spec: GraphSpec, outcome: Outcome = fail) {
  const graph = buildGraph(spec);
  const result = routeFailure(graph, graph.nodes.get('n')!, outcome, () => undefined);
  return result.kind === 'edge' ? { kind: 'edge', to: result.edge.to } : result;
}

describe('decision 3: failure routing order', () => {
  it.each<[string, GraphSpec, unknown]>([
    [
      'a holding condition comes first',
      { nodes: { n: { retry_target: 'r' }, r: {} }, edges: [['n', 'fixit', { condition: 'outcome=fail' }], ['n', 'next']] },
      { kind: 'edge', to: 'fixit' },
    ],
    ['then the node retry_target', { nodes: { n: { retry_target: 'r', fallback_retry_target: 'f' }, r: {}, f: {} }, edges: [['n', 'next']] }, { kind: 'retry_target', target: 'r', source: 'retry_target' }],
    ['then fallback_retry_target', { nodes: { n: { fallback_retry_target: 'f' }, f: {} }, edges: [['n', 'next']] }, { kind: 'retry_target', target: 'f', source: 'fallback_retry_target' }],
    ['a retry_target naming no node is skipped', { nodes: { n: { retry_target: 'ghost', fallback_retry_target: 'f' }, f: {} } }, { kind: 'retry_target', target: 'f', source: 'fallback_retry_target' }],
    ['graph retry_target is not used for node failure', { attrs: { retry_target: 'r' }, nodes: { n: {}, r: {} }, edges: [['n', 'next']] }, { kind: 'fail', message: 'Node "n" failed: tests failed' }],
    ['unconditional edges are not followed', { nodes: { n: {} }, edges: [['n', 'next', { weight: 5 }]] }, { kind: 'fail', message: 'Node "n" failed: tests failed' }],
    ['a false condition is not followed', { nodes: { n: {} }, edges: [['n', 'next', { condition: 'outcome=success' }]] }, { kind: 'fail', message: 'Node "n" failed: tests failed' }],
  ])('%s', (_name, spec, expected) => {
    expect(route(spec)).toEqual(expected);
  });

  it('names the node even without a failure reason', () => {
    expect(route({ nodes: { n: {} } }, { status: 'fail' })).toEqual({ kind: 'fail', message: 'Node "n" failed: no failure reason given' });
  });
});
