import { describe, expect, it } from 'vitest';
import { fit, textWidth, truncate } from './text-width.js';

describe('textWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['日本語', 6],
    ['한글', 4],
    ['😀', 2],
    ['👩‍💻', 2], // ZWJ sequence is one grapheme
    ['🇩🇪', 2], // flag: two regional indicators
    ['e\u0301', 1], // e + combining acute
    ['ｆｕｌｌ', 8], // fullwidth latin
    ['a\u200bb', 2], // zero-width space
  ])('%j is %d cells', (text, width) => {
    expect(textWidth(text)).toBe(width);
  });
});

describe('truncate', () => {
  it.each([
    ['hello', 10, 'hello'],
    ['hello', 5, 'hello'],
    ['hello world', 5, 'hell…'],
    ['hello', 1, '…'],
    ['hello', 0, ''],
    ['hello', -3, ''],
    ['日本語テキスト', 5, '日本…'], // a wide char never straddles the edge
    ['日本語テキスト', 6, '日本…'],
    ['ab😀cd', 4, 'ab…'],
    ['ab😀cd', 5, 'ab😀…'],
    ['x👩‍💻y', 3, 'x…'],
    ['e\u0301e\u0301e\u0301', 2, 'e\u0301…'],
  ])('%j to %d cells is %j', (text, width, expected) => {
    const cut = truncate(text, width);
    expect(cut).toBe(expected);
    expect(textWidth(cut)).toBeLessThanOrEqual(Math.max(0, width));
  });

  it('never leaves a lone surrogate', () => {
    for (let width = 1; width < 8; width += 1) {
      const cut = truncate('😀😀😀😀😀', width);
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });
});

describe('fit', () => {
  it.each([
    ['ab', 4, false, 'ab  '],
    ['ab', 4, true, '  ab'],
    ['abcdef', 4, false, 'abc…'],
    ['日本語', 5, false, '日本…'],
    ['日本語', 7, true, ' 日本語'],
    ['ab', 0, false, ''],
  ])('%j in %d cells (right: %s) is %j', (text, width, right, expected) => {
    expect(fit(text, width, right)).toBe(expected);
  });
});
