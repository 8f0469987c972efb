import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { ErrorCode, OrchestraError } from '../core/errors.js';

// A slug becomes part of a branch name and a directory name, so it keeps to characters that are safe in both.
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The git branch a task works on.
 * @example taskBranchName(42, 'fix-tests') // 'orchestra/42-fix-tests'
 */
export function taskBranchName(id: number, slug: string): string {
  validateTaskKey(id, slug);
  return `orchestra/${id}-${slug}`;
}

/**
 * Where a task's worktree lives: under Orchestra's home, not inside the project, so the project's own tools
 * (watchers, test runners, search) never see other tasks' copies. The hash keeps two projects that share a
 * directory name apart.
 * @example worktreePathFor('/home/me/.orchestra', '/src/app', 42, 'fix-tests')
 *   // '/home/me/.orchestra/worktrees/app-1a2b3c4d/42-fix-tests'
 */
export function worktreePathFor(home: string, projectRoot: string, id: number, slug: string): string {
  validateTaskKey(id, slug);
  const hash = createHash('sha256').update(projectRoot).digest('hex').slice(0, 8);
  return join(home, 'worktrees', `${basename(projectRoot)}-${hash}`, `${id}-${slug}`);
}

function validateTaskKey(id: number, slug: string): void {
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new OrchestraError(ErrorCode.USAGE, `Expected the task id to be a positive integer, got ${String(id)} (${typeof id}).`);
  }
  if (!SLUG.test(slug) || slug.endsWith('.lock') || slug.includes('..')) {
    throw new OrchestraError(ErrorCode.USAGE, `Expected the task slug to be letters, digits, ".", "_" or "-", got ${JSON.stringify(slug)}.`, {
      hint: 'Use a short slug such as add-docs.',
    });
  }
}
