import { describe, expect, it } from 'vitest';
import { parseDot } from '../dot/parse.js';
import { matchStyle } from './match.js';
import { parseStylesheet } from './parse.js';

function styled(stylesheet: string, nodeDecl: string): Record<string, string> {
  const graph = parseDot(`digraph G {\n  ${nodeDecl}\n}`, 'p.dot');
  const node = [...graph.nodes.values()][0];
  if (!node) throw new Error('no node');
  const matched = matchStyle(parseStylesheet(stylesheet), node);
  return Object.fromEntries(Object.entries(matched).map(([property, declaration]) => [property, declaration?.value ?? '']));
}

describe('matchStyle: specificity * < shape < .class < #id, later wins on ties', () => {
  it.each([
    ['* only', '* { llm_model: a }', 'n', { llm_model: 'a' }],
    ['shape beats *', 'box { llm_model: b } * { llm_model: a }', 'n', { llm_model: 'b' }],
    ['the default shape is box', 'box { llm_model: b }', 'n', { llm_model: 'b' }],
    ['another shape does not match', 'hexagon { llm_model: h }', 'n', {}],
    ['shape names match without regard to case', 'msquare { llm_model: m }', 'n [shape=Msquare]', { llm_model: 'm' }],
    ['class beats shape', '.code { llm_model: c } box { llm_model: b }', 'n [class="code"]', { llm_model: 'c' }],
    ['one of several classes', '.critical { llm_model: c }', 'n [class="code,critical"]', { llm_model: 'c' }],
    ['id beats class', '#n { llm_model: i } .code { llm_model: c }', 'n [class="code"]', { llm_model: 'i' }],
    ['later rule wins a tie', '.a { llm_model: first } .b { llm_model: second }', 'n [class="a,b"]', { llm_model: 'second' }],
    ['earlier rule keeps a property the later one does not set', '* { llm_model: a; llm_provider: p } * { llm_model: b }', 'n', { llm_model: 'b', llm_provider: 'p' }],
    ['properties resolve independently', '* { reasoning_effort: low } #n { llm_model: x }', 'n', { reasoning_effort: 'low', llm_model: 'x' }],
  ])('%s', (_, stylesheet, decl, expected) => {
    expect(styled(stylesheet, decl)).toEqual(expected);
  });

  it('matches classes derived from subgraph labels', () => {
    const graph = parseDot('digraph G {\n  subgraph cluster_a {\n    label="Loop A"\n    n\n  }\n}', 'p.dot');
    const node = graph.nodes.get('n');
    if (!node) throw new Error('no node');
    expect(matchStyle(parseStylesheet('.loop-a { llm_model: looped }'), node).llm_model?.value).toBe('looped');
  });
});
