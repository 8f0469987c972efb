import { describe, expect, it } from 'vitest';
import { parseDot } from '../dot/parse.js';
import { textValue, type Graph } from '../graph/model.js';
import { createStylesheetTransform } from './stylesheet-transform.js';

const modelsOf = (graph: Graph, key = 'llm_model') =>
  Object.fromEntries([...graph.nodes.values()].map((n) => [n.id, n.attrs[key] ? textValue(n.attrs[key].value) : undefined]));

describe('stylesheet transform (digest §16)', () => {
  it('applies the worked example of §8.6', () => {
    const source = `digraph Pipeline {
  graph [goal="Implement feature X", model_stylesheet="
    * { llm_model: claude-sonnet-4-5; llm_provider: anthropic; }
    .code { llm_model: claude-opus-4-6; llm_provider: anthropic; }
    #critical_review { llm_model: gpt-5.2; llm_provider: openai; reasoning_effort: high; }
  "]
  start [shape=Mdiamond]
  exit [shape=Msquare]
  plan [label="Plan"]
  subgraph cluster_code {
    label="Code"
    implement [label="Implement"]
    critical_review [label="Critical Review"]
  }
  start -> plan -> implement -> critical_review -> exit
}`;
    const graph = createStylesheetTransform().apply(parseDot(source, 'p.dot'));
    expect(modelsOf(graph)).toMatchObject({ plan: 'claude-sonnet-4-5', implement: 'claude-opus-4-6', critical_review: 'gpt-5.2' });
    expect(modelsOf(graph, 'llm_provider')).toMatchObject({ plan: 'anthropic', implement: 'anthropic', critical_review: 'openai' });
    expect(modelsOf(graph, 'reasoning_effort')).toMatchObject({ plan: undefined, implement: undefined, critical_review: 'high' });
  });

  it('only fills properties a node lacks: an explicit node attribute wins', () => {
    const source = 'digraph G {\n  model_stylesheet="#a { llm_model: styled; reasoning_effort: low }"\n  a [llm_model="mine"]\n}';
    const graph = createStylesheetTransform().apply(parseDot(source, 'p.dot'));
    expect(modelsOf(graph)).toEqual({ a: 'mine' });
    expect(modelsOf(graph, 'reasoning_effort')).toEqual({ a: 'low' });
  });

  it('gives added attributes the location of the stylesheet attribute', () => {
    const source = 'digraph G {\n  model_stylesheet="* { llm_model: m }"\n  a\n}';
    const graph = createStylesheetTransform().apply(parseDot(source, 'p.dot'));
    expect(graph.nodes.get('a')?.attrs['llm_model']?.loc).toMatchObject({ line: 2, column: 3 });
  });

  it('never mutates its input', () => {
    const input = parseDot('digraph G {\n  model_stylesheet="* { llm_model: m }"\n  a\n}', 'p.dot');
    const output = createStylesheetTransform().apply(input);
    expect(output).not.toBe(input);
    expect(input.nodes.get('a')?.attrs['llm_model']).toBeUndefined();
  });

  it.each([
    ['no stylesheet', 'digraph G {\n  a\n}'],
    ['an empty stylesheet', 'digraph G {\n  model_stylesheet=""\n  a\n}'],
    ['a stylesheet that does not parse (stylesheet_syntax reports it)', 'digraph G {\n  model_stylesheet="* { llm_model }"\n  a\n}'],
    ['rules that match nothing', 'digraph G {\n  model_stylesheet="#zzz { llm_model: m }"\n  a\n}'],
  ])('returns the same graph for %s', (_, source) => {
    const input = parseDot(source, 'p.dot');
    expect(createStylesheetTransform().apply(input)).toBe(input);
  });
});
