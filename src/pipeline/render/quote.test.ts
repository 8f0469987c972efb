import { describe, expect, it } from 'vitest';
import { dotAttributes, quoteDot } from './quote.js';

describe('quoteDot', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash \\N \\G \\l', '"back\\\\slash \\\\N \\\\G \\\\l"'],
    ['two\nlines\r\nthree', '"two\\nlines\\nthree"'],
    ['<b>html</b>', '"<b>html</b>"'],
    ['bell\u0007tab\tnul\u0000', '"bell tab\tnul "'],
  ])('%j → %s', (text, expected) => {
    expect(quoteDot(text)).toBe(expected);
  });

  it('quotes every attribute value', () => {
    expect(dotAttributes({ label: 'a "b"', shape: 'box' })).toBe('label="a \\"b\\"", shape="box"');
  });
});
