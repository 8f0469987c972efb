import { formatLocation } from '../../core/source-location.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * The one way diagnostics are printed:
 * `file:line:col: error[rule]: message`, then `  fix: ...` when there is a fix.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.loc ? `${formatLocation(diagnostic.loc)}: ` : '';
  const head = `${where}${diagnostic.severity}[${diagnostic.rule}]: ${diagnostic.message}`;
  return diagnostic.fix ? `${head}\n  fix: ${diagnostic.fix}` : head;
}
