import { TokenKind } from '../dot/token.js';
import type { CstAttr, CstAttrList, CstBody, CstFile, CstNodeRef, CstStatement } from './cst.js';
import { losslessTokens, type CstToken } from './tokens.js';

const TARGETS = new Set(['graph', 'node', 'edge']);

/**
 * Reads the syntax tree of text the real parser (src/pipeline/dot/parser.ts) has accepted, so this
 * reader can stay small: it never reports mistakes, it only records where each part is.
 */
export function parseCst(text: string): CstFile {
  const tokens = losslessTokens(text);
  return new CstParser(text, tokens).parseFile();
}

class CstParser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: CstToken[],
  ) {}

  parseFile(): CstFile {
    this.next(); // digraph
    let name = '';
    if (!this.isPunct('{')) name = idOf(this.next());
    const body = this.parseBody(this.next(), { top: true });
    return { text: this.text, tokens: this.tokens, name, body };
  }

  private parseBody(open: CstToken, scope: { top: boolean; id?: string; named?: string }): CstBody {
    const statements: CstStatement[] = [];
    const named = scope.id ?? scope.named;
    while (!this.isPunct('}')) {
      if (this.isPunct(';')) {
        this.next();
        continue;
      }
      const statement = this.parseStatement(named);
      if (this.isPunct(';')) statement.semicolon = this.next();
      statements.push(statement);
    }
    const close = this.next();
    return { open, close, statements, top: scope.top, ...(scope.id === undefined ? {} : { id: scope.id }), ...(named === undefined ? {} : { named }) };
  }

  private parseStatement(named: string | undefined): CstStatement {
    const first = this.peek();
    const keyword = first.kind === TokenKind.WORD ? first.text.toLowerCase() : '';
    if (TARGETS.has(keyword) && this.isPunct('[', 1)) {
      this.next();
      const lists = this.parseLists();
      return { kind: 'attr-stmt', target: keyword as 'graph', lists, first, start: first.start, end: this.lastEnd() };
    }
    if (keyword === 'subgraph' || this.isPunct('{')) {
      if (keyword === 'subgraph') this.next();
      const id = this.isPunct('{') ? undefined : idOf(this.next());
      const body = this.parseBody(this.next(), { top: false, ...(id === undefined ? {} : { id }), ...(named === undefined ? {} : { named }) });
      return { kind: 'subgraph', body, first, start: first.start, end: body.close.end };
    }
    if (this.isPunct('=', 1)) {
      const attr = this.parseAttr();
      return { kind: 'attr-decl', attr, first, start: first.start, end: attr.valueEnd };
    }
    const nodes: CstNodeRef[] = [this.nodeRef()];
    while (this.isPunct('->')) {
      this.next();
      nodes.push(this.nodeRef());
    }
    const lists = this.parseLists();
    const end = this.lastEnd();
    if (nodes.length === 1) return { kind: 'node', node: nodes[0] as CstNodeRef, lists, first, start: first.start, end };
    return { kind: 'edge', nodes, lists, first, start: first.start, end };
  }

  private parseLists(): CstAttrList[] {
    const lists: CstAttrList[] = [];
    while (this.isPunct('[')) {
      const open = this.next();
      const items: CstAttr[] = [];
      while (!this.isPunct(']')) {
        if (this.isPunct(',') || this.isPunct(';')) {
          const separator = this.next();
          const last = items[items.length - 1];
          if (last !== undefined && last.separator === undefined) last.separator = separator;
          continue;
        }
        items.push(this.parseAttr());
      }
      lists.push({ open, close: this.next(), items });
    }
    return lists;
  }

  /** `key = value`; an unquoted colour (`#ff0000`) runs over the tokens that touch the `#`. */
  private parseAttr(): CstAttr {
    const keyToken = this.next();
    this.next(); // =
    const first = this.next();
    let last = first;
    if (first.kind === TokenKind.UNKNOWN && first.text === '#') {
      for (let next = this.peek(); next.start === last.end && isColourPart(next); next = this.peek()) last = this.next();
    }
    const quoted = first.kind === TokenKind.STRING;
    const value = quoted ? String(first.value) : this.text.slice(first.start, last.end);
    return { key: idOf(keyToken), keyToken, valueStart: first.start, valueEnd: last.end, value, quoted };
  }

  private nodeRef(): CstNodeRef {
    const token = this.next();
    return { id: idOf(token), token };
  }

  private peek(ahead = 0): CstToken {
    return this.tokens[Math.min(this.at + ahead, this.tokens.length - 1)] as CstToken;
  }

  private next(): CstToken {
    const token = this.peek();
    if (this.at < this.tokens.length - 1) this.at++;
    return token;
  }

  private isPunct(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === TokenKind.PUNCT && token.text === text;
  }

  private lastEnd(): number {
    return (this.tokens[this.at - 1] as CstToken).end;
  }
}

function idOf(token: CstToken): string {
  return token.kind === TokenKind.STRING ? String(token.value) : token.text;
}

function isColourPart(token: CstToken): boolean {
  return token.kind === TokenKind.WORD || token.kind === TokenKind.INTEGER || token.kind === TokenKind.FLOAT || token.kind === TokenKind.UNKNOWN;
}
