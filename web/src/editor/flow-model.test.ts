import { describe, expect, it } from 'vitest';
import type { EditorGraph } from './dot-edit';
import { freshNodeId, positionOf, rankdirOf, structureOf, toLayoutInput } from './flow-model';

const span = { line: 1, column: 1, start: 0, end: 1 };
const graph = (attrs: Record<string, string> = {}): EditorGraph => ({
  name: 'G',
  attrs,
  nodes: [
    { id: 'start', attrs: { shape: 'Mdiamond' }, span },
    { id: 'stage_1', attrs: { label: 'Plan' }, span, pos: { x: 10, y: 20, pinned: true } },
  ],
  edges: [{ id: 'start->stage_1#0', from: 'start', to: 'stage_1', attrs: { label: 'go' }, span }],
});

describe('issue 15: the editor draws the graph read from the text', () => {
  it.each([
    [{}, 'TB'],
    [{ rankdir: 'LR' }, 'LR'],
    [{ rankdir: 'lr' }, 'LR'],
    [{ rankdir: 'sideways' }, 'TB'],
  ])('issue 15: graph attributes %j lay out %s', (attrs, rankdir) => {
    expect(rankdirOf(graph(attrs))).toBe(rankdir);
  });

  it('issue 15: the layout input has the labels, shapes and edge labels', () => {
    const input = toLayoutInput(graph({ rankdir: 'LR' }));
    expect(input.nodes).toEqual([
      { id: 'start', label: 'start', shape: 'Mdiamond', handler: '' },
      { id: 'stage_1', label: 'Plan', shape: 'box', handler: '' },
    ]);
    expect(input.edges).toEqual([{ from: 'start', to: 'stage_1', label: 'go' }]);
    expect(input.rankdir).toBe('LR');
  });

  it('issue 15: a pinned pos wins over the layout; an unplaced node waits at the origin', () => {
    const [start, plan] = graph().nodes;
    const laid = new Map([['start', { x: 5, y: 6 }], ['stage_1', { x: 99, y: 99 }]]);
    expect(positionOf(plan!, laid)).toEqual({ x: 10, y: 20 });
    expect(positionOf(start!, laid)).toEqual({ x: 5, y: 6 });
    expect(positionOf(start!, undefined)).toEqual({ x: 0, y: 0 });
  });

  it('issue 15: an attribute change keeps the layout; a new edge or label makes a new one', () => {
    const base = structureOf(graph());
    expect(structureOf(graph({ goal: 'x' }))).toBe(base);
    const more = graph();
    expect(structureOf({ ...more, edges: [...more.edges, { ...more.edges[0]!, id: 'start->stage_1#1' }] })).not.toBe(base);
    expect(structureOf({ ...more, nodes: [more.nodes[0]!, { ...more.nodes[1]!, attrs: { label: 'Other' } }] })).not.toBe(base);
  });

  it('issue 15: a new node gets the first id not taken', () => {
    expect(freshNodeId(graph())).toBe('stage_2');
    expect(freshNodeId(graph(), 'check')).toBe('check_1');
  });
});
