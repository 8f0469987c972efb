import { describe, expect, it } from 'vitest';
import { contextView } from './template-data.js';

describe('contextView', () => {
  it.each([
    ['plain keys', { a: 1 }, { a: 1 }],
    ['dotted keys both flat and nested', { 'tool.output': 'x' }, { 'tool.output': 'x', tool: { output: 'x' } }],
    ['deep paths share parents', { 'a.b.c': 1, 'a.b.d': 2 }, { 'a.b.c': 1, 'a.b.d': 2, a: { b: { c: 1, d: 2 } } }],
    ['a whole key wins over a nested path', { a: 'x', 'a.b': 'y' }, { a: 'x', 'a.b': 'y' }],
    ['a value in the way stops the path', { 'a.b': 'y', 'a.b.c': 'z' }, { 'a.b': 'y', 'a.b.c': 'z', a: { b: 'y' } }],
  ])('%s', (_name, context, expected) => {
    expect(contextView(context)).toEqual(expected);
  });

  it('does not change the context it was given', () => {
    const context = { 'a.b': { c: 1 } };
    contextView(context);
    expect(context).toEqual({ 'a.b': { c: 1 } });
  });
});
