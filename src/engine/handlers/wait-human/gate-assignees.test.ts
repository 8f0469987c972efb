import { describe, expect, it } from 'vitest';
import type { ResolvedPeople } from '../../../config/people-types.js';
import { buildGraph } from '../../testing/build-graph.js';
import { checkGateAssignees } from './gate-assignees.js';

const people: ResolvedPeople = { configured: true, users: { ann: { id: 'ann' } }, groups: { leads: ['ann'] }, admins: [] };

function gate(attrs: Record<string, string>) {
  return buildGraph({ nodes: { gate: { shape: 'hexagon', ...attrs } }, edges: [['gate', 'ship', { label: 'Ship' }]] });
}

describe('issue 10: a gate\'s people are checked when the run starts', () => {
  it.each<[string, Record<string, string>, RegExp | undefined]>([
    ['known assignee and reassign targets', { 'human.assignee': 'user:ann', 'human.escalation': `[{ after: 30m, reassign: 'group:leads' }, { after: 1h, reassign: 'user:ann' }]` }, undefined],
    ['an unknown assignee', { 'human.assignee': 'group:leadz' }, /human\.assignee of node "gate": unknown group "leadz"/],
    ['an unknown group to escalate to, naming the step', { 'human.escalation': `[{ after: 30m, notify: ops }, { after: 1h, reassign: 'group:oncall' }]` }, /human\.escalation\[1\]\.reassign of node "gate": unknown group "oncall"/],
    ['a chain that does not parse is left to the human_form rule', { 'human.escalation': '[{ after: 30m' }, undefined],
  ])('%s', (_name, attrs, expected) => {
    const check = () => checkGateAssignees(gate(attrs), people);
    if (expected === undefined) expect(check).not.toThrow();
    else expect(check).toThrow(expected);
  });

  it("issue 10: an interactive node's assignee is checked too; a plain LLM node's is not", () => {
    const chat = (interactive: string) => buildGraph({ nodes: { talk: { prompt: 'Hi', interactive, 'human.assignee': 'user:bob' } }, edges: [['talk', 'exit', {}]] });
    expect(() => checkGateAssignees(chat('true'), people)).toThrow(/human\.assignee of node "talk": unknown user "bob"/);
    expect(() => checkGateAssignees(chat('false'), people)).not.toThrow();
  });
});
