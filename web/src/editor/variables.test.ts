import { describe, expect, it } from 'vitest';
import { parseVariables } from './variables';

describe('issue 15: the run form reads key=value variables', () => {
  it.each([
    ['', {}],
    ['name=Ann', { name: 'Ann' }],
    ['  a = 1 \n\n# a comment\nb=x=y', { a: '1', b: 'x=y' }],
    ['_x=', { _x: '' }],
  ])('issue 15: %j reads as %j', (text, variables) => {
    expect(parseVariables(text)).toEqual({ ok: true, variables });
  });

  it.each([
    ['just text', 1, 'write key=value'],
    ['a=1\n1x=2', 2, 'a variable name starts with a letter'],
    ['a b=1', 1, 'a variable name'],
  ])('issue 15: %j is refused at line %i', (text, line, message) => {
    const parsed = parseVariables(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.line).toBe(line);
      expect(parsed.message).toContain(message);
    }
  });
});
