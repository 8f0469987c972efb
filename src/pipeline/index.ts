/** The public pipeline API: text in, validated graph out (plus conditions, variables and drawing). */
export { parseDot } from './dot/parse.js';
export type { Graph, GraphNode, GraphEdge, Attribute, AttrValue, Attributes } from './graph/model.js';
export { outgoingEdges, incomingEdges, textValue, plainValue } from './graph/model.js';
export { handlerTypeOf, findStartNodes, findExitNodes, shapeOf, SHAPE_TO_TYPE } from './graph/node-kind.js';

export {
  preparePipeline,
  loadPipeline,
  type PrepareOptions,
  type PreparedPipeline,
  type LoadedPipeline,
} from './prepare.js';
export { readPipelineFile, maxPipelineFileBytes } from './read-pipeline-file.js';
export { maxNestingDepth } from './dot/parser.js';

export {
  validate,
  validateOrThrow,
  formatDiagnostic,
  sortDiagnostics,
  isError,
  Severity,
  BUILT_IN_RULES,
  BUILT_IN_HANDLER_TYPES,
  type Diagnostic,
  type LintRule,
  type LintContext,
  type ValidateOptions,
} from './validate/index.js';

export {
  parseCondition,
  evaluateCondition,
  conditionKeys,
  resolveConditionKey,
  ClauseOp,
  type Condition,
  type Clause,
  type ConditionEnv,
} from './conditions/index.js';

export {
  applyTransforms,
  builtInTransforms,
  expandVariables,
  createStylesheetTransform,
  createVariablesTransform,
  type Transform,
  type VariableSource,
} from './transforms/index.js';

export { parseStylesheet, matchStyle, resolveModelSettings, StyleProperty, type Stylesheet, type ModelSettings } from './stylesheet/index.js';
export { renderSvg, toDisplayDot } from './render/index.js';
