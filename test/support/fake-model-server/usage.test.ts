import { describe, expect, it } from 'vitest';
import { tokensFor, usageFor } from './usage.js';

describe('tokensFor', () => {
  it.each([
    [0, 1],
    [1, 1],
    [4, 1],
    [5, 2],
    [400, 100],
    [401, 101],
  ])('%i characters are %i tokens', (characters, tokens) => {
    expect(tokensFor(characters)).toBe(tokens);
  });
});

describe('usageFor', () => {
  it('counts the request body for input and the text plus tool inputs for output', () => {
    const turn = { text: 'abcd', toolCalls: [{ name: 'Write', input: { a: 1 } }] };
    // '{"a":1}' is 7 characters, plus 4 of text: 11 → 3 tokens.
    expect(usageFor(40, turn)).toEqual({ inputTokens: 10, outputTokens: 3 });
  });
});
