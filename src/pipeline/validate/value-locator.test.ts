import { describe, expect, it } from 'vitest';
import type { Attribute } from '../graph/model.js';
import { createValueLocator } from './value-locator.js';

function attr(key: string, line: number, column: number): Attribute {
  return { key, value: { kind: 'string', value: '' }, loc: { file: 'p.dot', line, column } };
}

describe('createValueLocator', () => {
  it.each([
    ['a quoted value', 'x [condition="a=b"]', attr('condition', 1, 4), 2, { line: 1, column: 17 }],
    ['spaces around =', 'x [condition = "a=b"]', attr('condition', 1, 4), 0, { line: 1, column: 17 }],
    ['escapes before the offset', 'x [prompt="\\"q\\" z"]', attr('prompt', 1, 4), 4, { line: 1, column: 18 }],
    ['an escape the parser keeps as two characters', 'x [p="\\la"]', attr('p', 1, 4), 2, { line: 1, column: 9 }],
    ['a bare value', 'x [shape=box]', attr('shape', 1, 4), 1, { line: 1, column: 11 }],
    ['a quoted key', '"prompt"="abc"', attr('prompt', 1, 1), 1, { line: 1, column: 12 }],
    ['a value over several lines', 'g [s="ab\ncd"]', attr('s', 1, 4), 4, { line: 2, column: 2 }],
    ['a later line', 'digraph {\n  x [p="abc"]\n}', attr('p', 2, 6), 2, { line: 2, column: 11 }],
  ])('%s', (_, source, attribute, offset, expected) => {
    expect(createValueLocator(source, attribute)(offset)).toEqual({ file: 'p.dot', ...expected });
  });

  it.each([
    ['no source', undefined, attr('p', 1, 1)],
    ['text that is not the attribute (an inherited default)', 'x [q="abc"]', attr('p', 1, 4)],
    ['a position past the end', 'x', attr('p', 5, 1)],
  ])('gives up on %s', (_, source, attribute) => {
    expect(createValueLocator(source, attribute)(0)).toBeUndefined();
  });
});
