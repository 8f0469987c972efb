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

  it.each<[string, Record<string, string>, Record<string, string>, string]>([
    ['the graph goal beats a goal variable', { goal: 'Ship v2' }, { goal: 'other' }, 'Ship v2'],
    ['a goal variable when the graph has none', {}, { goal: 'from cli' }, 'from cli'],
    ['an empty goal when there is none at all', {}, {}, ''],
  ])('$goal: %s', (_name, attrs, vars, expected) => {
    expect(expandPrompt('[$goal|{{ goal }}]', buildGraph({ attrs }), new RunContext({ 'graph.goal': '' }), vars)).toBe(`[${expected}|${expected}]`);
  });
});

describe('issue 8.1: values are data, never template source', () => {
  const payload = '{{ range.constructor("return 7 * 7")() }}{% if true %}x{% endif %}';
  const graph = buildGraph({ attrs: { goal: `Goal ${payload}` } });

  it.each([
    ['a context value, plain prompt', 'Said: ${context.last_response}', `Said: ${payload}`],
    ['a context value, template prompt', 'Said: ${context.last_response} {{ "ok" }}', `Said: ${payload} ok`],
    ['a run variable', '$title / ${title} / {{ title }}', `${payload} / ${payload} / ${payload}`],
    ['the goal', '$goal {% if goal %}and {{ goal }}{% endif %}', `Goal ${payload} and Goal ${payload}`],
    ['a value after a brace', '{"title": "{$title}"} {{ 1 }}', `{"title": "{${payload}}"} 1`],
    ['a value inside a loop', '{% for i in [1, 2] %}$title;{% endfor %}', `${payload};${payload};`],
  ])('%s', (_name, template, expected) => {
    const context = new RunContext({ last_response: payload });
    expect(expandPrompt(template, graph, context, { title: payload })).toBe(expected);
  });

  it('points a template error at the author\'s column, past expanded references', () => {
    const node = buildNode('n', { prompt: '$title {{ x }' });
    const columnOf = (variables: Record<string, string>) => {
      try {
        expandPrompt('$title {{ x }', graph, new RunContext(), variables, node);
      } catch (caught) {
        return (caught as { location: { column: number } }).location.column;
      }
      throw new Error('expected a template error');
    };
    // Unknown, `$title` stays as written: the error is where the author's text has it.
    expect(columnOf({ title: 'a much longer value than the reference' })).toBe(columnOf({}));
  });
});

describe('issue 14: $workspace.<repo>', () => {
  const graph = buildGraph({});
  const payload = '/tmp/{{ 7 * 7 }}/$goal';
  const workspace = { app: '/ws/app', 'my-lib': payload };

  it.each([
    ['bare, at the end of a sentence', 'Work in $workspace.app.', 'Work in /ws/app.'],
    ['braced', 'Work in ${workspace.app}', 'Work in /ws/app'],
    ['in a template', '{{ workspace.app }} {% if workspace.app %}yes{% endif %}', '/ws/app yes'],
    ['a path is data, never template source', '$workspace.my-lib {{ "ok" }}', `${payload} ok`],
    ['an unknown repo stays as written', 'See $workspace.other', 'See $workspace.other'],
  ])('%s', (_name, template, expected) => {
    expect(expandPrompt(template, graph, new RunContext(), {}, undefined, 'prompt', workspace)).toBe(expected);
  });

  it('without a workspace $workspace.app stays as written', () => {
    expect(expandPrompt('In $workspace.app', graph, new RunContext(), {})).toBe('In $workspace.app');
  });
});
