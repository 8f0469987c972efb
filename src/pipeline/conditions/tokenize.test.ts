import { describe, expect, it } from 'vitest';
import { tokenizeCondition } from './tokenize.js';

describe('tokenizeCondition', () => {
  it.each([
    ['outcome=success', [['word', 'outcome', 1], ['=', '=', 8], ['word', 'success', 9], ['end', '', 16]]],
    ['a!="x && y"&&b', [['word', 'a', 1], ['!=', '!=', 2], ['string', 'x && y', 4], ['&&', '&&', 12], ['word', 'b', 14], ['end', '', 15]]],
    ['  ', [['end', '', 3]]],
  ])('%j', (text, expected) => {
    expect(tokenizeCondition(text).map((t) => [t.kind, t.text, t.column])).toEqual(expected);
  });

  it('gives a quoted literal the width of its source text, quotes included', () => {
    expect(tokenizeCondition('"a\\"b"')[0]).toMatchObject({ kind: 'string', text: 'a"b', width: 6 });
  });
});
