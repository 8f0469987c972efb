import type { Logger } from '../../core/logger.js';
import { refuseReservedVariables } from '../../core/reserved-variables.js';
import type { Graph } from '../../pipeline/graph/model.js';
import { preparePipeline } from '../../pipeline/prepare.js';
import { throwOnErrors } from '../../pipeline/validate/index.js';
import type { HandlerRegistry } from '../handler.js';
import { engineLintRules } from '../handlers/lint-rules.js';

/**
 * Parse → transform → validate (digest §5). Any ERROR diagnostic refuses the run with
 * E_VALIDATION listing them all; warnings go to the logger (the CLI prints its own from compile).
 * Every run start (new, resumed, replayed, child) passes here before anything is stored, so this
 * is where run variables with reserved names are refused (E_VARIABLE, issue 8.6).
 */
export function prepareGraph(source: string, file: string, variables: Readonly<Record<string, string>>, registry: HandlerRegistry, logger: Logger): Graph {
  refuseReservedVariables(variables);
  const { graph, diagnostics } = preparePipeline(source, { file, variables, knownHandlerTypes: registry.types(), extraRules: engineLintRules });
  throwOnErrors(file, diagnostics);
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'warning') logger.warn(diagnostic.message, { rule: diagnostic.rule, node: diagnostic.nodeId });
  }
  return graph;
}
