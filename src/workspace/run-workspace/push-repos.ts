import { pushBranch, pushPolicyDue, type PushEvent } from '../push-branch.js';
import { tryGit } from '../run-git.js';
import type { RepoCheckout } from './options.js';
import type { PushReport } from './types.js';

/** Repo names whose last push failed: they are pushed again at the next push, whatever its event. */
export type FailedPushes = Set<string>;

export interface PushReposOptions {
  runId: string;
  event: PushEvent;
  failed: FailedPushes;
  timeoutMs: number;
}

/** Pushes each repo whose policy is due (or whose last push failed); never throws. */
export async function pushRepos(checkouts: readonly RepoCheckout[], o: PushReposOptions): Promise<PushReport[]> {
  const reports: PushReport[] = [];
  for (const { repo, branch } of checkouts) {
    if (repo.push === 'never' || !(pushPolicyDue(repo.push, o.event) || o.failed.has(repo.name))) continue;
    const lease = await rewoundLease(repo.path, repo.remote, branch, o.runId, o.timeoutMs);
    const result = await pushBranch({ repo: repo.path, remote: repo.remote, branch, timeoutMs: o.timeoutMs, ...(lease !== undefined && { forceWithLease: lease }) });
    if (result.pushed) {
      o.failed.delete(repo.name);
      reports.push({ repo: repo.name, branch, pushed: true });
    } else {
      o.failed.add(repo.name);
      reports.push({ repo: repo.name, branch, pushed: false, error: `Workspace repo ${repo.name}: ${result.error.message}` });
    }
  }
  return reports;
}

/**
 * The remote branch's commit when a resume rewound the session branch behind it: the remote holds commits that
 * are now kept only on this run's rescue refs, so the push has to replace them (`--force-with-lease` at that
 * commit, so that anything someone else pushed meanwhile is refused, not overwritten). Decided from git's state
 * rather than remembered, so it holds after a crash between the rewind and the push. Undefined: push as usual
 * (also when the remote cannot be read: the push then reports why).
 */
async function rewoundLease(dir: string, remote: string, branch: string, runId: string, timeoutMs: number): Promise<string | undefined> {
  if (remote.startsWith('-')) return undefined;
  // Only a run that was rewound has rescue refs; the others need no look-up at the remote.
  const rescues = (await tryGit(dir, ['for-each-ref', '--format=%(objectname)', `refs/orchestra/rescue/${runId}/`])).stdout.split('\n').filter((line) => line !== '');
  if (rescues.length === 0) return undefined;
  const listed = await tryGit(dir, ['ls-remote', remote, `refs/heads/${branch}`], { timeoutMs }).catch(() => undefined);
  const remoteSha = listed?.exitCode === 0 ? listed.stdout.split(/\s/)[0] : undefined;
  if (remoteSha === undefined || !/^[0-9a-f]{40,64}$/.test(remoteSha)) return undefined;
  if (await isAncestor(dir, remoteSha, `refs/heads/${branch}`)) return undefined;
  for (const sha of rescues) {
    if (await isAncestor(dir, remoteSha, sha)) return remoteSha;
  }
  return undefined;
}

async function isAncestor(dir: string, ancestor: string, of: string): Promise<boolean> {
  return (await tryGit(dir, ['merge-base', '--is-ancestor', ancestor, of])).exitCode === 0;
}
