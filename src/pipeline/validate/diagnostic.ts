import type { SourceLocation } from '../../core/source-location.js';

export const Severity = {
  ERROR: 'error',
  WARNING: 'warning',
  INFO: 'info',
} as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/** One finding of validation (digest §21). ERROR diagnostics stop a run from starting. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  /** The offending attribute, edge or node as written. */
  loc?: SourceLocation;
  nodeId?: string;
  edge?: { from: string; to: string };
  /** What to write instead. */
  fix?: string;
}

export function isError(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === Severity.ERROR;
}

/** File order: by line, then column; diagnostics without a position first; stable otherwise. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    if (!a.loc || !b.loc) return (a.loc ? 1 : 0) - (b.loc ? 1 : 0);
    return a.loc.line - b.loc.line || a.loc.column - b.loc.column;
  });
}
