import { describe, expect, it } from 'vitest';
import { readEditorGraph } from './index.js';
import type { EditorGraph } from './types.js';

function read(text: string): EditorGraph {
  const result = readEditorGraph(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.graph;
}

const text = `# generated
digraph "Flow" {
  goal = "Ship it"
  graph [rankdir=LR]
  node [shape=box]   // a default: not merged into nodes
  start [shape=Mdiamond]
  subgraph cluster_work {
    label = "Work"
    plan [label="Plan \\"it\\"", pos="10,20!"]
    { build }
  }
  start -> plan -> build [label=go]
  plan -> build
  build -> done
  plan [timeout=15m]
}
`;

describe('issue 15: readEditorGraph', () => {
  it('reads name, graph attributes, nodes in first-mention order with their own attributes', () => {
    const graph = read(text);
    expect(graph.name).toBe('Flow');
    expect(graph.attrs).toEqual({ goal: 'Ship it', rankdir: 'LR' });
    expect(graph.nodes.map((node) => [node.id, node.subgraph, node.attrs])).toEqual([
      ['start', undefined, { shape: 'Mdiamond' }],
      ['plan', 'cluster_work', { label: 'Plan "it"', pos: '10,20!', timeout: '15m' }],
      ['build', 'cluster_work', {}],
      ['done', undefined, {}],
    ]);
    expect(graph.nodes[1]?.pos).toEqual({ x: 10, y: 20, pinned: true });
  });

  it('gives each node the span of its first statement, or of its first mention', () => {
    const graph = read(text);
    const plan = graph.nodes.find((node) => node.id === 'plan')!;
    expect(text.slice(plan.span.start, plan.span.end)).toBe('plan [label="Plan \\"it\\"", pos="10,20!"]');
    expect(plan.span.line).toBe(9);
    expect(plan.span.column).toBe(5);
    const done = graph.nodes.find((node) => node.id === 'done')!;
    expect(text.slice(done.span.start, done.span.end)).toBe('done');
  });

  it('splits chains into hops that share the attributes, numbering repeats of a pair', () => {
    const graph = read(text);
    expect(graph.edges.map((edge) => [edge.id, edge.attrs])).toEqual([
      ['start->plan#0', { label: 'go' }],
      ['plan->build#0', { label: 'go' }],
      ['plan->build#1', {}],
      ['build->done#0', {}],
    ]);
    const last = graph.edges[1]!;
    expect(text.slice(last.span.start, last.span.end)).toBe('plan -> build [label=go]');
  });

  it.each([
    ['digraph G { a -> }', 1, 18],
    ['digraph G {\n  a [label="x]\n}', 2, 12],
    ['graph G { a -- b }', 1, 1],
    ['digraph G {\n  a [x=1\n  b\n}', 2, 9],
  ])('text that does not parse gives line and column: %j', (source, line, column) => {
    const result = readEditorGraph(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.line, result.error.column]).toEqual([line, column]);
  });
});
