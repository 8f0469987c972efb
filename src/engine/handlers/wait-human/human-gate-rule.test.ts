import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../../../pipeline/validate/testing/lint-dot.js';
import { humanGateRule } from './human-gate-rule.js';

function lint(gateAttrs: string): string[] {
  const source = pipelineDot(`gate [shape=hexagon, ${gateAttrs}]\nstart -> gate -> exit [label="OK"]`);
  return lintDot(source, 'human_form', { extraRules: [humanGateRule] }).map((line) => line.split('\n')[0] ?? '');
}

// Line 5 is the gate; `  gate [shape=hexagon, ` is 23 characters, so an attribute starts at column 24.
describe('issue 10: human_form rule', () => {
  it.each<[string, string, string[]]>([
    ['a valid form', `human.form="{ comment: { type: textarea, required: true } }"`, []],
    ['JSON', `human.form="{\\"n\\": {\\"type\\": \\"number\\", \\"min\\": 1}}"`, []],
    ['an unknown field type, at the type key', `human.form="{ comment: { type: essay } }"`, ['p.dot:5:49: error[human_form]: human.form of node "gate": comment.type: unknown field type "essay"']],
    ['a select without options, at its field (the key is missing)', `human.form="{ risk: { type: select } }"`, ['p.dot:5:38: error[human_form]: human.form of node "gate": risk.options: a select field needs options: a list of { value, label }']],
    ['the reserved choice field', `human.form="{ choice: { type: text } }"`, ['p.dot:5:38: error[human_form]: human.form of node "gate": the field name "choice" is the gate\'s own (its outgoing edges); name the field differently']],
    ['text that is not a mapping', `human.form="comment"`, ['p.dot:5:36: error[human_form]: human.form of node "gate": human.form: a form is a mapping of field names to fields, e.g. { answer: { type: textarea } }']],
    ['a malformed assignee', `human.assignee="release-team"`, ['p.dot:5:24: error[human_form]: human.assignee of node "gate" is "release-team"; expected user:ID or group:ID.']],
    ['a well-formed assignee', `human.assignee="group:release"`, []],
  ])('%s', (_name, attrs, expected) => {
    const found = lint(attrs);
    expect(found.map((line) => line.slice(0, expected[0]?.length ?? 0))).toEqual(expected);
  });

  it('issue 10: broken YAML is an error at the value', () => {
    expect(lint(`human.form="{ comment: { type: text }"`)[0]).toMatch(/^p\.dot:5:\d+: error\[human_form\]: human\.form of node "gate": not a YAML mapping: /);
  });

  it.each<[string, string, RegExp | undefined]>([
    ['a valid chain, the default answer naming the edge by label', `human.sla="30m", human.escalation="[{ after: 30m, reassign: 'group:leads' }, { after: 1h, answer: { choice: OK } }]"`, undefined],
    ['a first step without after takes the SLA', `human.sla="30m", human.escalation="[{ notify: ops }]"`, undefined],
    ['a duration that does not parse, at its step', `human.escalation="[{ after: soon, notify: ops }]"`, /^p\.dot:5:45: error\[human_form\]: human\.escalation of node "gate": Expected human\.escalation\[0\]\.after to be a duration/],
    ['an unknown step field', `human.escalation="[{ after: 1h, shout: ops }]"`, /^p\.dot:5:56: error\[human_form\]: human\.escalation of node "gate": human\.escalation\[0\]\.shout is not a step field/],
    ['a step before the one before it', `human.escalation="[{ after: 1h, notify: ops }, { after: 30m, notify: ops }]"`, /^p\.dot:5:73: error\[human_form\]: .*human\.escalation\[1\]\.after must not be earlier/],
    ['a default answer naming no edge', `human.escalation="[{ after: 1h, answer: { choice: maybe } }]"`, /^p\.dot:5:66: error\[human_form\]: human\.escalation of node "gate": human\.escalation\[0\]\.answer is invalid: choice/],
    ['not a list', `human.escalation="{ after: 1h }"`, /^p\.dot:5:42: error\[human_form\]: human\.escalation of node "gate": human\.escalation is a list of steps/],
  ])('issue 10: human.escalation: %s', (_name, attrs, expected) => {
    const found = lint(attrs);
    if (expected === undefined) expect(found).toEqual([]);
    else expect(found).toEqual([expect.stringMatching(expected)]);
  });
});
