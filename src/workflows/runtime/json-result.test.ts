import { describe, expect, it } from 'vitest';
import { jsonProblem, requireJson } from './json-result.js';

class Money {
  constructor(readonly cents: number) {}
}

const cyclic: Record<string, unknown> = { a: 1 };
cyclic['self'] = cyclic;
const shared = { x: 1 };

describe('jsonProblem', () => {
  const cases: Array<[string, unknown, string | undefined]> = [
    ['null', null, undefined],
    ['a plain object with arrays', { a: [1, 'two', { three: true }], b: null }, undefined],
    ['an object without prototype', Object.assign(Object.create(null) as object, { a: 1 }), undefined],
    ['one object reached twice (not a cycle)', { a: shared, b: [shared] }, undefined],
    ['undefined', undefined, '$ is undefined'],
    ['a nested undefined', { a: { b: undefined } }, '$.a.b is undefined'],
    ['NaN in an array', [1, Number.NaN], '$[1] is NaN'],
    ['Infinity', { n: Infinity }, '$.n is Infinity'],
    ['a function', { f: () => 1 }, '$.f is a function'],
    ['a bigint', { n: 10n }, '$.n is a bigint'],
    ['a Date', { at: new Date(0) }, '$.at is a Date, not a plain object'],
    ['a Map', new Map(), '$ is a Map, not a plain object'],
    ['a class instance', { price: new Money(5) }, '$.price is a Money, not a plain object'],
    ['a cycle', cyclic, '$.self refers back to itself'],
  ];
  for (const [what, value, expected] of cases) {
    it(`issue 11: ${what}`, () => {
      expect(jsonProblem(value)).toBe(expected);
    });
  }

  it('issue 11: requireJson names the step in E_WORKFLOW_STEP_RESULT', () => {
    expect(() => requireJson({ at: new Date() }, 'step "load"')).toThrow(expect.objectContaining({ code: 'E_WORKFLOW_STEP_RESULT', message: 'step "load" returned a value that is not JSON: $.at is a Date, not a plain object' }));
    expect(requireJson({ ok: [1] }, 'step "x"')).toEqual({ ok: [1] });
  });
});
