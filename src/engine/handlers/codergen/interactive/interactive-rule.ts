import { readString } from '../../../../pipeline/graph/attr-read.js';
import { textValue } from '../../../../pipeline/graph/model.js';
import type { Diagnostic } from '../../../../pipeline/validate/diagnostic.js';
import type { LintRule } from '../../../../pipeline/validate/lint-rule.js';
import { assigneeDiagnostics } from '../../wait-human/human-gate-rule.js';
import { chatChoices } from './chat-setup.js';

/**
 * `interactive`: `interactive=true` belongs on an LLM (codergen) node; an interactive node's
 * `human.assignee` reads `user:ID` or `group:ID`; and a chat whose outgoing edges are all
 * unlabeled offers no choice, which is worth knowing when the node has several ways on. The
 * types of `interactive` and `max_turns` are checked by `attribute_type` like every attribute.
 */
export const interactiveRule: LintRule = {
  name: 'interactive',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      const attr = node.attrs['interactive'];
      if (!attr || textValue(attr.value).trim().toLowerCase() !== 'true') continue;
      const handler = ctx.handlerType(node);
      if (handler !== 'codergen') {
        diagnostics.push({ rule: 'interactive', severity: 'warning', message: `Node "${node.id}" is interactive=true, but only LLM (codergen) nodes converse; its handler "${handler}" ignores it.`, loc: attr.loc, nodeId: node.id, fix: 'remove interactive=true, or make the node an LLM node (shape=box)' });
        continue;
      }
      diagnostics.push(...assigneeDiagnostics(node, 'interactive'));
      const edges = graph.edges.filter((edge) => edge.from === node.id);
      if (edges.length > 1 && chatChoices(graph, node.id).length === 0 && edges.every((edge) => readString(edge.attrs, 'condition') === undefined)) {
        diagnostics.push({ rule: 'interactive', severity: 'warning', message: `Interactive node "${node.id}" has ${edges.length} outgoing edges but none is labeled, so the person cannot choose where the run goes.`, loc: attr.loc, nodeId: node.id, fix: 'label the edges (label="[A] Approve"): each label is a choice that ends the chat' });
      }
    }
    return diagnostics;
  },
};
