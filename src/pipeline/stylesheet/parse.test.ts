import { describe, expect, it } from 'vitest';
import { parseStylesheet } from './parse.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const summary = (text: string) =>
  parseStylesheet(text).rules.map((r) => [r.selector.kind, r.selector.name, r.declarations.map((d) => `${d.property}=${d.value}`)]);

describe('parseStylesheet: valid stylesheets', () => {
  it.each([
    ['', []],
    ['  \n ', []],
    ['* { llm_model: claude-sonnet-4-5; }', [['universal', '*', ['llm_model=claude-sonnet-4-5']]]],
    ['*{llm_model:x}', [['universal', '*', ['llm_model=x']]]],
    ['box { llm_provider: anthropic }', [['shape', 'box', ['llm_provider=anthropic']]]],
    ['.code { llm_model: claude-opus-4-6; reasoning_effort: high; }', [['class', 'code', ['llm_model=claude-opus-4-6', 'reasoning_effort=high']]]],
    ['#critical_review { llm_model: gpt-5.2 }', [['id', 'critical_review', ['llm_model=gpt-5.2']]]],
    ['* { llm_model: "my model; v2" }', [['universal', '*', ['llm_model=my model; v2']]]],
    ['* { llm_model: "say \\"hi\\"" }', [['universal', '*', ['llm_model=say "hi"']]]],
    ['* { llm_model: openrouter/anthropic/claude:beta }', [['universal', '*', ['llm_model=openrouter/anthropic/claude:beta']]]],
    ['/* default */ * { llm_model: a } /* code */ .code { llm_model: b }', [['universal', '*', ['llm_model=a']], ['class', 'code', ['llm_model=b']]]],
    ['* {}', [['universal', '*', []]]],
    ['\n  * {\n    llm_model: a;\n  }\n  .x-1 { llm_model: b; }\n', [['universal', '*', ['llm_model=a']], ['class', 'x-1', ['llm_model=b']]]],
  ])('%j', (text, expected) => {
    expect(summary(text)).toEqual(expected);
  });

  it('numbers rules in order and records declaration offsets', () => {
    const sheet = parseStylesheet('* { llm_model: a }\n.b { llm_provider: c }');
    expect(sheet.rules.map((r) => r.order)).toEqual([0, 1]);
    expect(sheet.rules.map((r) => r.declarations[0]?.offset)).toEqual([4, 24]);
  });
});

describe('parseStylesheet: syntax errors', () => {
  const props = 'Properties are llm_model, llm_provider, reasoning_effort.';
  const selectorHint = 'Start each rule with a selector: *, a shape name such as box, .class or #node_id.';
  it.each([
    ['* llm_model: a }', 'Model stylesheet, line 1, column 3: expected "{" after the selector, found "llm_model".', 'Follow the selector with { property: value; }.'],
    ['* { model: a }', 'Model stylesheet, line 1, column 5: unknown property "model".', props],
    ['* { llm_model a }', 'Model stylesheet, line 1, column 15: expected ":" after "llm_model", found "a".', 'Write llm_model: value;'],
    ['* { llm_model: }', 'Model stylesheet, line 1, column 16: expected a value for "llm_model", found "}".', 'Write a model id such as claude-opus-4-6, or quote it: llm_model: "my model";'],
    ['* { llm_model: a llm_provider: b }', 'Model stylesheet, line 1, column 18: expected ";" or "}" after the declaration, found "llm_provider".', 'Separate declarations with ;.'],
    ['* { llm_model: a;', 'Model stylesheet, line 1, column 18: the rule is never closed with "}".', 'End every rule with }.'],
    ['* { llm_model: "a }', 'Model stylesheet, line 1, column 16: the quoted value is never closed.', 'End the value with a double quote.'],
    ['{ llm_model: a }', 'Model stylesheet, line 1, column 1: expected a selector, found "{".', selectorHint],
    ['# { llm_model: a }', 'Model stylesheet, line 1, column 2: expected a node id after "#", found " ".', selectorHint],
    ['. { llm_model: a }', 'Model stylesheet, line 1, column 2: expected a class name after ".", found " ".', selectorHint],
    ['box.code { llm_model: a }', 'Model stylesheet, line 1, column 4: combined selectors such as "box.code" are not supported.', 'Use one selector per rule; the more specific rule wins (#id > .class > shape > *).'],
    ['.a, .b { llm_model: a }', 'Model stylesheet, line 1, column 3: selector lists are not supported.', 'Write one rule per selector.'],
    ['* { llm_model: a }\n.code {\n  llm_modle: b;\n}', 'Model stylesheet, line 3, column 3: unknown property "llm_modle".', props],
    ['/* open', 'Model stylesheet, line 1, column 1: the comment is never closed.', 'End the comment with */.'],
    ['* { reasoning_effort: extreme }', 'Model stylesheet, line 1, column 23: reasoning_effort must be low, medium or high, found "extreme".', 'Write reasoning_effort: low; (or medium, or high).'],
    ['* { 9: a }', 'Model stylesheet, line 1, column 5: expected a property name, found "9".', props],
  ])('%j', (text, message, hint) => {
    expect(thrown(() => parseStylesheet(text))).toMatchObject({ code: 'E_STYLESHEET_SYNTAX', message, hint });
  });

  it('maps the error to a DOT file position through the locator', () => {
    const error = thrown(() =>
      parseStylesheet('* { model: a }', { locate: (offset) => ({ file: 'p.dot', line: 3, column: 20 + offset }) }),
    );
    expect(error).toMatchObject({ location: { file: 'p.dot', line: 3, column: 24 } });
  });

  it('shows the stylesheet line with a caret', () => {
    const error = thrown(() => parseStylesheet('* { llm_model: a }\n.code { nope: b }'));
    expect((error as { detail: string }).detail).toBe('  .code { nope: b }\n          ^');
  });
});
