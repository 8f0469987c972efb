import { describe, expect, it } from 'vitest';
import type { AttrValue } from '../graph/model.js';
import type { AttrDeclaration, EdgeStatement, NodeStatement, Statement, SubgraphStatement } from './ast.js';
import { parseDotAst } from './parser.js';

function body(source: string): readonly Statement[] {
  return parseDotAst(source, 't.dot').body;
}

/** The value of attribute `key` on the only node statement of `digraph { n [attrs] }`. */
function valueOf(attrs: string, key: string): AttrValue | undefined {
  const node = body(`digraph { n [${attrs}] }`)[0] as NodeStatement;
  return node.attrs.find((attr) => attr.key === key)?.value;
}

describe('parser: typed values', () => {
  it.each([
    ['string', 'x="hello"', { kind: 'string', value: 'hello' }],
    ['quoted number stays a string', 'x="42"', { kind: 'string', value: '42' }],
    ['quoted duration stays a string', 'x="900s"', { kind: 'string', value: '900s' }],
    ['quoted boolean stays a string', 'x="true"', { kind: 'string', value: 'true' }],
    ['integer', 'x=3', { kind: 'integer', value: 3 }],
    ['negative integer', 'x=-2', { kind: 'integer', value: -2 }],
    ['float', 'x=0.75', { kind: 'float', value: 0.75 }],
    ['boolean true', 'x=true', { kind: 'boolean', value: true }],
    ['boolean false', 'x=false', { kind: 'boolean', value: false }],
    ['boolean in capitals', 'x=True', { kind: 'boolean', value: true }],
    ['duration ms', 'x=250ms', { kind: 'duration', ms: 250, text: '250ms' }],
    ['duration s', 'x=900s', { kind: 'duration', ms: 900_000, text: '900s' }],
    ['duration m', 'x=15m', { kind: 'duration', ms: 900_000, text: '15m' }],
    ['duration h', 'x=2h', { kind: 'duration', ms: 7_200_000, text: '2h' }],
    ['duration d', 'x=1d', { kind: 'duration', ms: 86_400_000, text: '1d' }],
    ['bare word', 'x=box', { kind: 'bare', value: 'box' }],
    ['bare model id', 'x=gpt-5.2', { kind: 'bare', value: 'gpt-5.2' }],
    ['bare fidelity', 'x=summary:high', { kind: 'bare', value: 'summary:high' }],
    ['escapes', String.raw`x="a \"b\"\n\tc \\ \d"`, { kind: 'string', value: 'a "b"\n\tc \\ \\d' }],
    ['comment markers in a string', 'x="Use // and /* */"', { kind: 'string', value: 'Use // and /* */' }],
  ])('%s: %s', (_name, attrs, expected) => {
    expect(valueOf(attrs, 'x')).toEqual(expected);
  });
});

describe('parser: statements', () => {
  it('chained edges keep every node and the attributes once', () => {
    const [edge] = body('digraph { a -> b -> c [label="next", weight=2] }') as EdgeStatement[];
    expect(edge?.nodes.map((node) => node.id)).toEqual(['a', 'b', 'c']);
    expect(edge?.attrs.map((attr) => attr.key)).toEqual(['label', 'weight']);
  });

  it('reads graph, node and edge attribute statements and top-level key=value', () => {
    const statements = body('digraph G { graph [goal="g"] node [shape=box] edge [weight=1] rankdir=LR }');
    expect(statements.map((s) => (s.kind === 'attr-stmt' ? `${s.kind}:${s.target}` : s.kind))).toEqual(['attr-stmt:graph', 'attr-stmt:node', 'attr-stmt:edge', 'attr-decl']);
    expect((statements[3] as AttrDeclaration).attr).toMatchObject({ key: 'rankdir', value: { kind: 'bare', value: 'LR' } });
  });

  it('reads dotted keys in attribute lists and as graph attributes', () => {
    const statements = body('digraph { tool_hooks.pre="lint" n [human.default_choice=approve, manager.poll_interval=30s] }');
    expect((statements[0] as AttrDeclaration).attr.key).toBe('tool_hooks.pre');
    expect((statements[1] as NodeStatement).attrs.map((attr) => attr.key)).toEqual(['human.default_choice', 'manager.poll_interval']);
  });

  it('nests named and anonymous subgraphs', () => {
    const [outer] = body('digraph { subgraph cluster_a { label="A" subgraph { b } { c } } }') as SubgraphStatement[];
    expect(outer?.id).toBe('cluster_a');
    const inner = outer?.body.filter((s): s is SubgraphStatement => s.kind === 'subgraph');
    expect(inner?.map((s) => s.id)).toEqual([undefined, undefined]);
    expect(inner?.map((s) => (s.body[0] as NodeStatement).node.id)).toEqual(['b', 'c']);
  });

  it('keeps the graph name, quoted or anonymous', () => {
    expect(parseDotAst('digraph pipeline_1 { }', 't.dot').name).toBe('pipeline_1');
    expect(parseDotAst('digraph "My pipeline" { }', 't.dot').name).toBe('My pipeline');
    expect(parseDotAst('digraph { }', 't.dot').name).toBe('');
  });

  it('locates attributes from key to value and the graph at its keyword', () => {
    const ast = parseDotAst('\n  digraph G {\n  a [label="x y"]\n}', 'p.dot');
    expect(ast.loc).toMatchObject({ file: 'p.dot', line: 2, column: 3 });
    expect((ast.body[0] as NodeStatement).attrs[0]?.loc).toEqual({ file: 'p.dot', line: 3, column: 6, endLine: 3, endColumn: 17 });
  });
});

describe('decision 14: lenient DOT', () => {
  const attrKeys = (source: string) => (body(source)[0] as NodeStatement).attrs.map((attr) => `${attr.key}=${JSON.stringify(attr.value)}`);

  it.each([
    ['commas', 'digraph { n [a=1, b=2] }'],
    ['semicolons', 'digraph { n [a=1; b=2] }'],
    ['nothing', 'digraph { n [a=1 b=2] }'],
    ['newlines', 'digraph { n [\n  a=1\n  b=2\n] }'],
    ['a trailing comma', 'digraph { n [a=1, b=2,] }'],
    ['two blocks', 'digraph { n [a=1] [b=2] }'],
  ])('attributes separated by %s', (_name, source) => {
    expect(attrKeys(source)).toEqual(['a={"kind":"integer","value":1}', 'b={"kind":"integer","value":2}']);
  });

  it.each([
    ['optional semicolons', 'digraph { a; b; a -> b; }', 3],
    ['no semicolons', 'digraph { a b a -> b }', 3],
    ['empty statements', 'digraph { ;; a ;; }', 1],
    ['a semicolon after the graph', 'digraph { a };', 1],
    ['empty attribute list', 'digraph { a [] }', 1],
    ['keywords in any case', 'DiGraph G { NODE [shape=box] Edge [weight=1] Graph [goal=x] SubGraph s { a } }', 4],
  ])('%s', (_name, source, count) => {
    expect(body(source)).toHaveLength(count);
  });

  it('accepts quoted node ids, also as edge endpoints', () => {
    const statements = body('digraph { "my node" [label="x"] "my node" -> "other one" }');
    expect((statements[0] as NodeStatement).node.id).toBe('my node');
    expect((statements[1] as EdgeStatement).nodes.map((node) => node.id)).toEqual(['my node', 'other one']);
  });

  it('accepts quoted keywords as node ids and quoted attribute names', () => {
    const statements = body('digraph { "node" ["label"="x"] }');
    expect(statements[0]).toMatchObject({ kind: 'node', node: { id: 'node' }, attrs: [{ key: 'label' }] });
  });

  it('ignores comments of every kind around statements', () => {
    const statements = body('# generated\ndigraph { // top\n  a /* inline\n */ -> b // end\n  # pragma\n}');
    expect(statements).toHaveLength(1);
    expect((statements[0] as EdgeStatement).nodes.map((node) => [node.id, node.loc.line])).toEqual([
      ['a', 3],
      ['b', 4],
    ]);
  });
});
