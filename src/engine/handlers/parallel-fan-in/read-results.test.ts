import { describe, expect, it } from 'vitest';
import { readParallelResults } from './read-results.js';

describe('readParallelResults', () => {
  it.each<[string, unknown, unknown]>([
    ['absent → empty', undefined, { ok: true, results: [] }],
    ['empty list', [], { ok: true, results: [] }],
    [
      'missing optional fields get defaults',
      [{ id: 'a', status: 'success' }],
      { ok: true, results: [{ id: 'a', status: 'success', notes: null, failure_reason: null, last_node: 'a', score: null, context_updates: {} }] },
    ],
    ['not a list', 'oops', { ok: false, problem: 'parallel.results is not a list of branch results: Invalid input: expected array, received string' }],
    [
      'issue 14: a branch workspace is kept',
      [{ id: 'a', status: 'success', workspace: { node: 'fan', index: 1, branches: { app: 'x--fan-1' } } }],
      { ok: true, results: [{ id: 'a', status: 'success', notes: null, failure_reason: null, last_node: 'a', score: null, context_updates: {}, workspace: { node: 'fan', index: 1, branches: { app: 'x--fan-1' } } }] },
    ],
    ['issue 14: a bad branch workspace index', [{ id: 'a', status: 'success', workspace: { node: 'fan', index: -1, branches: {} } }], { ok: false, problem: expect.stringMatching(/at 0\.workspace\.index: /) }],
    ['unknown status', [{ id: 'a', status: 'great' }], { ok: false, problem: expect.stringMatching(/^parallel\.results is not a list of branch results at 0\.status: /) }],
  ])('%s', (_name, value, expected) => {
    expect(readParallelResults(value)).toEqual(expected);
  });
});
