import { describe, expect, it } from 'vitest';
import { excerptAt, formatLocation } from './source-location.js';

describe('source locations', () => {
  it('format as file:line:column', () => {
    expect(formatLocation({ file: 'p.dot', line: 3, column: 7 })).toBe('p.dot:3:7');
  });

  it('excerpt the line with a caret under the column', () => {
    const source = 'digraph G {\n  a -> b [label=]\n}';
    expect(excerptAt(source, { file: 'p.dot', line: 2, column: 17 })).toBe('2 |   a -> b [label=]\n  |                 ^');
  });

  it('underline a span on one line, and keep tabs so the caret lines up', () => {
    expect(excerptAt('\tfoo bar', { file: 'f', line: 1, column: 6, endLine: 1, endColumn: 9 })).toBe('1 | \tfoo bar\n  | \t    ^^^');
  });
});
