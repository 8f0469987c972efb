import { didYouMean } from '../core/closest-name.js';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { branchExists } from './project-root.js';
import { validateRefName } from './ref-name.js';
import { runGit } from './run-git.js';

const SHOWN_BRANCHES = 8;

/**
 * Checks that the local branch `name` exists in the repository of `root`; otherwise E_GIT naming it, with the
 * local branches (a few) in the hint so a typo is easy to spot.
 */
export async function requireBranch(root: string, name: string, role: string): Promise<void> {
  validateRefName(name, `the ${role}`);
  if (await branchExists(root, name)) return;
  const branches = await localBranches(root);
  throw new OrchestraError(ErrorCode.GIT, `The ${role} "${name}" does not exist in ${root}.${didYouMean(name, branches)}`, {
    hint: branches.length === 0 ? 'The repository has no branches yet: make a first commit.' : `Local branches: ${listSome(branches)}.`,
  });
}

/** Local branch names, most recently committed first. */
export async function localBranches(root: string): Promise<string[]> {
  const out = await runGit(root, ['for-each-ref', '--sort=-committerdate', '--format=%(refname:short)', 'refs/heads/']);
  return out.split('\n').filter((line) => line !== '');
}

function listSome(names: string[]): string {
  const shown = names.slice(0, SHOWN_BRANCHES).join(', ');
  return names.length > SHOWN_BRANCHES ? `${shown} (and ${names.length - SHOWN_BRANCHES} more)` : shown;
}
