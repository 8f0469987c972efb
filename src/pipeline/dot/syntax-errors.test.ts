import { describe, expect, it } from 'vitest';
import { isOrchestraError, type OrchestraError } from '../../core/errors.js';
import { maxNestingDepth } from './parser.js';
import { parseDot } from './parse.js';

function syntaxErrorOf(source: string): OrchestraError {
  try {
    parseDot(source, 'bad.dot');
  } catch (error) {
    if (isOrchestraError(error)) return error;
    throw error;
  }
  throw new Error('expected a syntax error');
}

const UNDIRECTED = 'Pipelines are directed graphs: write "digraph" and connect nodes with "->", as in a -> b.';
const ONE_GRAPH = 'A file holds exactly one graph: put each pipeline in its own file.';
const PORTS = 'Ports (a:p) are not supported: connect nodes by their id, as in a -> b.';
const HTML = 'HTML labels (<...>) are not supported: write the label as a quoted string, label="..."';
const SUBGRAPH_ENDPOINT = 'Subgraphs cannot be edge endpoints: write one edge per node, as in a -> b and a -> c.';

describe('decision 14: strict DOT errors', () => {
  it.each([
    ['undirected graph', 'graph G { a -- b }', 'Expected "digraph", found "graph"', 1, 1, UNDIRECTED],
    ['undirected graph in capitals', 'GRAPH G { }', 'Expected "digraph", found "GRAPH"', 1, 1, UNDIRECTED],
    ['undirected edge', 'digraph G {\n  a -- b\n}', 'Expected "->", found "--"', 2, 5, UNDIRECTED],
    ['undirected hop in a chain', 'digraph G { a -> b -- c }', 'Expected "->", found "--"', 1, 20, UNDIRECTED],
    ['strict graph', 'strict digraph G { }', 'Expected "digraph", found "strict"', 1, 1, 'Strict graphs are not supported: remove "strict" and write "digraph name {".'],
    ['port on a word id', 'digraph G { a:p -> b }', 'Expected a node, an edge, an attribute or "}", found "a:p"', 1, 13, PORTS],
    ['port on an edge target', 'digraph G { a -> b:n }', 'Expected a node id after "->", found "b:n"', 1, 18, PORTS],
    ['port after a quoted id', 'digraph G { "a":p -> b }', 'Expected "->", "[" or a new statement after "a", found ":"', 1, 16, PORTS],
    ['subgraph as edge target', 'digraph G { a -> subgraph s { b } }', 'Expected a node id after "->", found "subgraph"', 1, 18, SUBGRAPH_ENDPOINT],
    ['braces as edge target', 'digraph G { a -> { b c } }', 'Expected a node id after "->", found "{"', 1, 18, SUBGRAPH_ENDPOINT],
    ['subgraph as edge source', 'digraph G { subgraph s { a } -> b }', 'Expected a new statement after the subgraph, found "->"', 1, 30, SUBGRAPH_ENDPOINT],
    ['HTML label', 'digraph G { a [label=<b>x</b>] }', 'Expected a value for "label", found "<"', 1, 22, HTML],
    ['second graph', 'digraph A { }\ndigraph B { }', 'Expected end of file, found "digraph"', 2, 1, ONE_GRAPH],
    ['text after the graph', 'digraph A { } a', 'Expected end of file after the closing "}", found "a"', 1, 15, 'Everything belongs inside digraph { ... }: move it there, or remove it.'],
    ['missing closing brace', 'digraph G {\n  a -> b\n', 'Expected "}" to close the digraph opened at 1:11, found end of file', 3, 1, 'Every "{" needs a matching "}".'],
    ['missing subgraph closing brace', 'digraph G {\n  subgraph s {\n    a\n}', 'Expected "}" to close the digraph opened at 1:11, found end of file', 4, 2, 'Every "{" needs a matching "}".'],
    ['unclosed subgraph', 'digraph G { subgraph s { a', 'Expected "}" to close the subgraph opened at 1:24, found end of file', 1, 27, 'Every "{" needs a matching "}".'],
    ['edge without target before ;', 'digraph G { a -> ; }', 'Expected a node id after "->", found ";"', 1, 18, 'An edge needs a target: a -> next_node.'],
    ['edge without target before attrs', 'digraph G { a -> [label=x] }', 'Expected a node id after "->", found "["', 1, 18, 'An edge needs a target: a -> next_node.'],
    ['edge without target at the end', 'digraph G { a -> }', 'Expected a node id after "->", found "}"', 1, 18, 'An edge needs a target: a -> next_node.'],
    ['edge without target at end of file', 'digraph G { a ->', 'Expected a node id after "->", found end of file', 1, 17, 'An edge needs a target: a -> next_node.'],
    ['unterminated string', 'digraph G {\n  a [prompt="never closed]\n}', 'Expected a closing " for the string that starts here, found end of file', 2, 13, 'Close the string with ", and write a quote inside a string as \\"'],
    ['unterminated comment', 'digraph G {\n  /* note\n  a\n}', 'Expected "*/" to close the comment that starts here, found end of file', 2, 3, 'Close the block comment with */'],
    ['"=" where an attribute name belongs', 'digraph G { a [label="x" = "y"] }', 'Expected "]" or an attribute name, found "="', 1, 26, undefined],
    ['attribute without value', 'digraph G { a [bold] }', 'Expected "=" after the attribute name "bold", found "]"', 1, 20, 'Give the attribute a value: bold=...'],
    ['missing value', 'digraph G { a [label=] }', 'Expected a value for "label", found "]"', 1, 22, 'Write a quoted string, a number, a duration such as 900s, true/false, or a bare word such as box.'],
    ['unclosed attribute list', 'digraph G { a [label=x', 'Expected "]" to close the attribute list opened at 1:15, found end of file', 1, 23, 'Every "[" needs a matching "]".'],
    ['missing graph brace', 'digraph G a', 'Expected "{" after the graph name, found "a"', 1, 11, undefined],
    ['no digraph', 'a -> b', 'Expected "digraph", found "a"', 1, 1, 'A pipeline file holds one graph: digraph name { ... }'],
    ['empty file', '', 'Expected "digraph", found end of file', 1, 1, 'A pipeline file holds one graph: digraph name { ... }'],
    ['nested digraph', 'digraph G { digraph H { } }', 'Expected a node, an edge, an attribute or "}", found "digraph"', 1, 13, ONE_GRAPH],
    ['keyword without attributes', 'digraph G { node -> a }', 'Expected "[" after "node", found "->"', 1, 18, '"node" is a keyword: to use it as a node id, quote it ("node").'],
    ['keyword as edge target', 'digraph G { a -> edge }', 'Expected a node id after "->", found "edge"', 1, 18, '"edge" is a keyword: to use it as a node id, quote it ("edge").'],
    ['dash in a bare node id', 'digraph G { my-node }', 'Expected a node, an edge, an attribute or "}", found "my-node"', 1, 13, 'Node ids are letters, digits and underscores, starting with a letter or underscore: quote other ids, as in "my-node".'],
    ['numeric node id', 'digraph G { 1 -> 2 }', 'Expected a node, an edge, an attribute or "}", found "1"', 1, 13, 'Node ids are letters, digits and underscores, starting with a letter or underscore: quote other ids, as in "1".'],
    ['empty quoted id', 'digraph G { "" -> a }', 'Expected a node, an edge, an attribute or "}", found the string ""', 1, 13, 'Node ids cannot be empty.'],
    ['stray bracket', 'digraph G { ] }', 'Expected a node, an edge, an attribute or "}", found "]"', 1, 13, undefined],
    ['bad graph attribute name', 'digraph G { "a b" = 1 }', 'Expected an attribute name before "=", found the string "a b"', 1, 13, 'Attribute names are letters, digits and underscores, dotted for groups: tool_hooks.pre'],
    ['non-ASCII letter in a bare id', 'digraph G { café }', 'Expected a node, an edge, an attribute or "}", found "é"', 1, 16, 'Quote ids and values that contain other characters, as in "my node" or label="..."'],
    ['unknown character', 'digraph G { a @ b }', 'Expected a node, an edge, an attribute or "}", found "@"', 1, 15, 'Quote ids and values that contain other characters, as in "my node" or label="..."'],
  ])('%s', (_name, source, message, line, column, hint) => {
    const error = syntaxErrorOf(source);
    expect(error.code).toBe('E_DOT_SYNTAX');
    expect(error.message).toBe(message);
    expect(error.location).toMatchObject({ file: 'bad.dot', line, column });
    expect(error.hint).toBe(hint);
  });

  it('shows the source line with a caret under the offending token', () => {
    const error = syntaxErrorOf('digraph G {\n  a -- b\n}');
    expect(error.detail).toBe('2 |   a -- b\n  |     ^^');
  });

  it('reports the first mistake in reading order, not a later lexical one', () => {
    const error = syntaxErrorOf('digraph G {\n  a -- b\n  c [label="never closed]\n}');
    expect(error.message).toBe('Expected "->", found "--"');
    expect(error.location?.line).toBe(2);
  });

  it('points an unterminated string at its opening quote', () => {
    const error = syntaxErrorOf('digraph G {\n  a [prompt="never closed]\n}');
    expect(error.detail).toBe('2 |   a [prompt="never closed]\n  |             ^');
  });
});

describe('issue 9: a missing "]" is reported where it is missing', () => {
  const CLOSE = 'Every "[" needs a matching "]".';
  it.each([
    ['before a node on the next line', 'digraph G {\n  start [shape=Mdiamond\n  exit [shape=Msquare]\n}', 'found "exit"', 2, 24],
    ['before an edge on the next line', 'digraph G {\n  a [label="A"\n  a -> b\n}', 'found "a"', 2, 15],
    ['before "->"', 'digraph G {\n  a [label="A" -> b\n}', 'found "->"', 2, 15],
    ['before "}"', 'digraph G {\n  a [label="A", shape=box\n}', 'found "}"', 2, 26],
    ['before another "["', 'digraph G { a [label=x [shape=box] }', 'found "["', 1, 23],
    ['after a comma', 'digraph G {\n  a [label=x,\n  b [shape=box]\n}', 'found "b"', 2, 14],
    ['right after the "["', 'digraph G {\n  a [\n  b -> c\n}', 'found "b"', 2, 6],
  ])('%s', (_name, source, found, line, column) => {
    const error = syntaxErrorOf(source);
    expect(error.message).toMatch(/^Expected "\]" to close the attribute list opened at \d+:\d+, /);
    expect(error.message.endsWith(found)).toBe(true);
    expect(error.location).toMatchObject({ file: 'bad.dot', line, column });
    expect(error.hint).toBe(CLOSE);
  });

  it('issue 9: keeps an unquoted run-on number (10px, 5min) as a flagged value, for value_syntax and attribute_type to report', () => {
    const graph = parseDot('digraph G { a [width=10px, timeout=5min, label=x] }', 'ok.dot');
    const attrs = graph.nodes.get('a')?.attrs;
    expect([attrs?.width?.value, attrs?.width?.malformed, attrs?.timeout?.malformed, attrs?.label?.malformed]).toEqual([{ kind: 'bare', value: '10px' }, true, true, undefined]);
  });
});

describe('attribute lists over several lines', () => {
  it('are accepted', () => {
    expect(parseDot('digraph G {\n  a [\n    label="A",\n    shape=box\n  ]\n}', 'ok.dot').nodes.get('a')?.attrs.shape).toBeDefined();
  });
});

describe('issue 8.14: the nesting limit', () => {
  const nested = (depth: number) => `digraph G {\n${'{'.repeat(depth - 1)}a${'}'.repeat(depth - 1)}\n}\n`;

  it(`accepts "{" nested ${maxNestingDepth} deep, the graph's own included`, () => {
    expect(parseDot(nested(maxNestingDepth), 'ok.dot').nodes.has('a')).toBe(true);
  });

  it('refuses one level more, at the brace that went too deep', () => {
    const error = syntaxErrorOf(nested(maxNestingDepth + 1));
    expect(error.code).toBe('E_DOT_SYNTAX');
    expect(error.message).toBe(`Subgraphs nest too deeply: this "{" is at depth ${maxNestingDepth + 1}, more than the limit of ${maxNestingDepth}`);
    expect(error.location).toMatchObject({ file: 'bad.dot', line: 2, column: maxNestingDepth });
  });
});
