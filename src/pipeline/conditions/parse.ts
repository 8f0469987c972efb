import { ClauseOp, type Clause, type Condition } from './condition.js';
import { conditionError, type ConditionPlace } from './condition-error.js';
import { isReservedWord, reservedOperatorError } from './reserved.js';
import { TokenKind, tokenizeCondition, type Token } from './tokenize.js';

/** Where the condition was written, so errors can point into the DOT file. */
export type ParseConditionOptions = ConditionPlace;

const keyPattern = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;
const keyHint = 'Start each clause with a key: outcome, preferred_label, context.<path> or another context key.';

/**
 * Parses `Clause ( && Clause )*` where a clause is `key=value`, `key!=value` or a bare `key`
 * (decision 12). Throws OrchestraError(E_CONDITION_SYNTAX) naming the column and what to write.
 */
export function parseCondition(source: string, options: ParseConditionOptions = {}): Condition {
  const tokens = tokenizeCondition(source, options);
  const parser = new ClauseParser(source, tokens, options);
  return { source, clauses: parser.parseAll() };
}

class ClauseParser {
  private pos = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
    private readonly place: ConditionPlace,
  ) {}

  parseAll(): Clause[] {
    const clauses: Clause[] = [];
    if (this.peek().kind === TokenKind.END) return clauses;
    for (;;) {
      clauses.push(this.parseClause());
      const next = this.take();
      if (next.kind === TokenKind.END) return clauses;
      if (next.kind !== TokenKind.AND) throw this.unexpectedAfterClause(next);
      if (this.peek().kind === TokenKind.END) {
        throw this.error(next, 'nothing follows "&&".', 'Remove the trailing && or add a clause after it.');
      }
    }
  }

  private parseClause(): Clause {
    const keyToken = this.take();
    if (keyToken.kind !== TokenKind.WORD) {
      throw this.error(keyToken, `expected a key, found ${describe(keyToken)}.`, keyHint);
    }
    const op = this.peek();
    if (op.kind === TokenKind.AND || op.kind === TokenKind.END) {
      this.checkKey(keyToken);
      return { key: keyToken.text, op: ClauseOp.TRUTHY, value: '', column: keyToken.column };
    }
    if (op.kind !== TokenKind.EQUALS && op.kind !== TokenKind.NOT_EQUALS) {
      if (/^not$/i.test(keyToken.text)) throw this.reserved(keyToken);
      if (op.kind === TokenKind.WORD && isReservedWord(op.text)) throw this.reserved(op);
      throw this.error(
        op,
        `expected "=", "!=" or "&&" after "${keyToken.text}", found ${describe(op)}.`,
        'Write key=value, key!=value or a bare key; quote values that contain spaces: key="two words".',
      );
    }
    this.checkKey(keyToken);
    this.take();
    const value = this.take();
    if (value.kind !== TokenKind.WORD && value.kind !== TokenKind.STRING) {
      throw this.error(
        value,
        `expected a value after "${op.text}", found ${describe(value)}.`,
        `Write a value such as ${keyToken.text}${op.text}success, or "" for the empty value.`,
      );
    }
    const clauseOp = op.kind === TokenKind.EQUALS ? ClauseOp.EQUALS : ClauseOp.NOT_EQUALS;
    return { key: keyToken.text, op: clauseOp, value: value.text, column: keyToken.column };
  }

  private checkKey(token: Token): void {
    if (!keyPattern.test(token.text)) {
      throw this.error(token, `"${token.text}" is not a valid key.`, `${keyHint} Keys are letters, digits, _ and - joined by dots.`);
    }
  }

  private unexpectedAfterClause(token: Token): Error {
    if (token.kind === TokenKind.WORD && isReservedWord(token.text)) return this.reserved(token);
    return this.error(
      token,
      `expected "&&" or the end of the condition, found ${describe(token)}.`,
      'Combine clauses with &&; quote values that contain spaces or operators: key="a=b".',
    );
  }

  private reserved(token: Token): Error {
    return reservedOperatorError(this.source, token.text, token.column, this.place);
  }

  private error(token: Token, problem: string, hint: string): Error {
    return conditionError(this.source, { column: token.column, width: token.width }, problem, hint, this.place);
  }

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private take(): Token {
    const token = this.tokens[this.pos] as Token;
    if (token.kind !== TokenKind.END) this.pos += 1;
    return token;
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case TokenKind.END:
      return 'the end of the condition';
    case TokenKind.STRING:
      return `the quoted text "${token.text}"`;
    case TokenKind.WORD:
      return `"${token.text}"`;
    default:
      return `"${token.text}"`;
  }
}
