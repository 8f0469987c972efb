import type { ResolvedRepo } from '../../config/config-types.js';
import { identityArgs } from '../git-identity.js';
import { runGit } from '../run-git.js';
import { requireCommit } from '../session-start.js';
import { headOf } from './commit-repos.js';
import type { RescuedWork } from './types.js';

/**
 * Puts a resumed run's worktree back at `at`, first keeping whatever is past it on
 * `refs/orchestra/rescue/{runId}/{n}`: commits made after `at`, and uncommitted and untracked files (committed on
 * top of them, with the merge in progress if there was one). Nothing to keep: undefined and nothing changes.
 *
 * `git clean -fd`, not `-fdx`: ignored files (node_modules, build output) are not on the rescue ref either, so
 * removing them would lose them for good and cost a rebuild; they are caches the work can live beside.
 */
export async function rescueAndReset(repo: ResolvedRepo, worktree: string, at: string, runId: string): Promise<RescuedWork | undefined> {
  const target = await requireCommit({ name: repo.name, path: worktree }, at);
  const dirty = (await runGit(worktree, ['status', '--porcelain=v1', '--untracked-files=all'])).trim() !== '';
  if (!dirty && (await headOf(worktree)) === target) return undefined;
  if (dirty) {
    // A commit on the session branch is the simplest save that keeps untracked files; the reset below takes the
    // branch back to `at` anyway, and a crash in between leaves the work on the branch for the next resume to keep.
    await runGit(worktree, ['add', '--all']);
    const message = `Orchestra: work found in run ${runId} after its checkpoint, kept when it resumed`;
    await runGit(worktree, [...(await identityArgs(worktree)), 'commit', '--no-verify', '--quiet', '--allow-empty', '-m', message]);
  }
  const sha = await headOf(worktree);
  const ref = `refs/orchestra/rescue/${runId}/${await nextRescueNumber(worktree, runId)}`;
  await runGit(worktree, ['update-ref', ref, sha]);
  await runGit(worktree, ['reset', '--hard', '--quiet', target]);
  await runGit(worktree, ['clean', '-fd', '--quiet']);
  return { repo: repo.name, ref, sha };
}

async function nextRescueNumber(dir: string, runId: string): Promise<number> {
  const refs = await runGit(dir, ['for-each-ref', '--format=%(refname)', `refs/orchestra/rescue/${runId}/`]);
  const numbers = refs.split('\n').map((ref) => Number(ref.slice(ref.lastIndexOf('/') + 1))).filter((n) => Number.isInteger(n) && n > 0);
  return Math.max(0, ...numbers) + 1;
}
