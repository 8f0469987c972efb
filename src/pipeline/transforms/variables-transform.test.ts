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
  // Prompts are expanded when their node runs, in one render (expand-prompt.test.ts): a value
  // spliced into a prompt here would become template source there (issue 8.1).
  it.each([
    ['$goal', 'digraph G {\n  goal="Ship v2"\n  a [prompt="Goal: $goal."]\n}', {}],
    ['run variables', 'digraph G {\n  a [prompt="PR $pr_number / ${pr_number}"]\n}', { pr_number: '123' }],
    ['a value with template syntax', 'digraph G {\n  a [prompt="Title: $title"]\n}', { title: '{{ 7 * 7 }}' }],
  ])('issue 8.1: leaves prompts as written: %s', (_, source, variables) => {
    const input = parseDot(source, 'p.dot');
    expect(promptOf(source, variables)).toBe(textValue(input.nodes.get('a')?.attrs['prompt']?.value ?? { kind: 'string', value: '' }));
  });

  it('touches only the goal, not label', () => {
    const graph = createVariablesTransform({}).apply(parseDot('digraph G {\n  goal="g"\n  a [label="$goal"]\n}', 'p.dot'));
    expect(textValue(graph.nodes.get('a')?.attrs['label']?.value ?? { kind: 'string', value: '' })).toBe('$goal');
  });

  it('never mutates its input and returns it when nothing changes', () => {
    const input = parseDot('digraph G {\n  goal="Fix $x"\n  a [prompt="$goal"]\n}', 'p.dot');
    const output = createVariablesTransform({ x: '1' }).apply(input);
    expect(textValue(input.attrs['goal']?.value ?? { kind: 'string', value: '' })).toBe('Fix $x');
    expect(textValue(output.attrs['goal']?.value ?? { kind: 'string', value: '' })).toBe('Fix 1');
    expect(output.nodes.get('a')).toBe(input.nodes.get('a'));
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
  it('expands run variables in the graph goal, once', () => {
    const graph = parseDot('digraph G { graph [goal="Review PR $pr_number"]\n start [shape=Mdiamond]\n exit [shape=Msquare]\n a [prompt="Do: $goal"]\n start -> a -> exit }', 'g.dot');
    const out = createVariablesTransform({ pr_number: '$goal' }).apply(graph);
    expect(out.attrs['goal']?.value).toEqual({ kind: 'string', value: 'Review PR $goal' });
    expect(out.nodes.get('a')?.attrs['prompt']?.value).toEqual({ kind: 'string', value: 'Do: $goal' });
    expect(graph.attrs['goal']?.value).toEqual({ kind: 'string', value: 'Review PR $pr_number' });
  });
});
