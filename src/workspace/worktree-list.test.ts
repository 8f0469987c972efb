import { describe, expect, it } from 'vitest';
import { parseWorktreeList } from './worktree-list.js';

describe('parseWorktreeList', () => {
  it.each([
    ['empty output', '', []],
    [
      'main checkout and a branch worktree',
      'worktree /src/app\nHEAD aaa\nbranch refs/heads/main\n\nworktree /w/1-x\nHEAD bbb\nbranch refs/heads/orchestra/1-x\n\n',
      [
        { path: '/src/app', head: 'aaa', branch: 'main' },
        { path: '/w/1-x', head: 'bbb', branch: 'orchestra/1-x' },
      ],
    ],
    ['a detached worktree has no branch', 'worktree /w/d\nHEAD ccc\ndetached\n\n', [{ path: '/w/d', head: 'ccc' }]],
    ['a bare repository has no head', 'worktree /r.git\nbare\n\n', [{ path: '/r.git', head: '' }]],
    [
      'a prunable worktree is marked',
      'worktree /w/gone\nHEAD ddd\nbranch refs/heads/x\nprunable gitdir file points to non-existent location\n\n',
      [{ path: '/w/gone', head: 'ddd', branch: 'x', prunable: true }],
    ],
    ['a path with spaces', 'worktree /a b/c\nHEAD eee\nbranch refs/heads/y\n', [{ path: '/a b/c', head: 'eee', branch: 'y' }]],
  ])('%s', (_name, input, expected) => {
    expect(parseWorktreeList(input)).toEqual(expected);
  });
});
