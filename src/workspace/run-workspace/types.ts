import type { ConflictPolicy } from '../../config/config-types.js';
import type { PushEvent } from '../push-branch.js';

/**
 * The git side of a run as the engine sees it (issue 14): the one interface between the engine and
 * the workspace layer. A run's workspace is its session worktrees, one per configured repo; a
 * parallel branch's is a worktree per repo on a branch off the session branch. Paths are absolute.
 */
export interface RunWorkspace {
  /** Repo name → the worktree this walk works in (the session's, or a parallel branch's). */
  readonly paths: Readonly<Record<string, string>>;
  /** Repo name → the branch checked out there. */
  readonly branches: Readonly<Record<string, string>>;
  /** The worktree agent and tool nodes work in: the `primary` repo's, else the first repo's. */
  readonly primary: string;
  /**
   * `workspace.on_conflict` of orchestra.yaml: what a fan-in does when merging the branches
   * conflicts (fail naming the files, or hand the conflict to an agent). Absent: `fail`.
   */
  readonly onConflict?: ConflictPolicy;
  /**
   * Commits, in every repo, what changed since its last commit (only `files` when given: paths
   * relative to the primary worktree, the files an agent turn wrote), with the Orchestra trailers and
   * a message from the commit-message writer (the `cheap` model) or the deterministic one. A repo
   * with nothing to commit is left alone. Returns every repo's HEAD afterwards.
   */
  commit(scope: CommitScope): Promise<RepoHeads>;
  /** Every repo's HEAD commit now. */
  heads(): Promise<RepoHeads>;
  /**
   * A workspace for parallel branch `index` of node `node`: per repo, a worktree on a new branch
   * `{session branch}--{node}-{index}` starting at this workspace's HEAD. Reopening an existing one
   * (a resumed run's branch) reuses it.
   */
  branch(node: string, index: number): Promise<RunWorkspace>;
  /**
   * Merges the branch workspaces' commits into this one, in the order given (the parallel node's
   * branch order), one merge commit per branch that changed anything. Stops at the first conflict
   * and leaves that merge in progress, so that an agent can resolve it (or `abort()` it). Order: repo by
   * repo in the config's order, and within a repo the branches in the order given. While a merge is in
   * progress, `commit()` leaves that repo alone: the resolution goes into the merge commit `conclude()` makes.
   */
  merge(branches: readonly RunWorkspace[], scope: { runId: string; node: string }): Promise<MergeResult>;
  /** Pushes every repo whose policy is due for `event`, retrying pushes that failed earlier; never throws. */
  push(event: PushEvent): Promise<PushReport[]>;
  /**
   * A branch workspace: removes its worktrees and branches once merged. Never loses work: a branch with commits
   * its parent lacks, or a worktree with uncommitted changes, is kept (and logged). The session's stay (see
   * `orchestra cleanup`).
   */
  dispose(): Promise<void>;
}

/** Repo name → commit SHA. Stored in checkpoints and with agent turns. */
export type RepoHeads = Record<string, string>;

export interface CommitScope {
  runId: string;
  node: string;
  /** The agent turn (from 1); absent for what a node left when it ended (tool nodes, CLI agents). */
  turn?: number;
  /** Only these files (relative to the primary worktree); absent: everything that changed. */
  files?: readonly string[];
}

export type MergeResult =
  | { kind: 'merged'; heads: RepoHeads }
  | {
      kind: 'conflict';
      repo: string;
      /** The branch whose merge conflicted, and the files with conflicts, relative to the worktree. */
      branch: string;
      files: string[];
      /** The worktree with the merge in progress. */
      worktree: string;
      /** Abandons the merge in progress: the worktree is back at its HEAD before it. */
      abort(): Promise<void>;
      /** Commits the merge once no file has conflicts left, then merges the remaining branches. */
      conclude(): Promise<MergeResult>;
    };

export interface PushReport {
  repo: string;
  branch: string;
  pushed: boolean;
  /** Why the push failed (it is retried at the next push, never failing the run). */
  error?: string;
}

/** Work a resumed run found after its checkpoint's commit, kept on a ref instead of being lost. */
export interface RescuedWork {
  repo: string;
  /** `refs/orchestra/rescue/{runId}/{n}`. */
  ref: string;
  sha: string;
}

/**
 * Makes run workspaces from the `workspace:` section of orchestra.yaml; the engine gets one through
 * EngineOptions.workspaces and has no workspace without it.
 */
export interface RunWorkspaces {
  /**
   * A new run's session branches `{branch_prefix}{pipeline}/{runId}` and their worktrees under
   * ORCHESTRA_HOME, from each repo's HEAD (or `base`), or from `at` (a replay's checkpoint heads).
   */
  create(run: { runId: string; pipeline: string; at?: RepoHeads }): Promise<RunWorkspace>;
  /**
   * A resumed run's session, each worktree put back at `at` (its last checkpoint's heads; absent:
   * where it is). Commits and uncommitted files after `at` are kept on a rescue ref first. A missing
   * worktree is made again from its session branch; a missing session branch is an error.
   */
  reopen(run: { runId: string; pipeline: string; at?: RepoHeads }): Promise<{ workspace: RunWorkspace; rescued: RescuedWork[] }>;
}

/** Writes a commit message from a diff (the `cheap` model); undefined or a throw falls back to the deterministic message. */
export type CommitMessageWriter = (input: { diff: string; files: readonly string[]; node: string; turn: number | undefined; signal?: AbortSignal }) => Promise<string | undefined>;
