import { describe, expect, it } from 'vitest';
import { renderInstructions } from './render-instructions.js';

const context = {
  file: 'src/date.ts',
  count: 3,
  ok: false,
  none: null,
  list: ['a', 'b'],
  nested: { name: 'deep', inner: { n: 1 } },
  trap: '{{context.file}}',
  braces: '}} {{',
};

describe('renderInstructions', () => {
  it.each([
    ['Refactor {{context.file}}.', 'Refactor src/date.ts.'],
    ['{{ context.file }} and {{context.file}}', 'src/date.ts and src/date.ts'],
    ['{{context.count}} tries, ok={{context.ok}}, none={{context.none}}', '3 tries, ok=false, none=null'],
    ['{{context.list}}', '["a","b"]'],
    ['{{context.list.1}}', 'b'],
    ['{{context.nested}}', '{"name":"deep","inner":{"n":1}}'],
    ['{{context.nested.name}} {{context.nested.inner.n}}', 'deep 1'],
    ['{{context.missing}}', '(context.missing not set)'],
    ['{{context.nested.missing.x}}', '(context.nested.missing.x not set)'],
    ['{{context.file.length}}', '(context.file.length not set)'],
    ['{{context.constructor}} {{context.__proto__}} {{context.nested.toString}}', '(context.constructor not set) (context.__proto__ not set) (context.nested.toString not set)'],
    ['{{context.trap}}', '{{context.file}}'],
    ['{{context.braces}}context.file}}', '}} {{context.file}}'],
    ['{{file}} {{ context }} {{context.}} {context.file}', '{{file}} {{ context }} {{context.}} {context.file}'],
    ['no placeholders', 'no placeholders'],
  ])('issue 13: %j renders as %j', (text, expected) => {
    expect(renderInstructions(text, context)).toBe(expected);
  });
});
