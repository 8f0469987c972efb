import type { Logger } from '../../core/logger.js';
import type { Graph } from '../../pipeline/graph/model.js';
import { preparePipeline } from '../../pipeline/prepare.js';
import { throwOnErrors } from '../../pipeline/validate/index.js';
import type { HandlerRegistry } from '../handler.js';

/**
 * Parse → transform → validate (digest §5). Any ERROR diagnostic refuses the run with
 * E_VALIDATION listing them all; warnings go to the logger (the CLI prints its own from compile).
 */
export function prepareGraph(source: string, file: string, variables: Readonly<Record<string, string>>, registry: HandlerRegistry, logger: Logger): Graph {
  const { graph, diagnostics } = preparePipeline(source, { file, variables, knownHandlerTypes: registry.types() });
  throwOnErrors(file, diagnostics);
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'warning') logger.warn(diagnostic.message, { rule: diagnostic.rule, node: diagnostic.nodeId });
  }
  return graph;
}
