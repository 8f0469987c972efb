import type { LintRule } from '../../pipeline/validate/lint-rule.js';
import { interactiveRule } from './codergen/interactive/interactive-rule.js';
import { humanGateRule } from './wait-human/human-gate-rule.js';
import { workflowNodeRule } from './workflow/workflow-node-rule.js';

/**
 * Rules about built-in handlers that need more than the pipeline layer knows (a gate's form is
 * checked by the human-task rules): every run start and `orchestra compile` add them.
 */
export const engineLintRules: readonly LintRule[] = [humanGateRule, interactiveRule, workflowNodeRule];
