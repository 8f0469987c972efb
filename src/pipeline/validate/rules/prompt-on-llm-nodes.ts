import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';
import { hasText } from './attr-checks.js';

/** An LLM stage says what to do: a `prompt` or at least an explicit `label` (decision 16). */
export const promptOnLlmNodesRule: LintRule = {
  name: 'prompt_on_llm_nodes',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      if (node.implicit || ctx.handlerType(node) !== 'codergen') continue;
      if (hasText(node.attrs['prompt']) || hasText(node.attrs['label'])) continue;
      diagnostics.push({
        rule: 'prompt_on_llm_nodes',
        severity: 'warning',
        message: `Node ${node.id} is an LLM stage with neither prompt nor label, so its whole prompt would be "${node.id}".`,
        loc: node.loc,
        nodeId: node.id,
        fix: `${node.id} [prompt="..."]`,
      });
    }
    return diagnostics;
  },
};
