import { describe, expect, it } from 'vitest';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { describeError } from './describe-error.js';

describe('describeError', () => {
  it.each<[string, unknown, string]>([
    [
      'an OrchestraError with its hint',
      new OrchestraError(ErrorCode.TASK_STATE, 'Task 3 (add-docs) is already running.', { hint: 'Attach with `orchestra attach 3`.' }),
      'Task 3 (add-docs) is already running. Attach with `orchestra attach 3`.',
    ],
    ['an OrchestraError without a hint', new OrchestraError(ErrorCode.DAEMON, 'The daemon went away.'), 'The daemon went away.'],
    [
      'an OrchestraError that crossed a process boundary',
      { name: 'OrchestraError', code: 'E_GIT', message: 'git worktree add failed.', hint: 'Run `git worktree prune`.' },
      'git worktree add failed. Run `git worktree prune`.',
    ],
    ['a plain Error', new Error('socket closed'), 'socket closed'],
    ['an Error carrying a hint', Object.assign(new Error('no agent'), { hint: 'Start it first.' }), 'no agent Start it first.'],
    ['an object with a message', { message: 'rpc failed' }, 'rpc failed'],
    ['anything else', 42, '42'],
  ])('%s', (_name, error, expected) => {
    expect(describeError(error)).toBe(expected);
  });
});
