import { describe, expect, it } from 'vitest';
import { declaredValues } from './context-check.js';
import { refactorDefinition } from './guided-fixtures.case.js';

// refactorDefinition declares target: string and tests: number.
describe('declaredValues', () => {
  it.each([
    ['a declared variable of its type is kept', { target: 'b.ts' }, { target: 'b.ts' }],
    ['one not declared is left out', { notes: 'fine', target: 'b.ts' }, { target: 'b.ts' }],
    ['one of another type is left out', { tests: 'three', target: 'b.ts' }, { target: 'b.ts' }],
    ['nothing declared: nothing', { outcome: 'success' }, {}],
  ])('issue 13: %s', (_case, values, expected) => {
    expect(declaredValues(refactorDefinition(), values)).toEqual(expected);
  });
});
