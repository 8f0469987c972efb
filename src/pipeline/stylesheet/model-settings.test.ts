import { describe, expect, it } from 'vitest';
import { parseDot } from '../dot/parse.js';
import { createStylesheetTransform } from '../transforms/stylesheet-transform.js';
import { resolveModelSettings } from './model-settings.js';

function settingsOf(source: string, id = 'a') {
  const graph = createStylesheetTransform().apply(parseDot(source, 'p.dot'));
  const node = graph.nodes.get(id);
  if (!node) throw new Error(`no node ${id}`);
  return resolveModelSettings(graph, node);
}

describe('resolveModelSettings: node > stylesheet > graph default > system default', () => {
  it.each([
    ['nothing set', 'a', '', { llmModel: undefined, llmProvider: undefined, reasoningEffort: 'high' }],
    ['graph defaults', 'a', 'llm_model="g"\n  llm_provider="gp"\n  reasoning_effort="low"', { llmModel: 'g', llmProvider: 'gp', reasoningEffort: 'low' }],
    ['the stylesheet beats the graph default', 'a', 'llm_model="g"\n  model_stylesheet="* { llm_model: s }"', { llmModel: 's', llmProvider: undefined, reasoningEffort: 'high' }],
    ['the node beats the stylesheet', 'a [llm_model="n"]', 'model_stylesheet="* { llm_model: s; reasoning_effort: medium }"', { llmModel: 'n', llmProvider: undefined, reasoningEffort: 'medium' }],
    ['a blank node value falls through', 'a [llm_model=""]', 'llm_model="g"', { llmModel: 'g', llmProvider: undefined, reasoningEffort: 'high' }],
  ])('%s', (_, decl, graphLines, expected) => {
    expect(settingsOf(`digraph G {\n  ${graphLines}\n  ${decl}\n}`)).toEqual(expected);
  });
});
