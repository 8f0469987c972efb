import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { ResolvedRepo } from '../../config/config-types.js';
import { commitsOnlyIn } from '../../workspace/branch-reach.js';
import { canonicalPath } from '../../workspace/canonical-path.js';
import { uncommittedPaths } from '../../workspace/dirty-files.js';
import { sessionBranchName } from '../../workspace/session-worktree.js';
import type { WorktreeEntry } from '../../workspace/worktree-list.js';
import type { BranchFacts, WorktreeFacts } from './cleanup-rules.js';

/** What one repo looks like, read once for all the runs (cleanup-repo.ts). */
export interface RepoState {
  repo: ResolvedRepo;
  /** Branch under the repo's prefix → tip commit. */
  branches: ReadonlyMap<string, string>;
  worktrees: readonly WorktreeEntry[];
  /** The merge target's ref (`refs/heads/main`, or HEAD). */
  baseRef: string;
  /** Branch → the commits the remote is known to have for it. */
  remote: ReadonlyMap<string, readonly string[]>;
  /** Run id → its rescue refs and their commits. */
  rescues: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Canonical `$ORCHESTRA_HOME/workspaces`. */
  worktreesRoot: string;
}

/** A run's branches and worktrees in one repo. */
export interface RunSession {
  session: string;
  /** The session branch first, then its parallel branches, then its rescue refs (full ref names). */
  branches: Array<{ name: string; tip: string; kind: BranchFacts['kind'] }>;
  /** Worktrees under the run's folder, deepest (the parallel branches') first. */
  worktrees: WorktreeEntry[];
  /** Other checkouts with one of the run's branches checked out. */
  checkedOutElsewhere: string[];
}

/** The run's branches and worktrees in this repo; undefined when it has none (or its names cannot exist). */
export async function findRunSession(state: RepoState, run: { id: string; pipeline: string }): Promise<RunSession | undefined> {
  let session: string;
  try {
    session = sessionBranchName(state.repo, run.pipeline, run.id);
  } catch {
    return undefined; // git refuses the name, so no such branch was ever made
  }
  const branches = [...state.branches]
    .filter(([name]) => name === session || name.startsWith(`${session}--`))
    .map(([name, tip]): RunSession['branches'][number] => ({ name, tip, kind: name === session ? 'session' : 'parallel' }))
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'session' ? -1 : 1));
  for (const [ref, tip] of state.rescues.get(run.id) ?? []) branches.push({ name: ref, tip, kind: 'rescue' });
  const names = new Set(branches.map((branch) => branch.name));
  const runDir = join(state.worktreesRoot, run.id);
  const worktrees: WorktreeEntry[] = [];
  const checkedOutElsewhere: string[] = [];
  for (const entry of state.worktrees) {
    const path = await canonicalPath(entry.path);
    if (isInside(path, runDir)) worktrees.push({ ...entry, path });
    else if (entry.branch !== undefined && names.has(entry.branch)) checkedOutElsewhere.push(entry.path);
  }
  if (branches.length === 0 && worktrees.length === 0) return undefined;
  worktrees.sort((a, b) => b.path.length - a.path.length);
  return { session, branches, worktrees, checkedOutElsewhere };
}

/** Where each branch's commits are: in the base branch, on the remote, in the session branch. */
export async function branchFacts(state: RepoState, found: RunSession): Promise<BranchFacts[]> {
  const dir = state.repo.path;
  const sessionTip = found.branches.find((branch) => branch.kind === 'session')?.tip;
  return Promise.all(
    found.branches.map(async ({ name, tip, kind }) => {
      const remote = kind === 'rescue' ? [] : (state.remote.get(name) ?? []);
      const facts: BranchFacts = {
        name,
        kind,
        notInBase: await commitsOnlyIn(dir, tip, [state.baseRef]),
        notInBaseNorRemote: await commitsOnlyIn(dir, tip, [state.baseRef, ...remote]),
      };
      if (kind !== 'session' && sessionTip !== undefined) facts.notInSession = await commitsOnlyIn(dir, tip, [state.baseRef, ...remote, sessionTip]);
      return facts;
    }),
  );
}

/** Uncommitted files in each of the run's worktrees; a folder already gone has none. */
export async function worktreeFacts(found: RunSession): Promise<WorktreeFacts[]> {
  return Promise.all(
    found.worktrees.map(async (entry) => ({
      path: entry.path,
      dirty: entry.prunable === true || !existsSync(entry.path) ? 0 : (await uncommittedPaths(entry.path)).length,
    })),
  );
}

function isInside(path: string, dir: string): boolean {
  const inside = relative(dir, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}
