import { describe, expect, it } from 'vitest';
import { RunContext } from '../../context.js';
import { buildGraph, buildNode, type PlainAttrs } from '../../testing/build-graph.js';
import { expandPrompt, promptTemplate } from './expand-prompt.js';

describe('promptTemplate', () => {
  it.each<[string, PlainAttrs, string]>([
    ['prompt wins', { prompt: 'Write tests', label: 'Tests' }, 'Write tests'],
    ['label when there is no prompt', { label: 'Write the plan' }, 'Write the plan'],
    ['label when the prompt is blank', { prompt: '  ', label: 'Plan' }, 'Plan'],
    ['node id when neither', {}, 'plan'],
  ])('%s', (_name, attrs, expected) => {
    expect(promptTemplate(buildNode('plan', attrs))).toBe(expected);
  });
});

describe('decision 26: expandPrompt', () => {
  const graph = buildGraph({ attrs: { goal: 'Ship v2' } });
  const context = new RunContext({ 'context.branch': 'main', 'tool.output': 'all green', count: 3, flag: false, nested: { a: 1 } });
  const variables = { pr_number: '123' };

  it.each([
    ['context key with prefix', 'On ${context.branch}', 'On main'],
    ['context key falling back to the bare key', 'Tests: ${context.tool.output}', 'Tests: all green'],
    ['numbers and booleans as text', '${context.count}/${context.flag}', '3/false'],
    ['objects as JSON', '${context.nested}', '{"a":1}'],
    ['unknown context key left as written', 'See ${context.missing}', 'See ${context.missing}'],
    ['$goal', 'Goal: $goal.', 'Goal: Ship v2.'],
    ['run variables, bare and braced', 'PR $pr_number / ${pr_number}', 'PR 123 / 123'],
    ['unknown $words left as written', 'Cost $5 and $unknown', 'Cost $5 and $unknown'],
    ['no re-expansion of values', '${context.tricky}', '$goal'],
  ])('%s', (_name, template, expected) => {
    const ctx = context.clone();
    ctx.set('tricky', '$goal');
    expect(expandPrompt(template, graph, ctx, variables)).toBe(expected);
  });

  it('takes $goal from the context when the graph has none', () => {
    expect(expandPrompt('$goal', buildGraph({}), new RunContext({ 'graph.goal': 'From context' }), {})).toBe('From context');
  });
});
