import { describe, expect, it } from 'vitest';
import { parseDot } from '../dot/parse.js';
import { textValue, type Graph, type GraphNode } from './model.js';

function node(graph: Graph, id: string): GraphNode {
  const found = graph.nodes.get(id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

/** The node's attributes as plain `key: text` pairs. */
function attrText(graph: Graph, id: string): Record<string, string> {
  return Object.fromEntries(Object.entries(node(graph, id).attrs).map(([key, attr]) => [key, textValue(attr.value)]));
}

describe('graph builder: defaults and subgraphs', () => {
  // The subgraph scoping example of spec §2.10.
  const example = parseDot(
    `digraph Loop {
  node [shape=box]
  start [shape=Mdiamond]
  subgraph cluster_loop {
    label = "Loop A"
    node [thread_id="loop-a", timeout="900s"]
    Plan      [label="Plan next step"]
    Implement [label="Implement", timeout="1800s"]
  }
  Review
  start -> Plan -> Implement -> Review
}`,
    'loop.dot',
  );

  it('applies subgraph defaults to its nodes; explicit attributes win', () => {
    expect(attrText(example, 'Plan')).toEqual({ shape: 'box', thread_id: 'loop-a', timeout: '900s', label: 'Plan next step' });
    expect(attrText(example, 'Implement')).toEqual({ shape: 'box', thread_id: 'loop-a', timeout: '1800s', label: 'Implement' });
  });

  it('does not leak subgraph defaults to the enclosing scope', () => {
    expect(attrText(example, 'Review')).toEqual({ shape: 'box' });
  });

  it('gives subgraph members the class derived from its label, and the subgraph chain', () => {
    expect(node(example, 'Plan').classes).toEqual(['loop-a']);
    expect(node(example, 'Plan').subgraphs).toEqual([{ id: 'cluster_loop', derivedClass: 'loop-a', label: 'Loop A' }]);
    expect(node(example, 'Review').classes).toEqual([]);
    expect(node(example, 'Review').subgraphs).toEqual([]);
  });

  it('keeps the location of the default for inherited attributes', () => {
    expect(node(example, 'Plan').attrs.thread_id?.loc).toMatchObject({ file: 'loop.dot', line: 6, column: 11 });
    expect(node(example, 'Plan').attrs.timeout?.loc).toMatchObject({ line: 6, column: 31 });
    expect(node(example, 'Implement').attrs.timeout?.loc).toMatchObject({ line: 8, column: 35 });
  });

  it('applies defaults only to later declarations', () => {
    const graph = parseDot('digraph { a node [shape=hexagon] b }', 't.dot');
    expect(attrText(graph, 'a')).toEqual({});
    expect(attrText(graph, 'b')).toEqual({ shape: 'hexagon' });
  });

  it('applies edge defaults to later edges, explicit attributes winning', () => {
    const graph = parseDot('digraph { a -> b edge [weight=5, label="x"] b -> c [label="y"] }', 't.dot');
    expect(graph.edges.map((edge) => Object.fromEntries(Object.entries(edge.attrs).map(([k, v]) => [k, textValue(v.value)])))).toEqual([{}, { weight: '5', label: 'y' }]);
  });

  it('derives classes from a label written after the members, and from nested subgraphs outermost first', () => {
    const graph = parseDot('digraph { subgraph outer { subgraph { a [class="code, critical"] graph [label="Inner Loop!"] } label="Outer" } }', 't.dot');
    expect(node(graph, 'a').classes).toEqual(['code', 'critical', 'outer', 'inner-loop']);
    expect(node(graph, 'a').subgraphs).toEqual([
      { id: 'outer', derivedClass: 'outer', label: 'Outer' },
      { id: undefined, derivedClass: 'inner-loop', label: 'Inner Loop!' },
    ]);
  });

  it('deduplicates classes', () => {
    const graph = parseDot('digraph { subgraph { label="code" a [class="code,code"] } }', 't.dot');
    expect(node(graph, 'a').classes).toEqual(['code']);
  });

  it('puts a node in the first subgraph that mentions it, also through an edge', () => {
    const graph = parseDot('digraph { start -> a  subgraph cluster_x { label="X" a -> b }  subgraph cluster_y { label="Y" b } }', 't.dot');
    expect(node(graph, 'a').classes).toEqual(['x']);
    expect(node(graph, 'b').classes).toEqual(['x']);
    expect(node(graph, 'start').classes).toEqual([]);
  });
});

describe('graph builder: nodes', () => {
  it('merges a node declared twice, later attributes winning, keeping the first location', () => {
    const graph = parseDot('digraph {\n  a [label="one", shape=box]\n  a [label="two"]\n}', 't.dot');
    expect(attrText(graph, 'a')).toEqual({ label: 'two', shape: 'box' });
    expect(node(graph, 'a').loc).toMatchObject({ line: 2, column: 3 });
  });

  it('lets explicit attributes of an earlier declaration beat defaults of a later one', () => {
    const graph = parseDot('digraph { a [shape=box] node [shape=diamond] a }', 't.dot');
    expect(attrText(graph, 'a')).toEqual({ shape: 'box' });
  });

  it('decision 27: keeps a node only named by an edge, marked implicit, at that reference', () => {
    const graph = parseDot('digraph {\n  a [label="A"]\n  a -> ghost\n}', 't.dot');
    expect(node(graph, 'ghost')).toMatchObject({ id: 'ghost', implicit: true, loc: { file: 't.dot', line: 3, column: 8 } });
    expect(node(graph, 'a').implicit).toBe(false);
  });

  it('decision 27: a node named by an edge and declared later is not implicit, and is located at its declaration', () => {
    const graph = parseDot('digraph {\n  a -> b\n  b [label="B"]\n}', 't.dot');
    expect(node(graph, 'b')).toMatchObject({ implicit: false, loc: { line: 3, column: 3 } });
  });

  it('gives nodes created by an edge the node defaults in effect there', () => {
    const graph = parseDot('digraph { node [shape=box] a -> b }', 't.dot');
    expect(attrText(graph, 'b')).toEqual({ shape: 'box' });
  });

  it('orders nodes by first mention', () => {
    const graph = parseDot('digraph { c -> a  b  a }', 't.dot');
    expect([...graph.nodes.keys()]).toEqual(['c', 'a', 'b']);
  });

  it('keeps an attribute named __proto__ as data', () => {
    const graph = parseDot('digraph { a [__proto__="x", label="y"] }', 't.dot');
    const attrs = node(graph, 'a').attrs;
    expect(Object.keys(attrs)).toEqual(['__proto__', 'label']);
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(attrs, '__proto__')?.value).toMatchObject({ key: '__proto__' });
  });
});

describe('graph builder: edges and graph attributes', () => {
  it('expands chained edges with a copy of the attributes and a running index', () => {
    const graph = parseDot('digraph {\n  a -> b -> c [label="go"]\n  c -> a\n}', 't.dot');
    expect(graph.edges.map((edge) => [edge.from, edge.to, edge.index, edge.attrs.label ? textValue(edge.attrs.label.value) : ''])).toEqual([
      ['a', 'b', 0, 'go'],
      ['b', 'c', 1, 'go'],
      ['c', 'a', 2, ''],
    ]);
  });

  it('locates an edge from its source to its target', () => {
    const graph = parseDot('digraph {\n  a -> bb -> c\n}', 't.dot');
    expect(graph.edges[1]?.loc).toEqual({ file: 't.dot', line: 2, column: 8, endLine: 2, endColumn: 15 });
  });

  it('collects graph attributes from graph [...] and key=value, the later winning, not from subgraphs', () => {
    const graph = parseDot('digraph G { graph [goal="one", rankdir=LR] goal="two" subgraph { label="Inner" color=red } }', 'g.dot');
    expect(Object.keys(graph.attrs)).toEqual(['goal', 'rankdir']);
    expect(textValue(graph.attrs.goal!.value)).toBe('two');
    expect(graph).toMatchObject({ name: 'G', file: 'g.dot', loc: { file: 'g.dot', line: 1, column: 1 } });
  });
});
