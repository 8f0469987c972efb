import { describe, expect, it } from 'vitest';
import { parseDot } from '../dot/parse.js';
import { textValue } from '../graph/model.js';
import { applyEdit, DotEditError } from './index.js';
import type { DotEdit } from './types.js';

type Case = [name: string, text: string, edit: DotEdit, expected: string];

const chain = 'digraph G {\n  a; b; c\n  a -> b -> c [color=red]; // the line\n}\n';

const cases: Case[] = [
  ['add-edge after the last edge statement', 'digraph G {\n  a\n  b\n  a -> b;\n}', { kind: 'add-edge', from: 'b', to: 'a', attrs: { label: 'back' } }, 'digraph G {\n  a\n  b\n  a -> b;\n  b -> a [label="back"];\n}'],
  ['add-edge after the nodes when there is no edge yet', 'digraph G {\n    a\n    b\n}', { kind: 'add-edge', from: 'a', to: 'b' }, 'digraph G {\n    a\n    b\n    a -> b\n}'],
  ['add-edge quotes ids that need it', 'digraph G {\n  "my node"\n  b\n}', { kind: 'add-edge', from: 'my node', to: 'b' }, 'digraph G {\n  "my node"\n  b\n  "my node" -> b\n}'],
  ['remove-edge of a single hop', 'digraph G {\n  a; b\n  a -> b\n  b -> a\n}', { kind: 'remove-edge', edge: 'a->b#0' }, 'digraph G {\n  a; b\n  b -> a\n}'],
  ['remove-edge keeps an end that nothing else names', 'digraph G {\n  a -> b\n}', { kind: 'remove-edge', edge: 'a->b#0' }, 'digraph G {\n  a\n  b\n}'],
  ['remove-edge in the middle of a chain splits it', chain, { kind: 'remove-edge', edge: 'b->c#0' }, 'digraph G {\n  a; b; c\n  a -> b [color=red]; // the line\n}\n'],
  ['remove-edge picks the repeat by its number', 'digraph G {\n  a -> b [n=1]\n  a -> b [n=2]\n}', { kind: 'remove-edge', edge: 'a->b#1' }, 'digraph G {\n  a -> b [n=1]\n}'],
  ['set-edge-attr on a single hop replaces the value', 'digraph G { a -> b [label="x"] }', { kind: 'set-edge-attr', edge: 'a->b#0', key: 'label', value: 'y' }, 'digraph G { a -> b [label="y"] }'],
  ['set-edge-attr adds brackets', 'digraph G {\n  a -> b; /* c */\n}', { kind: 'set-edge-attr', edge: 'a->b#0', key: 'condition', value: 'outcome=success' }, 'digraph G {\n  a -> b [condition="outcome=success"]; /* c */\n}'],
  [
    'set-edge-attr on a hop of a chain splits the hop out',
    chain,
    { kind: 'set-edge-attr', edge: 'b->c#0', key: 'color', value: 'blue' },
    'digraph G {\n  a; b; c\n  a -> b [color=red];\n  b -> c [color=blue]; // the line\n}\n',
  ],
  ['removing an edge attribute', chain, { kind: 'set-edge-attr', edge: 'a->b#0', key: 'color', value: undefined }, 'digraph G {\n  a; b; c\n  a -> b;\n  b -> c [color=red]; // the line\n}\n'],
  ['set-graph-attr replaces the graph value', 'digraph G {\n  graph [goal="a", rankdir=LR]\n}', { kind: 'set-graph-attr', key: 'goal', value: 'b' }, 'digraph G {\n  graph [goal="b", rankdir=LR]\n}'],
  ['set-graph-attr appends to graph [...]', 'digraph G {\n  graph [rankdir=LR]\n  a\n}', { kind: 'set-graph-attr', key: 'goal', value: 'g' }, 'digraph G {\n  graph [rankdir=LR, goal="g"]\n  a\n}'],
  ['set-graph-attr without graph [...] writes key = value first', '// c\ndigraph G {\n  // nodes\n  a\n}', { kind: 'set-graph-attr', key: 'goal', value: 'g' }, '// c\ndigraph G {\n  // nodes\n  goal="g"\n  a\n}'],
  ['set-graph-attr after the last key = value', 'digraph G {\n  goal = "x";\n  a;\n}', { kind: 'set-graph-attr', key: 'label', value: 'L' }, 'digraph G {\n  goal = "x";\n  label="L";\n  a;\n}'],
  ['set-graph-attr leaves subgraph attributes alone', 'digraph G {\n  subgraph s { goal = "in" }\n}', { kind: 'set-graph-attr', key: 'goal', value: 'g' }, 'digraph G {\n  goal="g"\n  subgraph s { goal = "in" }\n}'],
  ['removing a key = value takes its line', 'digraph G {\n  goal = "x" // why\n  a\n}', { kind: 'set-graph-attr', key: 'goal', value: undefined }, 'digraph G {\n  a\n}'],
  ['removing the only graph [...] attribute takes the statement', 'digraph G {\n  graph [goal="x"]\n  a\n}', { kind: 'set-graph-attr', key: 'goal', value: undefined }, 'digraph G {\n  a\n}'],
];

describe('issue 15: edge and graph edits splice only what they change', () => {
  it.each(cases)('%s', (_name, text, edit, expected) => {
    expect(applyEdit(text, edit)).toBe(expected);
  });
});

const bad: [name: string, text: string, edit: DotEdit, message: RegExp][] = [
  ['an unknown node', 'digraph G { a }', { kind: 'remove-node', id: 'zz' }, /no node "zz"/],
  ['an unknown node in set-node-attr', 'digraph G { a }', { kind: 'set-node-attr', id: 'zz', key: 'x', value: '1' }, /no node "zz"/],
  ['an unknown edge end', 'digraph G { a }', { kind: 'add-edge', from: 'a', to: 'zz' }, /no node "zz"/],
  ['an unknown edge', 'digraph G { a -> b }', { kind: 'remove-edge', edge: 'b->a#0' }, /no edge "b->a#0"/],
  ['a repeat that does not exist', 'digraph G { a -> b }', { kind: 'set-edge-attr', edge: 'a->b#1', key: 'x', value: '1' }, /no edge "a->b#1"/],
  ['a duplicate id', 'digraph G { a -> b }', { kind: 'add-node', id: 'b' }, /node "b" already exists/],
  ['an id with a space', 'digraph G { a }', { kind: 'add-node', id: 'b c' }, /"b c" is not a valid node id/],
  ['an empty id', 'digraph G { a }', { kind: 'add-node', id: '' }, /"" is not a valid node id/],
  ['a keyword as id', 'digraph G { a }', { kind: 'add-node', id: 'node' }, /"node" is not a valid node id/],
  ['a bad attribute name', 'digraph G { a }', { kind: 'set-node-attr', id: 'a', key: 'bad key', value: '1' }, /"bad key" is not a valid attribute name/],
  ['a bad attribute name in add-node', 'digraph G { a }', { kind: 'add-node', id: 'b', attrs: { '1x': 'y' } }, /"1x" is not a valid attribute name/],
  ['a position that is not a number', 'digraph G { a }', { kind: 'set-pos', id: 'a', x: Number.NaN, y: 1 }, /not a pair of finite numbers/],
  ['text that does not parse', 'digraph G { a -> }', { kind: 'add-node', id: 'b' }, /does not parse at 1:18/],
];

describe('issue 15: edits that cannot apply throw DotEditError naming the problem', () => {
  it.each(bad)('%s', (_name, text, edit, message) => {
    expect(() => applyEdit(text, edit)).toThrow(DotEditError);
    expect(() => applyEdit(text, edit)).toThrow(message);
  });
});

describe('issue 15: edited text means what the edits say to the real parser', () => {
  it('a sequence of edits on an example gives the expected Graph', () => {
    let text = 'digraph Flow {\n  // steps\n  start [shape=Mdiamond]\n  plan [prompt="p"]\n  exit [shape=Msquare]\n  start -> plan -> exit\n}\n';
    const edits: DotEdit[] = [
      { kind: 'add-node', id: 'review', attrs: { prompt: 'Check "it"' } },
      { kind: 'remove-edge', edge: 'plan->exit#0' },
      { kind: 'add-edge', from: 'plan', to: 'review' },
      { kind: 'add-edge', from: 'review', to: 'exit', attrs: { condition: 'outcome=success' } },
      { kind: 'set-edge-attr', edge: 'start->plan#0', key: 'label', value: 'go' },
      { kind: 'set-pos', id: 'plan', x: 100, y: 50 },
      { kind: 'set-graph-attr', key: 'goal', value: 'Ship \\ it' },
      { kind: 'set-node-attr', id: 'plan', key: 'prompt', value: undefined },
    ];
    for (const edit of edits) text = applyEdit(text, edit);
    const graph = parseDot(text, 'flow.dot');
    expect([...graph.nodes.keys()]).toEqual(['start', 'plan', 'exit', 'review']);
    expect(graph.edges.map((edge) => [edge.from, edge.to, Object.fromEntries(Object.entries(edge.attrs).map(([k, a]) => [k, textValue(a.value)]))])).toEqual([
      ['start', 'plan', { label: 'go' }],
      ['plan', 'review', {}],
      ['review', 'exit', { condition: 'outcome=success' }],
    ]);
    expect(textValue(graph.nodes.get('review')!.attrs.prompt!.value)).toBe('Check "it"');
    expect(textValue(graph.nodes.get('plan')!.attrs.pos!.value)).toBe('100,50!');
    expect(graph.nodes.get('plan')!.attrs.prompt).toBeUndefined();
    expect(textValue(graph.attrs.goal!.value)).toBe('Ship \\ it');
    expect(text).toContain('  // steps\n');
  });
});
