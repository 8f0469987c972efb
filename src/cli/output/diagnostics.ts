import { plural } from '../../core/index.js';
// Not the pipeline barrel: it carries the SVG renderer, whose Graphviz WebAssembly every command
// that prints a diagnostic (run, resume) would load at start for nothing (issue 9).
import type { Diagnostic } from '../../pipeline/validate/diagnostic.js';
import { formatDiagnostic } from '../../pipeline/validate/format.js';

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countSeverities(diagnostics: readonly Diagnostic[]): SeverityCounts {
  const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** The diagnostics as printed: one block each (formatDiagnostic), ending with a newline. */
export function formatDiagnosticsText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('');
}

/** `3 errors, 1 warning, 2 notes`: zero counts of warnings and notes are left out. */
export function formatCounts(counts: SeverityCounts): string {
  const parts = [plural(counts.errors, 'error')];
  if (counts.warnings > 0) parts.push(plural(counts.warnings, 'warning'));
  if (counts.infos > 0) parts.push(plural(counts.infos, 'note'));
  return parts.join(', ');
}
