import { rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ResolvedRepo } from '../../config/config-types.js';
import { isOrchestraError } from '../../core/errors.js';
import type { RunRecord } from '../../store/types.js';
import { branchesWithPrefix, mergeTarget, remoteBranchCommits, rescueRefsByRun } from '../../workspace/branch-reach.js';
import { runGit } from '../../workspace/run-git.js';
import { canonicalPath } from '../../workspace/canonical-path.js';
import { requireGitRepository } from '../../workspace/session-start.js';
import { deleteBranch, listWorktrees, removeWorktree } from '../../workspace/worktrees.js';
import { decideRunCleanup, runEligibility, type CleanupFlags, type RunFacts } from './cleanup-rules.js';
import type { CleanupItem, CleanupProblem } from './cleanup-types.js';
import { branchFacts, findRunSession, worktreeFacts, type RepoState, type RunSession } from './run-session-facts.js';

/** A stored run with what cleanup needs to judge it. */
export interface RunToJudge {
  record: Pick<RunRecord, 'id' | 'pipeline'>;
  facts: RunFacts;
}

export interface CleanupRepoOptions extends CleanupFlags {
  repo: ResolvedRepo;
  runs: readonly RunToJudge[];
  worktreesRoot: string;
  now: number;
  dryRun: boolean;
}

/**
 * Cleans the session branches and worktrees of the runs in one workspace repo: each run's session is
 * judged by cleanup-rules.ts and removed as a whole (worktrees, then parallel branches, then the session
 * branch) or kept as a whole. Throws (E_GIT) only when the repo itself cannot be read.
 */
export async function cleanupRepo(o: CleanupRepoOptions): Promise<{ removed: CleanupItem[]; kept: CleanupItem[]; problems: CleanupProblem[] }> {
  await requireGitRepository(o.repo);
  const removed: CleanupItem[] = [];
  const kept: CleanupItem[] = [];
  const problems: CleanupProblem[] = [];
  const state = await readRepoState(o.repo, await canonicalPath(o.worktreesRoot));
  let remoteRead = false;
  for (const run of o.runs) {
    const found = await findRunSession(state, run.record);
    if (found === undefined) continue;
    const item = itemOf(o.repo, run.record, found);
    const eligibility = runEligibility(run.facts, o.now, o);
    if (eligibility.eligible && !remoteRead) {
      // Asked once, and only when some run may go: ls-remote can take seconds on a real remote.
      state.remote = (await remoteBranchCommits(o.repo.path, o.repo.remote, o.repo.branchPrefix)).commits;
      remoteRead = true;
    }
    const decision = decideRunCleanup({
      eligibility,
      branches: eligibility.eligible ? await branchFacts(state, found) : [],
      worktrees: eligibility.eligible ? await worktreeFacts(found) : [],
      checkedOutElsewhere: found.checkedOutElsewhere,
      where: { base: state.baseName, remote: o.repo.remote },
      force: o.force,
    });
    if (decision.action === 'keep') {
      kept.push({ ...item, reason: decision.reason });
      continue;
    }
    const failure = o.dryRun ? undefined : await removeRunSession(o.repo, found, o.force, join(state.worktreesRoot, run.record.id)).then(() => undefined, (error: unknown) => error);
    if (failure === undefined) {
      removed.push({ ...item, reason: decision.reason });
      continue;
    }
    // One run that git refuses to remove (a locked worktree, a file git cannot delete) does not stop the others.
    if (!isOrchestraError(failure)) throw failure;
    problems.push({ repo: o.repo.name, code: failure.code, message: `Run ${run.record.id}: ${failure.message}`, ...(failure.hint !== undefined && { hint: failure.hint }) });
  }
  return { removed, kept, problems };
}

async function readRepoState(repo: ResolvedRepo, worktreesRoot: string): Promise<RepoState & { baseName: string; remote: ReadonlyMap<string, readonly string[]> }> {
  const target = await mergeTarget(repo.path, repo.base);
  return {
    repo,
    branches: await branchesWithPrefix(repo.path, repo.branchPrefix),
    worktrees: await listWorktrees(repo.path),
    baseRef: target.ref,
    baseName: target.name,
    remote: new Map(),
    rescues: await rescueRefsByRun(repo.path),
    worktreesRoot,
  };
}

/** Worktrees first (git refuses to delete a branch checked out somewhere), the deepest first; then the branches. */
async function removeRunSession(repo: ResolvedRepo, found: RunSession, force: boolean, runDir: string): Promise<void> {
  for (const entry of found.worktrees) {
    await removeWorktree({ root: repo.path, path: entry.path, force });
    await removeEmptyParents(entry.path, runDir);
  }
  // A parallel branch's own removal (at its fan-in) can leave an empty `branches/` behind.
  for (const dir of [join(runDir, 'branches'), runDir]) await rmdir(dir).catch(() => undefined);
  for (const branch of [...found.branches].reverse()) {
    if (branch.kind === 'rescue') await runGit(repo.path, ['update-ref', '-d', branch.name, branch.tip]);
    else await deleteBranch(repo.path, branch.name);
  }
}

/**
 * The folders between a removed worktree and the run's (`branches/{node}-{index}/`, the run's own) go
 * once empty: the run's folder holds every repo's worktrees, so it goes with the last of them.
 */
async function removeEmptyParents(path: string, runDir: string): Promise<void> {
  for (let dir = dirname(path); dir.startsWith(runDir); dir = dirname(dir)) {
    const gone = await rmdir(dir).then(() => true, () => false);
    if (!gone || dir === runDir) return;
  }
}

function itemOf(repo: ResolvedRepo, run: Pick<RunRecord, 'id' | 'pipeline'>, found: RunSession): Omit<CleanupItem, 'reason'> {
  return {
    kind: 'run',
    repo: repo.name,
    runId: run.id,
    pipeline: run.pipeline,
    branches: found.branches.map((branch) => branch.name),
    worktrees: found.worktrees.map((entry) => entry.path),
  };
}
