import { plural } from '../../core/plural.js';
import type { RunState } from '../../store/types.js';

/**
 * The rules of `orchestra cleanup` (issue 14) as pure functions; cleanup-repo.ts gathers the git facts they
 * decide on. The one promise: work that exists nowhere else (commits neither merged nor pushed, uncommitted
 * files) is never removed without --force, and a run that some process drives is never touched at all.
 */

export interface CleanupFlags {
  /** Remove only what finished at least this long ago (ms); 0 removes everything finished. */
  olderThanMs: number;
  /** Also remove interrupted runs' work and work that exists nowhere else. */
  force: boolean;
}

export interface RunFacts {
  state: RunState;
  /** A `running` run whose lease lapsed or whose owner died: nobody drives it, resume can. */
  stale: boolean;
  finishedAt: number | undefined;
  updatedAt: number;
}

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

/**
 * Whether a run's session may be cleaned at all. Completed and failed runs may, once older than
 * --older-than; an interrupted run (or a stale `running` one) could still be resumed, so only --force
 * removes it; a run a live process drives is never touched, --force or not.
 */
export function runEligibility(run: RunFacts, now: number, flags: CleanupFlags): Eligibility {
  if (run.state === 'running' && !run.stale) return { eligible: false, reason: 'running' };
  const resumable = run.state === 'interrupted' || run.state === 'running';
  if (resumable && !flags.force) return { eligible: false, reason: 'interrupted, `orchestra resume` can carry it on; use --force' };
  const age = now - (run.finishedAt ?? run.updatedAt);
  if (age < flags.olderThanMs) {
    return { eligible: false, reason: `${resumable ? 'stopped' : 'finished'} ${roughDuration(Math.max(0, age))} ago, newer than --older-than ${roughDuration(flags.olderThanMs)}` };
  }
  return { eligible: true };
}

const units = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000]] as const;

/** 7 days → "7d", 90 minutes → "1h": the largest whole unit, as --older-than is written. */
export function roughDuration(ms: number): string {
  for (const [unit, size] of units) if (ms >= size) return `${Math.floor(ms / size)}${unit}`;
  return `${Math.floor(ms)}ms`;
}

/** What git says about one branch of a run; commit counts are of commits reachable from its tip. */
export interface BranchFacts {
  name: string;
  /**
   * The session branch, a parallel branch `{session}--{node}-{index}`, or a rescue ref
   * `refs/orchestra/rescue/{runId}/{n}` (work a resume found after its checkpoint).
   */
  kind: 'session' | 'parallel' | 'rescue';
  /** Commits not in the repo's base branch (0: merged). */
  notInBase: number;
  /** Commits in neither the base branch nor the remote's branch of that name (0: merged or pushed). */
  notInBaseNorRemote: number;
  /** Parallel branches and rescue refs: commits in none of base, remote, and the session branch (merged at the fan-in). */
  notInSession?: number;
}

/**
 * Why a branch's work is kept elsewhere, or undefined when some of it exists only on this branch. A
 * parallel branch merged at its fan-in lives on in the session branch, whose own safety is judged beside it.
 */
export function safeBecause(branch: BranchFacts, where: { base: string; remote: string }): string | undefined {
  if (branch.notInBase === 0) return `merged into ${where.base}`;
  if (branch.notInBaseNorRemote === 0) return `pushed to ${where.remote}`;
  if (branch.kind !== 'session' && branch.notInSession === 0) return 'merged into the session branch';
  return undefined;
}

export interface WorktreeFacts {
  path: string;
  /** Files with uncommitted changes (modified, staged or untracked). */
  dirty: number;
}

export type Decision = { action: 'remove'; reason: string } | { action: 'keep'; reason: string };

/**
 * The verdict on one run's session in one repo: its branches and worktrees go together or not at all,
 * because a parallel branch is only safe through the session branch it was merged into.
 */
export function decideRunCleanup(input: {
  eligibility: Eligibility;
  branches: readonly BranchFacts[];
  worktrees: readonly WorktreeFacts[];
  /** Checkouts outside the run's folder that have one of its branches checked out (the user looking at it). */
  checkedOutElsewhere?: readonly string[];
  where: { base: string; remote: string };
  force: boolean;
}): Decision {
  const { eligibility, branches, worktrees, where } = input;
  if (!eligibility.eligible) return { action: 'keep', reason: eligibility.reason };
  // Not even --force: git cannot delete a branch checked out there, and that checkout is not Orchestra's.
  const [elsewhere] = input.checkedOutElsewhere ?? [];
  if (elsewhere !== undefined) return { action: 'keep', reason: `checked out in ${elsewhere}` };
  const session = branches.find((branch) => branch.kind === 'session');
  const risks: string[] = [];
  for (const tree of worktrees) {
    if (tree.dirty > 0) risks.push(`uncommitted changes: ${plural(tree.dirty, 'file')} in ${tree.path}`);
  }
  for (const branch of branches) {
    if (safeBecause(branch, where) !== undefined) continue;
    const count = branch.kind === 'session' ? branch.notInBaseNorRemote : (branch.notInSession ?? branch.notInBaseNorRemote);
    risks.push(`${branch.kind === 'session' ? '' : `${branch.name} `}unpushed and unmerged: ${plural(count, 'commit')}`);
  }
  if (risks.length > 0) {
    return input.force ? { action: 'remove', reason: `--force: ${risks.join('; ')}` } : { action: 'keep', reason: `${risks.join('; ')}; use --force` };
  }
  return { action: 'remove', reason: session === undefined ? 'its session branch is gone' : safeBecause(session, where)! };
}

/** A task's worktree, as cleanup finds it: the task's file and status, or none (the task was deleted). */
export interface TaskWorktreeFacts {
  /** `merged`, another status, or undefined when no task file names this worktree. */
  taskStatus: string | undefined;
  dirty: number;
}

/**
 * A task worktree is stale once its task is merged or its file deleted. Removing it loses only
 * uncommitted files (the task's branch stays), so those need --force; a live task's is never touched.
 */
export function decideTaskWorktree(facts: TaskWorktreeFacts, force: boolean): Decision | undefined {
  if (facts.taskStatus !== undefined && facts.taskStatus !== 'merged') return undefined;
  const why = facts.taskStatus === 'merged' ? 'its task is merged' : 'no task file names it';
  if (facts.dirty === 0) return { action: 'remove', reason: why };
  const risk = `uncommitted changes: ${plural(facts.dirty, 'file')}`;
  return force ? { action: 'remove', reason: `${why}; --force: ${risk}` } : { action: 'keep', reason: `${why}, but ${risk}; use --force` };
}
