import { describe, expect, it } from 'vitest';
import { buildGraph, type GraphSpec } from '../../testing/build-graph.js';
import { findFanIn } from './find-fan-in.js';

const fanIn = { shape: 'tripleoctagon' };
const parallel = { shape: 'component' };

describe('decision 6: findFanIn', () => {
  it.each<[string, GraphSpec, string | undefined]>([
    [
      'two branches meeting at a fan-in',
      { nodes: { p: parallel, join: fanIn }, edges: [['p', 'a'], ['p', 'b'], ['a', 'join'], ['b', 'b2'], ['b2', 'join'], ['join', 'done']] },
      'join',
    ],
    [
      'a branch that starts at the fan-in',
      { nodes: { p: parallel, join: fanIn }, edges: [['p', 'a'], ['p', 'join'], ['a', 'join']] },
      'join',
    ],
    [
      'nested parallel: the inner fan-in is skipped',
      {
        nodes: { p: parallel, p2: parallel, inner: fanIn, outer: fanIn },
        edges: [['p', 'p2'], ['p', 'b'], ['p2', 'x'], ['p2', 'y'], ['x', 'inner'], ['y', 'inner'], ['inner', 'outer'], ['b', 'outer']],
      },
      'outer',
    ],
    [
      'fan-in marked by type instead of shape',
      { nodes: { p: parallel, join: { type: 'parallel.fan_in' } }, edges: [['p', 'a'], ['p', 'b'], ['a', 'join'], ['b', 'join']] },
      'join',
    ],
    [
      'branches that never meet',
      { nodes: { p: parallel, j1: fanIn, j2: fanIn }, edges: [['p', 'a'], ['p', 'b'], ['a', 'j1'], ['b', 'j2']] },
      undefined,
    ],
    [
      'a loop back through the parallel node is not a path',
      { nodes: { p: parallel, join: fanIn }, edges: [['p', 'a'], ['p', 'b'], ['a', 'p'], ['b', 'join']] },
      undefined,
    ],
    ['no outgoing edges', { nodes: { p: parallel } }, undefined],
  ])('%s', (_name, spec, expected) => {
    expect(findFanIn(buildGraph(spec), 'p')).toBe(expected);
  });
});
