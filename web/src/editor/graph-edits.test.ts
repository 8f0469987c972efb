import { describe, expect, it } from 'vitest';
import type { EditorGraph } from './dot-edit';
import { deletionEdits } from './graph-edits';

const span = { line: 1, column: 1, start: 0, end: 1 };
const edge = (from: string, to: string, n = 0) => ({ id: `${from}->${to}#${n}`, from, to, attrs: {}, span });
const graph: EditorGraph = {
  name: 'G',
  attrs: {},
  nodes: ['a', 'b', 'c'].map((id) => ({ id, attrs: {}, span })),
  edges: [edge('a', 'b'), edge('a', 'b', 1), edge('b', 'c')],
};

describe('issue 15: deleting a selection from the graph', () => {
  it('issue 15: repeats of a pair go last first, so the earlier ids still name their edges', () => {
    expect(deletionEdits(graph, [], ['a->b#0', 'a->b#1'])).toEqual([
      { kind: 'remove-edge', edge: 'a->b#1' },
      { kind: 'remove-edge', edge: 'a->b#0' },
    ]);
  });

  it('issue 15: a deleted node takes its edges with it (dot-edit removes them): they are not removed twice', () => {
    expect(deletionEdits(graph, ['c'], ['b->c#0'])).toEqual([{ kind: 'remove-node', id: 'c' }]);
    expect(deletionEdits(graph, ['c'], ['a->b#0', 'b->c#0'])).toEqual([{ kind: 'remove-edge', edge: 'a->b#0' }, { kind: 'remove-node', id: 'c' }]);
  });

  it('issue 15: ids the graph does not have are ignored', () => {
    expect(deletionEdits(graph, ['zz'], ['x->y#0'])).toEqual([]);
  });
});
