import { describe, expect, it } from 'vitest';
import { isOrchestraError } from '../core/index.js';
import { parseVariables } from './variables.js';

describe('parseVariables', () => {
  it.each([
    [[], {}],
    [['pr_number=123'], { pr_number: '123' }],
    [['a=1', 'b=two'], { a: '1', b: 'two' }],
    [['query=a=b'], { query: 'a=b' }],
    [['empty='], { empty: '' }],
    [['_x=1'], { _x: '1' }],
    [['msg=hello world'], { msg: 'hello world' }],
  ])('%j → %j', (args, expected) => {
    expect(parseVariables(args)).toEqual(expected);
  });

  it.each([
    [['pr_number'], 'Expected a variable as key=value, got "pr_number".'],
    [['=1'], 'Variable name "" in "=1" is not a valid name.'],
    [['1x=1'], 'Variable name "1x" in "1x=1" is not a valid name.'],
    [['a-b=1'], 'Variable name "a-b" in "a-b=1" is not a valid name.'],
    [['a=1', 'a=2'], 'Variable "a" is given twice ("a=2").'],
  ])('%j is rejected: %s', (args, message) => {
    let thrown: unknown;
    try {
      parseVariables(args);
    } catch (error) {
      thrown = error;
    }
    expect(isOrchestraError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code: 'E_VARIABLE', message });
    expect((thrown as { hint?: string }).hint).toBeTruthy();
  });
});
