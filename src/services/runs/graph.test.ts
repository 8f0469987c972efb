import { describe, expect, it } from 'vitest';
import { parseDot } from '../../pipeline/index.js';
import { graphView } from './graph.js';

describe('issue 15: graphView', () => {
  it.each([
    ['no rankdir', '', 'TB'],
    ['LR', 'rankdir=LR', 'LR'],
    ['lower case', 'rankdir="rl"', 'RL'],
    ['unknown', 'rankdir=XY', 'TB'],
  ])('issue 15: %s gives rankdir %s', (_what, attr, rankdir) => {
    expect(graphView(parseDot(`digraph G { graph [${attr}] a -> b }`, 'g.dot')).rankdir).toBe(rankdir);
  });

  it('issue 15: nodes with labels, shapes and handlers; edges with labels only when they have one', () => {
    const view = graphView(parseDot('digraph G { start [shape=Mdiamond] work [label="Do it", prompt="x"] gate [shape=hexagon] start -> work work -> gate [label="ok"] }', 'g.dot'));
    expect(view.nodes).toEqual([
      { id: 'start', label: 'start', shape: 'Mdiamond', handler: 'start' },
      { id: 'work', label: 'Do it', shape: 'box', handler: 'codergen' },
      { id: 'gate', label: 'gate', shape: 'hexagon', handler: 'wait.human' },
    ]);
    expect(view.edges).toEqual([{ from: 'start', to: 'work' }, { from: 'work', to: 'gate', label: 'ok' }]);
  });
});
