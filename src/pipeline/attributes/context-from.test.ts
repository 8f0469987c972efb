import { describe, expect, it } from 'vitest';
import { parseContextFrom } from './context-from.js';

describe('issue 9: parseContextFrom', () => {
  it.each([
    ['one id', 'plan', [{ id: 'plan', offset: 0 }]],
    ['spaces around commas', 'plan, review ,x', [{ id: 'plan', offset: 0 }, { id: 'review', offset: 6 }, { id: 'x', offset: 14 }]],
    ['blanks dropped', ',, plan,', [{ id: 'plan', offset: 3 }]],
    ['each id once, at its first place', 'a,b,a', [{ id: 'a', offset: 0 }, { id: 'b', offset: 2 }]],
    ['empty', '', []],
  ])('%s', (_, value, expected) => {
    expect(parseContextFrom(value)).toEqual(expected);
  });
});
