import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../../../../pipeline/validate/testing/lint-dot.js';
import { interactiveRule } from './interactive-rule.js';

function lint(node: string, edges = 'start -> chat -> exit', rule = 'interactive'): string[] {
  return lintDot(pipelineDot(`${node}\n${edges}`), rule, { extraRules: [interactiveRule] }).map((line) => line.split('\n')[0] ?? '');
}

// Line 5 is the node; `  chat [` is 8 characters, so its first attribute starts at column 9 (a value's diagnostics point at the value).
describe('issue 10: interactive rule', () => {
  it.each<[string, string, string, string, string[]]>([
    ['an interactive LLM node', 'chat [interactive=true, max_turns=4]', 'start -> chat -> exit', 'interactive', []],
    ['a bad max_turns, at its value', 'chat [interactive=true, max_turns=0]', 'start -> chat -> exit', 'attribute_type', ['p.dot:5:27: error[attribute_type]: Attribute "max_turns" of node chat must be 1 or more, found 0.']],
    ['max_turns that is not a number', 'chat [interactive=true, max_turns="lots"]', 'start -> chat -> exit', 'attribute_type', ['p.dot:5:27: error[attribute_type]: Attribute "max_turns" of node chat must be an integer, found "lots".']],
    ['interactive that is not a boolean', 'chat [interactive=maybe]', 'start -> chat -> exit', 'attribute_type', ['p.dot:5:9: error[attribute_type]: Attribute "interactive" of node chat must be true or false, found maybe.']],
    ['interactive on a gate', 'chat [shape=hexagon, interactive=true]', 'start -> chat -> exit [label="OK"]', 'interactive', ['p.dot:5:24: warning[interactive]: Node "chat" is interactive=true, but only LLM (codergen) nodes converse; its handler "wait.human" ignores it.']],
    ['a malformed assignee', 'chat [interactive=true, human.assignee="ann"]', 'start -> chat -> exit', 'interactive', ['p.dot:5:27: error[interactive]: human.assignee of node "chat" is "ann"; expected user:ID or group:ID.']],
    ['two unlabeled ways on', 'chat [interactive=true]\nother', 'start -> chat -> exit\nchat -> other -> exit', 'interactive', ['p.dot:5:9: warning[interactive]: Interactive node "chat" has 2 outgoing edges but none is labeled, so the person cannot choose where the run goes.']],
    ['labeled ways on are choices', 'chat [interactive=true]\nother', 'start -> chat\nchat -> exit [label="[A] Accept"]\nchat -> other [label="[M] More"]\nother -> exit', 'interactive', []],
  ])('issue 10: %s', (_name, node, edges, rule, expected) => {
    const found = lint(node, edges, rule);
    expect(found.map((line) => line.slice(0, expected[0]?.length ?? 0))).toEqual(expected);
  });
});
