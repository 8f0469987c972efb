import { describe, expect, it } from 'vitest';
import { parseDot } from '../../pipeline/dot/parse.js';
import { resolveNodeTimeout } from './node-timeout.js';

const graphWith = (graphAttrs: string, nodeAttrs: string) =>
  parseDot(`digraph G {\n graph [${graphAttrs}]\n start [shape=Mdiamond]\n exit [shape=Msquare]\n n [${nodeAttrs}]\n start -> n -> exit\n}`, 'g.dot');

describe('decision 19: node time limits', () => {
  it.each([
    ['the node\'s own timeout wins', 'default_timeout="1h"', 'timeout="90s"', 'codergen', 90_000],
    ['the graph default applies to any handler but human gates', 'default_timeout="5m"', 'label="x"', 'tool', 300_000],
    ['without either, the engine sets none (the backend router limits model calls)', '', 'label="x"', 'codergen', undefined],
    ['tool nodes have no limit unless one is set', '', 'label="x"', 'tool', undefined],
    ['human gates ignore the graph default', 'default_timeout="5m"', 'label="x"', 'wait.human', undefined],
    ['human gates keep their own timeout', '', 'timeout="10m"', 'wait.human', 600_000],
  ])('%s', (_, graphAttrs, nodeAttrs, handlerType, expected) => {
    const graph = graphWith(graphAttrs, nodeAttrs);
    expect(resolveNodeTimeout(graph.nodes.get('n')!, graph, handlerType)).toBe(expected);
  });

  it('a graph default that is not a duration is an attribute error naming the graph', () => {
    const graph = graphWith('default_timeout="soon"', 'label="x"');
    expect(() => resolveNodeTimeout(graph.nodes.get('n')!, graph, 'tool')).toThrow(/default_timeout.*soon/);
  });
});
