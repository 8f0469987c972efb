import type { DotGraph, EdgeStatement, NodeRef, Statement, SubgraphStatement } from './ast.js';
import { Lexer } from './lexer.js';
import { isKeyToken, parseAttrAfterKey, parseAttrLists } from './parse-attrs.js';
import { TokenKind, type Token } from './token.js';
import { isPunct, positionOf, TokenStream } from './token-stream.js';

const ONE_GRAPH_HINT = 'A file holds exactly one graph: put each pipeline in its own file.';
const UNDIRECTED_HINT = 'Pipelines are directed graphs: write "digraph" and connect nodes with "->", as in a -> b.';
const SUBGRAPH_ENDPOINT_HINT = 'Subgraphs cannot be edge endpoints: write one edge per node, as in a -> b and a -> c.';
const STATEMENT = 'a node, an edge, an attribute or "}"';

/**
 * How deep `{ ... }` may nest, the graph's own braces included. The parser (and the passes after it)
 * recurse once per level, so an unbounded depth ran out of stack near 2,500 levels; real pipelines
 * nest a handful of subgraphs. Documented in docs/pipelines.md.
 */
export const maxNestingDepth = 200;

/** Parses one DOT file into its syntax tree; throws E_DOT_SYNTAX at the first mistake. */
export function parseDotAst(source: string, file: string): DotGraph {
  return new Parser(new TokenStream(new Lexer(source, file))).parseFile();
}

class Parser {
  /** Open `{` around the statement being parsed. */
  private depth = 0;

  constructor(private readonly stream: TokenStream) {}

  parseFile(): DotGraph {
    const { stream } = this;
    const head = stream.next();
    const keyword = keywordOf(head);
    if (keyword === 'strict') throw stream.expected(head, '"digraph"', 'Strict graphs are not supported: remove "strict" and write "digraph name {".');
    if (keyword === 'graph') throw stream.expected(head, '"digraph"', UNDIRECTED_HINT);
    if (keyword !== 'digraph') throw stream.expected(head, '"digraph"', 'A pipeline file holds one graph: digraph name { ... }');
    let name = '';
    const nameToken = stream.peek();
    if (nameToken.kind === TokenKind.WORD || nameToken.kind === TokenKind.STRING) name = String(stream.next().value);
    const open = stream.next();
    if (!isPunct(open, '{')) throw stream.expected(open, name === '' ? 'a graph name or "{"' : '"{" after the graph name');
    const body = this.parseBody(open, 'digraph');
    while (stream.accept(';'));
    const after = stream.next();
    if (after.kind !== TokenKind.EOF) {
      const second = keywordOf(after);
      if (second === 'digraph' || second === 'graph' || second === 'strict') throw stream.expected(after, 'end of file', ONE_GRAPH_HINT);
      throw stream.expected(after, 'end of file after the closing "}"', 'Everything belongs inside digraph { ... }: move it there, or remove it.');
    }
    return { name, body, loc: stream.loc(head) };
  }

  /** Statements up to and including the `}` matching `open`. */
  private parseBody(open: Token, what: 'digraph' | 'subgraph'): Statement[] {
    const { stream } = this;
    if (++this.depth > maxNestingDepth) {
      throw stream.error(open, `Subgraphs nest too deeply: this "{" is at depth ${this.depth}, more than the limit of ${maxNestingDepth}`, `Flatten the subgraphs: a pipeline may nest "{" at most ${maxNestingDepth} levels deep.`);
    }
    const statements: Statement[] = [];
    for (;;) {
      const token = stream.peek();
      if (isPunct(token, '}')) {
        stream.next();
        this.depth -= 1;
        return statements;
      }
      if (token.kind === TokenKind.EOF) {
        throw stream.expected(token, `"}" to close the ${what} opened at ${positionOf(open)}`, 'Every "{" needs a matching "}".');
      }
      if (stream.accept(';')) continue;
      statements.push(this.parseStatement());
    }
  }

  private parseStatement(): Statement {
    const { stream } = this;
    const token = stream.next();
    const keyword = keywordOf(token);
    if (keyword === 'graph' || keyword === 'node' || keyword === 'edge') {
      if (!stream.at('[')) {
        throw stream.expected(stream.peek(), `"[" after "${token.text}"`, `"${keyword}" is a keyword: to use it as a node id, quote it ("${token.text}").`);
      }
      return { kind: 'attr-stmt', target: keyword, attrs: parseAttrLists(stream), loc: stream.loc(token) };
    }
    if (keyword === 'subgraph') return this.parseSubgraph(token);
    if (keyword === 'digraph' || keyword === 'strict') throw stream.expected(token, STATEMENT, ONE_GRAPH_HINT);
    if (isPunct(token, '{')) return this.finishSubgraph(token, undefined, token);
    if ((token.kind === TokenKind.WORD || token.kind === TokenKind.STRING) && stream.at('=')) {
      if (!isKeyToken(token)) throw stream.expected(token, 'an attribute name before "="', 'Attribute names are letters, digits and underscores, dotted for groups: tool_hooks.pre');
      return { kind: 'attr-decl', attr: parseAttrAfterKey(stream, token) };
    }
    const first = this.toNodeRef(token, STATEMENT);
    if (stream.at('->')) return this.parseEdge(first);
    if (stream.at('--')) throw stream.expected(stream.peek(), '"->"');
    if (stream.at(':')) throw stream.expected(stream.peek(), `"->", "[" or a new statement after "${first.id}"`);
    return { kind: 'node', node: first, attrs: parseAttrLists(stream) };
  }

  private parseEdge(first: NodeRef): EdgeStatement {
    const { stream } = this;
    const nodes = [first];
    while (stream.accept('->')) {
      const target = stream.next();
      if (isPunct(target, '{') || keywordOf(target) === 'subgraph') {
        throw stream.expected(target, 'a node id after "->"', SUBGRAPH_ENDPOINT_HINT);
      }
      nodes.push(this.toNodeRef(target, 'a node id after "->"', `An edge needs a target: ${first.id} -> next_node.`));
    }
    if (stream.at('--')) throw stream.expected(stream.peek(), '"->"');
    if (stream.at(':')) throw stream.expected(stream.peek(), '"->", "[" or a new statement');
    return { kind: 'edge', nodes, attrs: parseAttrLists(stream) };
  }

  private parseSubgraph(keyword: Token): SubgraphStatement {
    const { stream } = this;
    let id: string | undefined;
    const nameToken = stream.peek();
    if (nameToken.kind === TokenKind.WORD || nameToken.kind === TokenKind.STRING) id = String(stream.next().value);
    const open = stream.next();
    if (!isPunct(open, '{')) throw stream.expected(open, id === undefined ? 'a subgraph name or "{"' : '"{" after the subgraph name');
    return this.finishSubgraph(keyword, id, open);
  }

  private finishSubgraph(start: Token, id: string | undefined, open: Token): SubgraphStatement {
    const { stream } = this;
    const body = this.parseBody(open, 'subgraph');
    if (stream.at('->') || stream.at('--')) throw stream.expected(stream.peek(), 'a new statement after the subgraph', SUBGRAPH_ENDPOINT_HINT);
    return { kind: 'subgraph', id, body, loc: stream.loc(start) };
  }

  /** A node id: a plain identifier, or any quoted text (decision 14). */
  private toNodeRef(token: Token, expected: string, hint?: string): NodeRef {
    const { stream } = this;
    if (token.kind === TokenKind.STRING && token.value !== '') return { id: String(token.value), loc: stream.loc(token) };
    if (token.kind === TokenKind.WORD && isPlainIdentifier(token.text) && keywordOf(token) === undefined) {
      return { id: token.text, loc: stream.loc(token) };
    }
    throw stream.expected(token, expected, nodeIdHint(token) ?? hint);
  }
}

const KEYWORDS = new Set(['digraph', 'graph', 'node', 'edge', 'subgraph', 'strict']);

/** A lexer word (`[A-Za-z_][A-Za-z0-9_.:-]*`) without '.', ':' or '-' is an identifier. */
function isPlainIdentifier(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === 46 || code === 58 || code === 45) return false;
  }
  return true;
}

/** Keywords are case-insensitive (decision 14): `Digraph`, `NODE`. */
function keywordOf(token: Token): 'digraph' | 'graph' | 'node' | 'edge' | 'subgraph' | 'strict' | undefined {
  // Cheap length filter first: this runs for every statement and every edge target.
  if (token.kind !== TokenKind.WORD || token.text.length < 4 || token.text.length > 8) return undefined;
  const lower = token.text.toLowerCase();
  return KEYWORDS.has(lower) ? (lower as 'digraph') : undefined;
}

function nodeIdHint(token: Token): string | undefined {
  if (token.kind === TokenKind.STRING) return 'Node ids cannot be empty.';
  const text = token.text;
  if (token.kind === TokenKind.WORD && text.includes(':')) return 'Ports (a:p) are not supported: connect nodes by their id, as in a -> b.';
  if (token.kind === TokenKind.WORD && KEYWORDS.has(text.toLowerCase())) return `"${text}" is a keyword: to use it as a node id, quote it ("${text}").`;
  if (token.kind === TokenKind.WORD || token.kind === TokenKind.INTEGER || token.kind === TokenKind.FLOAT || token.kind === TokenKind.DURATION) {
    return `Node ids are letters, digits and underscores, starting with a letter or underscore: quote other ids, as in "${text}".`;
  }
  return undefined;
}
