import { describe, expect, it } from 'vitest';
import { renderInstructions } from './render-instructions.js';

const context = { file: 'src/a.ts', count: 3, flag: false, nested: { name: 'x' }, list: [1, 2], sneaky: '{{context.file}}', empty: '' };

describe('renderInstructions', () => {
  it.each([
    ['a string as is', 'Refactor {{context.file}}.', 'Refactor src/a.ts.'],
    ['spaces inside the braces', 'Refactor {{ context.file }}.', 'Refactor src/a.ts.'],
    ['numbers and booleans as JSON', '{{context.count}} {{context.flag}}', '3 false'],
    ['a dotted path', 'name: {{context.nested.name}}', 'name: x'],
    ['objects and arrays as JSON', '{{context.nested}} {{context.list}}', '{"name":"x"} [1,2]'],
    ['a missing name left as written', 'see {{context.missing}} and {{context.nested.missing}}', 'see {{context.missing}} and {{context.nested.missing}}'],
    ['a value is data: never rendered again', 'v={{context.sneaky}}', 'v={{context.file}}'],
    ['an empty string', '[{{context.empty}}]', '[]'],
    ['other braces untouched', '{{file}} {{ env.HOME }} {context.file}', '{{file}} {{ env.HOME }} {context.file}'],
    ['no walking up the prototype', '{{context.constructor}} {{context.file.length}}', '{{context.constructor}} {{context.file.length}}'],
  ])('issue 13: %s', (_name, text, expected) => {
    expect(renderInstructions(text, context)).toBe(expected);
  });
});
