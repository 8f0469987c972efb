import { describe, expect, it } from 'vitest';
import type { ContextVariable } from './definition.js';
import { contextProblems } from './context-values.js';

const loc = { file: 'workflows/W/index.md', line: 4, column: 3 };
const declared: Record<string, ContextVariable> = {
  file: { type: 'string', required: true, loc },
  count: { type: 'number', loc },
  ok: { type: 'boolean', loc },
  options: { type: 'object', loc },
  items: { type: 'array', loc },
  anything: { type: 'any', required: true, loc },
};

describe('contextProblems', () => {
  it.each<[Record<string, unknown>, boolean, string[]]>([
    [{ file: 'a.ts', count: 2, ok: true, options: {}, items: [], anything: 1 }, true, []],
    [{ count: 2, undeclared: [1] }, false, []],
    [{ count: null }, false, []],
    [{ count: '2' }, false, ['context.count must be a number (declared at workflows/W/index.md:4:3), got a string: "2"']],
    [{ ok: 'yes', items: {} }, false, ['context.ok must be a boolean (declared at workflows/W/index.md:4:3), got a string: "yes"', 'context.items must be an array (declared at workflows/W/index.md:4:3), got an object: {}']],
    [{ options: [1] }, false, ['context.options must be an object (declared at workflows/W/index.md:4:3), got an array: [1]']],
    [{ file: 3 }, false, ['context.file must be a string (declared at workflows/W/index.md:4:3), got a number: 3']],
    [{ count: 2 }, true, ['context.file is required (declared at workflows/W/index.md:4:3): give it a string value', 'context.anything is required (declared at workflows/W/index.md:4:3): give it any value']],
    [{ toString: 1, constructor: 'x' }, false, []],
  ])('issue 13: %j (all required: %s) has the problems %j', (values, requireAll, messages) => {
    expect(contextProblems(declared, values, requireAll).map((p) => p.message)).toEqual(messages);
  });
});
