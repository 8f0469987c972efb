import { describe, expect, it } from 'vitest';
import { lintDot, pipelineDot } from '../testing/lint-dot.js';

const lint = (decl: string, rule: string) => lintDot(pipelineDot(`${decl}\nstart -> a -> exit`), rule);

describe('value_syntax', () => {
  it.each(['a [width=10, label=x]', 'a [width="10px"]', 'a [timeout=5m]'])('issue 9: does not fire for %s', (decl) => {
    expect(lint(decl, 'value_syntax')).toEqual([]);
  });

  it.each([
    ['a [width=10px]', 'value_syntax', 'p.dot:5:6: error[value_syntax]: Attribute "width" of node a has the unquoted value 10px, which is neither a number, a duration nor a word.\n  fix: quote it: width="10px"'],
    ['a [llm_model=4o-mini]', 'value_syntax', 'p.dot:5:6: error[value_syntax]: Attribute "llm_model" of node a has the unquoted value 4o-mini, which is neither a number, a duration nor a word.\n  fix: quote it: llm_model="4o-mini"'],
    ['a [color=#ff0000]', 'value_syntax', 'p.dot:5:6: error[value_syntax]: Attribute "color" of node a has the unquoted value #ff0000, which is neither a number, a duration nor a word.\n  fix: quote it: color="#ff0000"'],
    [
      'a [timeout=5min]',
      'attribute_type',
      'p.dot:5:6: error[attribute_type]: Attribute "timeout" of node a must be a duration such as 250ms, 900s, 15m, 2h or 1d, found 5min.\n  fix: Write a number followed by ms, s, m, h or d, as in timeout=900s; a plain whole number means seconds.',
    ],
  ])('issue 9: an unquoted run-on number is one diagnostic, not a syntax error: %s', (decl, rule, expected) => {
    expect(lint(decl, rule)).toEqual([expected]);
  });

  it('issue 9: each unquoted colour is its own diagnostic, and the list goes on after it', () => {
    expect(lint('a [color=#ff0000, fillcolor=#0a0 label="x"]', 'value_syntax').map((line) => line.split(':').slice(0, 3).join(':'))).toEqual(['p.dot:5:6', 'p.dot:5:21']);
  });

  it('issue 9: a typed attribute is reported by attribute_type only, not twice', () => {
    expect(lint('a [max_retries=3x]', 'value_syntax')).toEqual([]);
    expect(lint('a [max_retries=3x]', 'attribute_type')).toHaveLength(1);
  });
});
