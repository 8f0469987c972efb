import { describe, expect, it } from 'vitest';
import { formatRule, parseGuidanceLine } from './step-rules.js';

const at = { file: 'steps/a.md', line: 7 };

describe('parseGuidanceLine', () => {
  it.each([
    ['on failure: fix', { kind: 'on-status', status: 'failure', next: 'fix' }, 1],
    ['On FAILURE : fix_tests', { kind: 'on-status', status: 'failure', next: 'fix_tests' }, 1],
    ['- on blocked: ask-human', { kind: 'on-status', status: 'blocked', next: 'ask-human' }, 3],
    ['  12. on success: END', { kind: 'on-status', status: 'success', next: 'END' }, 7],
    ['`on failure: FAIL`', { kind: 'on-status', status: 'failure', next: 'FAIL' }, 2],
    ['* `next: review`.', { kind: 'next', next: 'review' }, 4],
    ['next: review.', { kind: 'next', next: 'review' }, 1],
    ['when context.tests_pass = true: review', { kind: 'when', path: 'tests_pass', op: '=', value: true, next: 'review' }, 1],
    ['when context.a.b != "x y": plan', { kind: 'when', path: 'a.b', op: '!=', value: 'x y', next: 'plan' }, 1],
    ['when context.count == 3: END', { kind: 'when', path: 'count', op: '=', value: 3, next: 'END' }, 1],
    ['when context.url = http://host:80: fetch', { kind: 'when', path: 'url', op: '=', value: 'http://host:80', next: 'fetch' }, 1],
    ['when context.mode = fast mode: run', { kind: 'when', path: 'mode', op: '=', value: 'fast mode', next: 'run' }, 1],
  ])('issue 13: %j is a rule', (text, rule, column) => {
    const read = parseGuidanceLine(text, at);
    expect(read).toMatchObject({ kind: 'rule', rule: { ...rule, loc: { file: 'steps/a.md', line: 7, column } } });
  });

  it.each([
    'On failure, send the agent back to fix.',
    'on failure: the agent should retry',
    'next steps: think hard',
    'When the tests pass, go on.',
    '# on failure: fix',
    'next: two words',
    '',
  ])('issue 13: %j is prose', (text) => {
    expect(parseGuidanceLine(text, at)).toEqual({ kind: 'prose' });
  });

  it.each(['when context.count > 3: END', 'when context.x = 1'])('issue 13: %j looks like a broken when rule', (text) => {
    expect(parseGuidanceLine(text, at)).toEqual({ kind: 'malformed', column: 1 });
  });

  it.each([
    'on failure: fix',
    'next: END',
    'when context.a.b = true: plan',
    'when context.name != fast mode: plan',
  ])('issue 13: formatRule gives back %j', (text) => {
    const read = parseGuidanceLine(text, at);
    if (read.kind !== 'rule') throw new Error(`not a rule: ${text}`);
    expect(formatRule(read.rule)).toBe(text);
  });
});
