import { describe, expect, it } from 'vitest';
import { isOrchestraError, type OrchestraError } from '../core/errors.js';
import type { Task } from './task.js';
import { resolveTaskRef } from './task-ref.js';

const tasks = [task(1, 'fix-tests'), task(2, 'add-docs'), task(3, '2fa'), task(12, 'fix-tests-2'), task(20, 'dup'), task(21, 'dup')];

describe('resolveTaskRef', () => {
  it.each([
    ['2', 2],
    [' 2 ', 2],
    ['fix-tests', 1],
    ['2fa', 3],
    ['1:fix-tests', 1],
    ['1-fix-tests', 1],
    ['12-fix-tests-2', 12],
    ['20:dup', 20],
    ['21-dup', 21],
  ])('%j → task %d', (ref, id) => {
    expect(resolveTaskRef(tasks, ref).id).toBe(id);
  });

  it.each([
    ['99', 'no task matches "99".'],
    ['fxi-tests', 'no task matches "fxi-tests". Did you mean "fix-tests"?'],
    ['nothing-like-it', 'no task matches "nothing-like-it".'],
    ['2:fix-tests', 'no task matches "2:fix-tests". Did you mean "1:fix-tests"?'],
    ['1:fix-test', 'no task matches "1:fix-test". Did you mean "fix-tests"?'],
  ])('%j is not found: %s', (ref, message) => {
    const error = refError(tasks, ref);
    expect(error.code).toBe('E_TASK_NOT_FOUND');
    expect(error.message).toBe(message);
    expect(error.hint).toMatch(/id \(42\) or slug/);
  });

  it('a slug used by two tasks is ambiguous and lists both ids', () => {
    const error = refError(tasks, 'dup');
    expect(error.code).toBe('E_TASK_AMBIGUOUS');
    expect(error.message).toBe('"dup" names 2 tasks: 20:dup, 21:dup.');
  });

  it('two files with one id are ambiguous by id, but not by file name', () => {
    const clash = [task(5, 'one'), task(5, 'two')];
    expect(refError(clash, '5')).toMatchObject({ code: 'E_TASK_AMBIGUOUS', message: '"5" names 2 tasks: 5:one, 5:two.' });
    expect(resolveTaskRef(clash, '5:two').slug).toBe('two');
  });

  it('finds nothing in an empty project', () => {
    expect(refError([], 'x').code).toBe('E_TASK_NOT_FOUND');
  });
});

function task(id: number, slug: string): Task {
  return { id, slug, status: 'draft', baseBranch: 'main', createdAt: '', updatedAt: '', description: '', file: `/p/${id}:${slug}.md`, extra: {} };
}

function refError(list: Task[], ref: string): OrchestraError {
  try {
    resolveTaskRef(list, ref);
  } catch (error) {
    if (isOrchestraError(error)) return error;
    throw error;
  }
  throw new Error('expected resolveTaskRef to throw');
}
