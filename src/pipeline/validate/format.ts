import { formatLocation } from '../../core/source-location.js';
import type { Diagnostic } from './diagnostic.js';
import { escapeTerminalText } from '../../core/terminal-text.js';

/**
 * The one way diagnostics are printed:
 * `file:line:col: error[rule]: message`, then `  fix: ...` when there is a fix. Messages quote node
 * ids and labels from the file, so each line is escaped: a newline or an ESC sequence in a name can
 * neither start a line of its own (a fake diagnostic) nor drive the terminal.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.loc ? `${formatLocation(diagnostic.loc)}: ` : '';
  const head = escapeTerminalText(`${where}${diagnostic.severity}[${diagnostic.rule}]: ${diagnostic.message}`);
  return diagnostic.fix ? `${head}\n  fix: ${escapeTerminalText(diagnostic.fix)}` : head;
}
