import { parseDot } from '../../dot/parse.js';
import { applyTransforms, builtInTransforms } from '../../transforms/index.js';
import { formatDiagnostic } from '../format.js';
import { validate, type ValidateOptions } from '../validate.js';

/**
 * A pipeline with `start` (line 3) and `exit` (line 4) declared; `body` lines start at line 5 and
 * `graphLine` sits on line 2, so tests can state exact positions.
 */
export function pipelineDot(body: string, graphLine = ''): string {
  const lines = body.split('\n').map((line) => `  ${line.trim()}`);
  return ['digraph G {', `  ${graphLine}`, '  start [shape=Mdiamond]', '  exit [shape=Msquare]', ...lines, '}', ''].join('\n');
}

/** The diagnostics of one rule for `source` (file `p.dot`), printed as the CLI prints them. */
export function lintDot(source: string, rule: string, options: Omit<ValidateOptions, 'source'> = {}): string[] {
  const graph = applyTransforms(parseDot(source, 'p.dot'), builtInTransforms({ variables: options.variables ?? {} }));
  return validate(graph, { ...options, source })
    .filter((d) => d.rule === rule)
    .map(formatDiagnostic);
}
