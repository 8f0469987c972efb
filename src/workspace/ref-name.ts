import { ErrorCode, OrchestraError } from '../core/errors.js';

/**
 * Rejects a branch name git would read as an option or that can never be a ref, before it reaches a git
 * command line. Git itself still has the last word on the finer rules (`git check-ref-format`).
 */
export function validateRefName(name: string, field: string): void {
  const problem = refNameProblem(name);
  if (problem === undefined) return;
  throw new OrchestraError(ErrorCode.USAGE, `Expected ${field} to be a git branch name, got ${JSON.stringify(name)}: ${problem}.`, {
    hint: 'Use a plain branch name such as main or feature/login.',
  });
}

function refNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'it is empty';
  if (name.startsWith('-')) return 'it starts with "-"';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being rejected
  if (/[\s\x00-\x1f\x7f~^:?*[\\]/.test(name)) return 'it contains a space, control character or one of ~ ^ : ? * [ \\';
  if (name.includes('..')) return 'it contains ".."';
  return undefined;
}
