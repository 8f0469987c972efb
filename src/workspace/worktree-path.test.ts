import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { taskBranchName, worktreePathFor } from './worktree-path.js';

describe('taskBranchName', () => {
  it.each([
    [42, 'fix-tests', 'orchestra/42-fix-tests'],
    [1, 'a', 'orchestra/1-a'],
    [7, 'v1.2_docs', 'orchestra/7-v1.2_docs'],
  ])('%i + %s → %s', (id, slug, branch) => {
    expect(taskBranchName(id, slug)).toBe(branch);
  });

  it.each([
    [0, 'a', 'Expected the task id to be a positive integer, got 0 (number).'],
    [1.5, 'a', 'Expected the task id to be a positive integer, got 1.5 (number).'],
    [1, '', 'Expected the task slug to be letters, digits, ".", "_" or "-", got "".'],
    [1, '-x', 'Expected the task slug to be letters, digits, ".", "_" or "-", got "-x".'],
    [1, 'a/b', 'Expected the task slug to be letters, digits, ".", "_" or "-", got "a/b".'],
    [1, 'a b', 'Expected the task slug to be letters, digits, ".", "_" or "-", got "a b".'],
    [1, 'a..b', 'Expected the task slug to be letters, digits, ".", "_" or "-", got "a..b".'],
    [1, 'x.lock', 'Expected the task slug to be letters, digits, ".", "_" or "-", got "x.lock".'],
  ])('rejects id %s slug %j', (id, slug, message) => {
    expect(() => taskBranchName(id, slug)).toThrow(expect.objectContaining({ code: 'E_USAGE', message }));
  });
});

describe('worktreePathFor', () => {
  it('puts the worktree under <home>/worktrees/<project>-<hash8>/<id>-<slug>', () => {
    const hash = createHash('sha256').update('/src/app').digest('hex').slice(0, 8);
    expect(worktreePathFor('/home/me/.orchestra', '/src/app', 42, 'fix-tests')).toBe(`/home/me/.orchestra/worktrees/app-${hash}/42-fix-tests`);
  });

  it('keeps two projects with the same directory name apart', () => {
    const a = worktreePathFor('/h', '/one/app', 1, 'x');
    const b = worktreePathFor('/h', '/two/app', 1, 'x');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\/h\/worktrees\/app-[0-9a-f]{8}\/1-x$/);
  });

  it('rejects a bad slug', () => {
    expect(() => worktreePathFor('/h', '/p', 1, '../escape')).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });
});
