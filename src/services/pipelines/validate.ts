import { isOrchestraError } from '../../core/errors.js';
import { engineLintRules } from '../../engine/handlers/lint-rules.js';
import type { Graph } from '../../pipeline/graph/model.js';
import { preparePipeline } from '../../pipeline/prepare.js';
import type { Diagnostic } from '../../pipeline/validate/diagnostic.js';
import type { DiagnosticOutput, ValidationOutput } from './schemas.js';

export interface CheckedPipeline extends ValidationOutput {
  /** Undefined when the text does not parse. */
  graph: Graph | undefined;
}

/**
 * Validates DOT text as `orchestra compile` does (engine lint rules included) and never throws on
 * a bad pipeline: a syntax error is one diagnostic at its line and column like any other finding.
 */
export function checkPipeline(source: string, shownAs: string, variables: Readonly<Record<string, string>>): CheckedPipeline {
  let prepared;
  try {
    prepared = preparePipeline(source, { file: shownAs, variables, extraRules: engineLintRules });
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    const at = error.location === undefined ? {} : { line: error.location.line, column: error.location.column };
    const diagnostic: DiagnosticOutput = { severity: 'error', rule: error.code, message: error.message, ...at, ...(error.hint !== undefined && { fix: error.hint }) };
    return { ok: false, file: shownAs, nodes: 0, edges: 0, diagnostics: [diagnostic], graph: undefined };
  }
  const diagnostics = prepared.diagnostics.map(toOutput);
  return { ok: !diagnostics.some((d) => d.severity === 'error'), file: shownAs, nodes: prepared.graph.nodes.size, edges: prepared.graph.edges.length, diagnostics, graph: prepared.graph };
}

function toOutput(diagnostic: Diagnostic): DiagnosticOutput {
  return {
    severity: diagnostic.severity,
    message: diagnostic.message,
    rule: diagnostic.rule,
    ...(diagnostic.loc !== undefined && { line: diagnostic.loc.line, column: diagnostic.loc.column }),
    ...(diagnostic.nodeId !== undefined && { node: diagnostic.nodeId }),
    ...(diagnostic.fix !== undefined && { fix: diagnostic.fix }),
  };
}

/** The validation result without the graph: what the API returns. */
export function validationOf(checked: CheckedPipeline): ValidationOutput {
  const { graph: _graph, ...output } = checked;
  return output;
}
