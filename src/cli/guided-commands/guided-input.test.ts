import { describe, expect, it } from 'vitest';
import { contextOption, objectOption, reportOf, resultOption } from './guided-input.js';

describe('issue 13: guided command input', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['["a"]', 'an array'],
    ['null', 'null'],
    ['"text"', 'string'],
    ['{a', 'is not JSON'],
  ])('--context-updates %s', (text, expected) => {
    if (typeof expected === 'object') expect(objectOption('--context-updates', text)).toEqual(expected);
    else expect(() => objectOption('--context-updates', text)).toThrow(expected);
  });

  it.each([
    ['{"failed":["x"]}', { failed: ['x'] }],
    ['42', 42],
    ['goal is clear', 'goal is clear'],
    ['', ''],
  ])('--result %j is kept as %j', (text, expected) => {
    expect(resultOption(text)).toEqual(expected);
  });

  it('builds a report with a result only when one is given', () => {
    expect(reportOf('PLAN', 'success', {})).toEqual({ step_id: 'PLAN', status: 'success' });
    expect(reportOf('PLAN', 'failure', { result: '{"why":"x"}' })).toEqual({ step_id: 'PLAN', status: 'failure', result: { why: 'x' } });
  });

  it('refuses --context with --context-file, and names an unreadable file', async () => {
    await expect(contextOption('/', { context: '{}', contextFile: 'c.json' })).rejects.toThrow('--context and --context-file both given');
    await expect(contextOption('/', { contextFile: 'no/such/file.json' })).rejects.toThrow('--context-file no/such/file.json: cannot read /no/such/file.json (ENOENT)');
    await expect(contextOption('/', {})).resolves.toEqual({});
  });
});
