import { textValue, type Attribute, type GraphNode } from '../../../pipeline/graph/model.js';
import type { Diagnostic } from '../../../pipeline/validate/diagnostic.js';
import type { LintContext, LintRule } from '../../../pipeline/validate/lint-rule.js';
import { parseHumanForm } from './human-form.js';

const assigneeText = /^(user|group):\S.*$/;

/**
 * `human_form`: a gate's `human.form` is a valid form (each problem at its line and column inside
 * the value) and its `human.assignee` reads `user:ID` or `group:ID`. Whether that person or group
 * exists is checked when the run starts, against orchestra.yaml's `people:`.
 */
export const humanGateRule: LintRule = {
  name: 'human_form',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const node of graph.nodes.values()) {
      if (ctx.handlerType(node) !== 'wait.human') continue;
      const form = node.attrs['human.form'];
      if (form) diagnostics.push(...formDiagnostics(node, form, ctx));
      const assignee = node.attrs['human.assignee'];
      if (assignee && !assigneeText.test(textValue(assignee.value).trim())) {
        diagnostics.push({
          rule: 'human_form',
          severity: 'error',
          message: `human.assignee of node "${node.id}" is "${textValue(assignee.value)}"; expected user:ID or group:ID.`,
          loc: assignee.loc,
          nodeId: node.id,
          fix: 'human.assignee="group:release-managers" (a group of people: in orchestra.yaml) or human.assignee="user:ann"',
        });
      }
    }
    return diagnostics;
  },
};

function formDiagnostics(node: GraphNode, attr: Attribute, ctx: LintContext): Diagnostic[] {
  const parsed = parseHumanForm(textValue(attr.value));
  if ('form' in parsed) return [];
  const locate = ctx.locateInValue(attr);
  return parsed.problems.map((problem) => ({
    rule: 'human_form',
    severity: 'error',
    message: `human.form of node "${node.id}": ${problem.message}`,
    loc: locate(problem.offset) ?? attr.loc,
    nodeId: node.id,
    fix: `a YAML mapping of fields, e.g. human.form="{ comment: { type: textarea, label: 'Why?' } }" (docs/human-tasks.md#forms)`,
  }));
}
