import { readString } from '../../../pipeline/graph/attr-read.js';
import { textValue, type Attribute, type Graph, type GraphNode } from '../../../pipeline/graph/model.js';
import type { Diagnostic } from '../../../pipeline/validate/diagnostic.js';
import type { LintContext, LintRule } from '../../../pipeline/validate/lint-rule.js';
import { gateChoices } from './gate-choices.js';
import { gateForm } from './gate-form.js';
import { parseHumanEscalation } from './human-escalation.js';
import { parseHumanForm } from './human-form.js';

const assigneeText = /^(user|group):\S.*$/;

/**
 * `human_form`: a gate's `human.form` is a valid form and its `human.escalation` a valid chain
 * (each problem at its line and column inside the value), and its `human.assignee` reads
 * `user:ID` or `group:ID`. Whether that person or group
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
      const escalation = node.attrs['human.escalation'];
      if (escalation) diagnostics.push(...escalationDiagnostics(graph, node, escalation, ctx));
      diagnostics.push(...assigneeDiagnostics(node, 'human_form'));
    }
    return diagnostics;
  },
};

/** A `human.assignee` that does not read `user:ID` or `group:ID` (gates, and interactive nodes' chat tasks). */
export function assigneeDiagnostics(node: GraphNode, rule: string): Diagnostic[] {
  const assignee = node.attrs['human.assignee'];
  if (!assignee || assigneeText.test(textValue(assignee.value).trim())) return [];
  return [{
    rule,
    severity: 'error',
    message: `human.assignee of node "${node.id}" is "${textValue(assignee.value)}"; expected user:ID or group:ID.`,
    loc: assignee.loc,
    nodeId: node.id,
    fix: 'human.assignee="group:release-managers" (a group of people: in orchestra.yaml) or human.assignee="user:ann"',
  }];
}

function formDiagnostics(node: GraphNode, attr: Attribute, ctx: LintContext): Diagnostic[] {
  const parsed = parseHumanForm(textValue(attr.value));
  if ('form' in parsed) return [];
  return valueProblems(node, attr, ctx, parsed.problems, `a YAML mapping of fields, e.g. human.form="{ comment: { type: textarea, label: 'Why?' } }" (docs/human-tasks.md#forms)`);
}

function escalationDiagnostics(graph: Graph, node: GraphNode, attr: Attribute, ctx: LintContext): Diagnostic[] {
  const choices = gateChoices(graph, node.id);
  const extra = parseHumanForm(readString(node.attrs, 'human.form') ?? '{}');
  const form = gateForm(node.id, choices, 'form' in extra ? extra.form : {}, undefined);
  const parsed = parseHumanEscalation(textValue(attr.value), form, choices, readString(node.attrs, 'human.sla')?.trim());
  if ('escalation' in parsed) return [];
  return valueProblems(node, attr, ctx, parsed.problems, `a YAML list of steps, e.g. human.escalation="[{ after: 30m, reassign: 'group:leads' }, { after: 1h, answer: { choice: approve } }]" (docs/human-tasks.md#slas-and-escalation)`);
}

/** One diagnostic per problem found inside a YAML attribute value, at its place in the value. */
function valueProblems(node: GraphNode, attr: Attribute, ctx: LintContext, problems: readonly { message: string; offset: number }[], fix: string): Diagnostic[] {
  const locate = ctx.locateInValue(attr);
  return problems.map((problem) => ({
    rule: 'human_form',
    severity: 'error',
    message: `${attr.key} of node "${node.id}": ${problem.message}`,
    loc: locate(problem.offset) ?? attr.loc,
    nodeId: node.id,
    fix,
  }));
}
