import type { LintRule } from '../lint-rule.js';
import { attributeTypeRule } from './attribute-type.js';
import { conditionOutcomeValueRule } from './condition-outcome-value.js';
import { compositionCycleRule } from './composition-cycle.js';
import { conditionKeyRule } from './condition-key.js';
import { conditionSyntaxRule } from './condition-syntax.js';
import { contextSourcesRule } from './context-sources.js';
import { edgeTargetExistsRule } from './edge-target-exists.js';
import { exitNoOutgoingRule } from './exit-no-outgoing.js';
import { exitReachableRule } from './exit-reachable.js';
import { fidelityValidRule } from './fidelity-valid.js';
import { goalGateHasRetryRule } from './goal-gate-has-retry.js';
import { humanGateConditionalEdgeRule } from './human-gate-conditional-edge.js';
import { maxRetriesUnusedRule } from './max-retries-unused.js';
import { managerChildDotfileRule } from './manager-child-dotfile.js';
import { parallelFanInRule } from './parallel-fan-in.js';
import { pipelineFileExistsRule } from './pipeline-file-exists.js';
import { promptOnLlmNodesRule } from './prompt-on-llm-nodes.js';
import { shapeKnownRule } from './shape-known.js';
import { reachabilityRule } from './reachability.js';
import { retryEdgeUnreachableRule } from './retry-edge-unreachable.js';
import { retryTargetExistsRule } from './retry-target-exists.js';
import { startNoIncomingRule } from './start-no-incoming.js';
import { startNodeRule } from './start-node.js';
import { stylesheetSyntaxRule } from './stylesheet-syntax.js';
import { terminalNodeRule } from './terminal-node.js';
import { toolCommandRequiredRule } from './tool-command-required.js';
import { typeKnownRule } from './type-known.js';
import { unknownAttributeRule } from './unknown-attribute.js';
import { unknownVariableRule } from './unknown-variable.js';
import { valueSyntaxRule } from './value-syntax.js';

/** The built-in rules: the spec's (digest §21) first, then Orchestra's. */
export const BUILT_IN_RULES: readonly LintRule[] = [
  startNodeRule,
  terminalNodeRule,
  reachabilityRule,
  edgeTargetExistsRule,
  startNoIncomingRule,
  exitNoOutgoingRule,
  conditionSyntaxRule,
  stylesheetSyntaxRule,
  typeKnownRule,
  fidelityValidRule,
  retryTargetExistsRule,
  goalGateHasRetryRule,
  promptOnLlmNodesRule,
  exitReachableRule,
  unknownAttributeRule,
  attributeTypeRule,
  conditionOutcomeValueRule,
  retryEdgeUnreachableRule,
  humanGateConditionalEdgeRule,
  parallelFanInRule,
  toolCommandRequiredRule,
  managerChildDotfileRule,
  compositionCycleRule,
  pipelineFileExistsRule,
  unknownVariableRule,
  maxRetriesUnusedRule,
  shapeKnownRule,
  contextSourcesRule,
  conditionKeyRule,
  valueSyntaxRule,
];
