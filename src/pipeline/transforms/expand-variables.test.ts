import { describe, expect, it } from 'vitest';
import { expandVariables, findVariableReferences, maxExpandedLength } from './expand-variables.js';

const vars = { goal: 'Ship it', pr_number: '123', 'context.branch': 'main', price: '$5' };

describe('decision 26: expandVariables', () => {
  it.each([
    ['no variables here', 'no variables here'],
    ['Goal: $goal', 'Goal: Ship it'],
    ['Goal: $goal.', 'Goal: Ship it.'],
    ['Review PR $pr_number now', 'Review PR 123 now'],
    ['Review PR ${pr_number}!', 'Review PR 123!'],
    ['PR${pr_number}x', 'PR123x'],
    ['$pr_numberx stays', '$pr_numberx stays'],
    ['${context.branch}', 'main'],
    ['${context.unknown} stays', '${context.unknown} stays'],
    ['$unknown and ${unknown} stay', '$unknown and ${unknown} stay'],
    ['costs $5 and $ alone', 'costs $5 and $ alone'],
    ['${ goal } is not a reference', '${ goal } is not a reference'],
    ['no re-expansion: $price', 'no re-expansion: $5'],
    ['$goal$goal', 'Ship itShip it'],
  ])('%j → %j', (text, expected) => {
    expect(expandVariables(text, vars)).toBe(expected);
  });

  it('takes a lookup function, as the engine does for ${context.key} at run time', () => {
    const context = new Map([['context.attempts', '2']]);
    expect(expandVariables('try ${context.attempts} of $max', (name) => context.get(name))).toBe('try 2 of $max');
  });

  it('does not read inherited object properties', () => {
    expect(expandVariables('$constructor $toString', {})).toBe('$constructor $toString');
  });
});

describe('findVariableReferences', () => {
  it.each([
    ['plain', []],
    ['$a and ${b.c} and $5', [['a', 0, '$a'], ['b.c', 7, '${b.c}']]],
  ])('%j', (text, expected) => {
    expect(findVariableReferences(text).map((r) => [r.name, r.offset, r.text])).toEqual(expected);
  });
});

describe('issue 8.14: the expansion limit', () => {
  const site = { what: 'prompt of node "a"', loc: { file: 'p.dot', line: 3, column: 5 } };

  it('expands up to exactly maxExpandedLength characters', () => {
    const value = 'x'.repeat(maxExpandedLength / 2);
    expect(expandVariables('$v$v', { v: value }, site)).toHaveLength(maxExpandedLength);
  });

  it('refuses one character more with E_VARIABLE at the site, before building the text', () => {
    const value = 'x'.repeat(maxExpandedLength / 2);
    expect(() => expandVariables('$v$v!', { v: value }, site)).toThrow(
      expect.objectContaining({
        code: 'E_VARIABLE',
        message: `The prompt of node "a" expands to more than ${maxExpandedLength} characters (the limit for expanded text).`,
        location: site.loc,
      }),
    );
  });
});
