/** How a clause compares its key's value (digest §9). */
export const ClauseOp = {
  EQUALS: '=',
  NOT_EQUALS: '!=',
  /** A bare key: true unless its value is empty, `false` or `0` (decision 12). */
  TRUTHY: 'truthy',
} as const;
export type ClauseOp = (typeof ClauseOp)[keyof typeof ClauseOp];

export interface Clause {
  key: string;
  op: ClauseOp;
  /** The literal, unquoted and unescaped; empty for TRUTHY clauses. */
  value: string;
  /** 1-based column of the key inside the condition text. */
  column: number;
}

/** A parsed edge condition: clauses AND-ed left to right. No clauses means always true. */
export interface Condition {
  source: string;
  clauses: readonly Clause[];
}
