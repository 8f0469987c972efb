import { textValue } from '../../../pipeline/graph/model.js';
import type { Diagnostic } from '../../../pipeline/validate/diagnostic.js';
import type { LintRule } from '../../../pipeline/validate/lint-rule.js';
import { parseWorkflowInput } from './workflow-node.js';

/**
 * `workflow_node`: a `type="workflow"` node names its workflow (`workflow="NAME"`), and its `input`
 * is JSON (the diagnostic points into the value). Whether the workflow exists is known only where
 * the workflows are loaded, when the node starts it.
 */
export const workflowNodeRule: LintRule = {
  name: 'workflow_node',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      if (ctx.handlerType(node) !== 'workflow') continue;
      const name = node.attrs['workflow'];
      if (!name || textValue(name.value).trim() === '') {
        diagnostics.push({
          rule: 'workflow_node', severity: 'error', nodeId: node.id, loc: name?.loc ?? node.loc,
          message: `Workflow node "${node.id}" has no workflow attribute naming the workflow to start.`,
          fix: `${node.id} [type="workflow", workflow="customer-support", input="{\\"question\\": \\"…\\"}"]`,
        });
      }
      const input = node.attrs['input'];
      const parsed = input && parseWorkflowInput(textValue(input.value));
      if (input && parsed && 'problem' in parsed) {
        diagnostics.push({
          rule: 'workflow_node', severity: 'error', nodeId: node.id, loc: ctx.locateInValue(input)(parsed.offset) ?? input.loc,
          message: `input of workflow node "${node.id}" ${parsed.problem}`,
          fix: 'input="{\\"orderId\\": \\"o-1\\"}" (a JSON value, quoted as a DOT string: the workflow\'s input)',
        });
      }
    }
    return diagnostics;
  },
};
