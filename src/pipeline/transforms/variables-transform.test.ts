import { describe, expect, it } from 'vitest';
import { parseDot } from '../dot/parse.js';
import { textValue } from '../graph/model.js';
import { applyTransforms } from './transform.js';
import { builtInTransforms } from './built-in.js';
import { createVariablesTransform } from './variables-transform.js';

const promptOf = (source: string, variables: Record<string, string> = {}, id = 'a') => {
  const graph = createVariablesTransform(variables).apply(parseDot(source, 'p.dot'));
  const attr = graph.nodes.get(id)?.attrs['prompt'];
  return attr ? textValue(attr.value) : undefined;
};

describe('decision 26: variables transform', () => {
  it.each([
    ['$goal from the graph', 'digraph G {\n  goal="Ship v2"\n  a [prompt="Goal: $goal."]\n}', {}, 'Goal: Ship v2.'],
    ['the graph goal beats a goal variable', 'digraph G {\n  goal="Ship v2"\n  a [prompt="$goal"]\n}', { goal: 'other' }, 'Ship v2'],
    ['a goal variable when the graph has none', 'digraph G {\n  a [prompt="$goal"]\n}', { goal: 'from cli' }, 'from cli'],
    ['an empty goal when there is none at all', 'digraph G {\n  a [prompt="[$goal]"]\n}', {}, '[]'],
    ['run variables, bare and braced', 'digraph G {\n  a [prompt="PR $pr_number / ${pr_number}"]\n}', { pr_number: '123' }, 'PR 123 / 123'],
    ['${context.x} is left for run time', 'digraph G {\n  a [prompt="on ${context.branch}"]\n}', { 'context.branch': 'no' }, 'on no'],
    ['unknown names are left as written', 'digraph G {\n  a [prompt="$HOME and ${later}"]\n}', {}, '$HOME and ${later}'],
  ])('expands %s', (_, source, variables, expected) => {
    expect(promptOf(source, variables)).toBe(expected);
  });

  it('leaves ${context.x} alone when no variable of that name is given', () => {
    expect(promptOf('digraph G {\n  a [prompt="on ${context.branch}"]\n}')).toBe('on ${context.branch}');
  });

  it('touches only prompt, not label', () => {
    const graph = createVariablesTransform({}).apply(parseDot('digraph G {\n  goal="g"\n  a [label="$goal"]\n}', 'p.dot'));
    expect(textValue(graph.nodes.get('a')?.attrs['label']?.value ?? { kind: 'string', value: '' })).toBe('$goal');
  });

  it('never mutates its input and returns it when nothing changes', () => {
    const input = parseDot('digraph G {\n  goal="g"\n  a [prompt="$goal"]\n  b [prompt="plain"]\n}', 'p.dot');
    const output = createVariablesTransform({}).apply(input);
    expect(textValue(input.nodes.get('a')?.attrs['prompt']?.value ?? { kind: 'string', value: '' })).toBe('$goal');
    expect(output.nodes.get('b')).toBe(input.nodes.get('b'));
    const plain = parseDot('digraph G {\n  a [prompt="plain"]\n}', 'p.dot');
    expect(createVariablesTransform({}).apply(plain)).toBe(plain);
  });
});

describe('builtInTransforms', () => {
  it('runs the stylesheet, then variables, in that order', () => {
    expect(builtInTransforms().map((t) => t.name)).toEqual(['stylesheet', 'variables']);
  });

  it('applyTransforms feeds each transform the previous result', () => {
    const seen: string[] = [];
    const graph = parseDot('digraph G {\n  a\n}', 'p.dot');
    const rename = (name: string) => ({
      name,
      apply: (g: typeof graph) => {
        seen.push(`${name}:${g.name}`);
        return { ...g, name: `${g.name}+${name}` };
      },
    });
    expect(applyTransforms(graph, [rename('one'), rename('two')]).name).toBe('G+one+two');
    expect(seen).toEqual(['one:G', 'two:G+one']);
  });
});

describe('goal expansion', () => {
  it('expands run variables in the graph goal, and prompts see the expanded goal', () => {
    const graph = parseDot('digraph G { graph [goal="Review PR $pr_number"]\n start [shape=Mdiamond]\n exit [shape=Msquare]\n a [prompt="Do: $goal"]\n start -> a -> exit }', 'g.dot');
    const out = createVariablesTransform({ pr_number: '123' }).apply(graph);
    expect(out.attrs['goal']?.value).toEqual({ kind: 'string', value: 'Review PR 123' });
    expect(out.nodes.get('a')?.attrs['prompt']?.value).toEqual({ kind: 'string', value: 'Do: Review PR 123' });
    expect(graph.attrs['goal']?.value).toEqual({ kind: 'string', value: 'Review PR $pr_number' });
  });
});
