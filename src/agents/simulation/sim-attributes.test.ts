import { describe, expect, it } from 'vitest';
import type { AttrValue } from '../../pipeline/graph/model.js';
import { readSimAttributes, simulatedStatusFor } from './sim-attributes.js';
import { simNode, str } from './sim-test-node.js';

describe('readSimAttributes', () => {
  it.each<[string, Record<string, AttrValue>, unknown]>([
    ['no sim attributes', {}, { outcomes: [], preferredLabel: undefined, delayMs: 0 }],
    ['sim.outcome', { 'sim.outcome': str('fail') }, { outcomes: ['fail'], preferredLabel: undefined, delayMs: 0 }],
    ['sim.outcome, bare word in upper case', { 'sim.outcome': { kind: 'bare', value: 'PARTIAL_SUCCESS' } }, { outcomes: ['partial_success'], preferredLabel: undefined, delayMs: 0 }],
    ['sim.outcomes wins over sim.outcome', { 'sim.outcome': str('fail'), 'sim.outcomes': str('retry, success') }, { outcomes: ['retry', 'success'], preferredLabel: undefined, delayMs: 0 }],
    ['sim.preferred_label', { 'sim.preferred_label': str('Fix') }, { outcomes: [], preferredLabel: 'Fix', delayMs: 0 }],
    ['sim.delay as a duration', { 'sim.delay': { kind: 'duration', ms: 1500, text: '1500ms' } }, { outcomes: [], preferredLabel: undefined, delayMs: 1500 }],
    ['sim.delay as a number of seconds', { 'sim.delay': { kind: 'integer', value: 2 } }, { outcomes: [], preferredLabel: undefined, delayMs: 2000 }],
  ])('%s', (_name, attrs, expected) => {
    expect(readSimAttributes(simNode('n', attrs))).toEqual(expected);
  });

  it.each<[string, Record<string, AttrValue>, string, string]>([
    ['an unknown outcome', { 'sim.outcome': str('broken') }, 'Node "n" has sim.outcome="broken": "broken" is not an outcome.', 'Use success, partial_success, retry, fail or skipped (comma-separated for sim.outcomes).'],
    ['an unknown outcome in a list', { 'sim.outcomes': str('fail,,success') }, 'Node "n" has sim.outcomes="fail,,success": "" is not an outcome.', 'Use success, partial_success, retry, fail or skipped (comma-separated for sim.outcomes).'],
    ['a delay that is not a duration', { 'sim.delay': str('soon') }, 'Attribute "sim.delay" of node "n" (<test>:1:1) must be a duration such as 250ms, 900s, 15m, 2h or 1d, found "soon".', 'Write a number followed by ms, s, m, h or d, as in sim.delay=900s; a plain whole number means seconds.'],
  ])('rejects %s', (_name, attrs, message, hint) => {
    let caught: unknown;
    try {
      readSimAttributes(simNode('n', attrs));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: 'OrchestraError', code: 'E_ATTRIBUTE_TYPE', message, hint });
  });
});

describe('simulatedStatusFor', () => {
  const attrs = { outcomes: ['fail', 'retry', 'success'] as const, preferredLabel: undefined, delayMs: 0 };
  it.each([
    [1, 'fail'],
    [2, 'retry'],
    [3, 'success'],
    [7, 'success'],
  ])('call %i → %s', (call, status) => {
    expect(simulatedStatusFor({ ...attrs, outcomes: [...attrs.outcomes] }, call)).toBe(status);
  });

  it('is undefined without sim outcomes', () => {
    expect(simulatedStatusFor({ outcomes: [], preferredLabel: undefined, delayMs: 0 }, 1)).toBeUndefined();
  });
});
