import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/outcome.js';
import { readsExternalStatus, withHandlerContext } from './external-status.js';

describe('decision 18: whose status.json counts', () => {
  it.each([
    ['codergen', true],
    ['tool', true],
    ['conditional', false],
    ['wait.human', false],
    ['parallel', false],
  ])('issue 9: %s → %s', (type, expected) => {
    expect(readsExternalStatus(type)).toBe(expected);
  });
});

describe('decision 18: withHandlerContext', () => {
  const file: Outcome = { status: 'fail', failureReason: 'lint', contextUpdates: { errors: 3, 'tool.output': 'file' } };
  it.each<[string, Outcome | undefined, Outcome]>([
    ['no handler outcome → the file as it is', undefined, file],
    ['handler without context → the file as it is', { status: 'success' }, file],
    [
      'issue 9: the status and reason are the file; the handler context stays beneath the file context',
      { status: 'success', notes: 'exit 0', contextUpdates: { 'tool.output': 'ok', 'tool.exit_code': 0 } },
      { status: 'fail', failureReason: 'lint', contextUpdates: { 'tool.output': 'file', 'tool.exit_code': 0, errors: 3 } },
    ],
  ])('%s', (_name, handler, expected) => {
    expect(withHandlerContext(file, handler)).toEqual(expected);
  });

  it('a file without context_updates still gets the handler context', () => {
    expect(withHandlerContext({ status: 'success' }, { status: 'fail', contextUpdates: { 'tool.exit_code': 1 } })).toEqual({
      status: 'success',
      contextUpdates: { 'tool.exit_code': 1 },
    });
  });
});
