import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../../../pipeline/validate/testing/lint-dot.js';
import { nodeWorkflowId, parseWorkflowInput } from './workflow-node.js';
import { workflowNodeRule } from './workflow-node-rule.js';

function lint(attrs: string): string[] {
  const source = pipelineDot(`ship [type="workflow"${attrs}]\nstart -> ship -> exit`);
  return lintDot(source, 'workflow_node', { extraRules: [workflowNodeRule] }).map((line) => line.split('\n')[0] ?? '');
}

// Line 5 is the node; `  ship [type="workflow", ` is 25 characters, so an attribute starts at column 26.
describe('issue 11: workflow_node rule', () => {
  it.each<[string, string, string[]]>([
    ['a workflow and JSON input', `, workflow="greet", input="{\\"name\\": \\"Ann\\"}"`, []],
    ['a workflow without input', `, workflow="greet"`, []],
    ['no workflow attribute, at the node', '', ['p.dot:5:3: error[workflow_node]: Workflow node "ship" has no workflow attribute naming the workflow to start.']],
    ['an empty workflow attribute, at the attribute', `, workflow=" "`, ['p.dot:5:26: error[workflow_node]: Workflow node "ship" has no workflow attribute naming the workflow to start.']],
  ])('%s', (_name, attrs, expected) => {
    expect(lint(attrs)).toEqual(expected);
  });

  it('issue 11: input that is not JSON is an error inside the value', () => {
    const [line] = lint(`, workflow="greet", input="{name: 1}"`);
    expect(line).toMatch(/^p\.dot:5:\d+: error\[workflow_node\]: input of workflow node "ship" is not JSON: /);
    expect(Number(line!.split(':')[2])).toBeGreaterThan(45);
  });
});

describe('issue 11: workflow node rules', () => {
  it.each<[string | undefined, unknown]>([
    [undefined, null],
    ['  ', null],
    ['{"a": [1, true]}', { a: [1, true] }],
    ['"text"', 'text'],
  ])('issue 11: input %j parses to %j', (text, value) => {
    expect(parseWorkflowInput(text)).toEqual({ value });
  });

  it('issue 11: an instance id is stable for a visit and attempt, and differs for a retry or another visit', () => {
    const id = nodeWorkflowId('run-1', 'ship', 'v1', 1);
    expect(id).toMatch(/^run-1\.ship\.[0-9a-f]{10}$/);
    expect(nodeWorkflowId('run-1', 'ship', 'v1', 1)).toBe(id);
    expect(new Set([id, nodeWorkflowId('run-1', 'ship', 'v1', 2), nodeWorkflowId('run-1', 'ship', 'v2', 1)]).size).toBe(3);
  });
});
